import { fail, ok, type Result } from '../../src-shared/core/result';
import { canManageMeeting, canTakeMinutes, refusals, type MeetingActor } from '../../src-shared/meetings/meeting-access';
import type { MeetingDocument } from '../../src-shared/meetings/meeting-model';
import type { CommandContext } from '../host/handler-types';
import { meetingFor, occurrenceDocument, saveMeeting } from './meeting-store';

/**
 * One edit of one meeting document by a command: find it (an occurrence gets its own document on
 * its first edit), check the person may make this kind of change, apply `change`, and save through
 * the shared rule and the audited writer.
 */

export type EditRight = 'manage' | 'minutes' | 'none';

const rights: Record<Exclude<EditRight, 'none'>, { check: (doc: MeetingDocument, actor: MeetingActor) => boolean; refusal: string }> = {
  manage: { check: canManageMeeting, refusal: refusals.manage },
  minutes: { check: canTakeMinutes, refusal: refusals.minutes },
};

export interface EditTarget {
  doc: MeetingDocument;
  actor: MeetingActor;
  series: MeetingDocument | null;
}

export async function editMeeting(
  context: CommandContext,
  ref: string,
  right: EditRight,
  change: (target: EditTarget) => Result<MeetingDocument> | Promise<Result<MeetingDocument>>,
  options: { isSeries?: boolean } = {},
): Promise<Result<MeetingDocument>> {
  const found = await meetingFor(context, ref);
  if (!found.ok) return found;
  const { resolved, actor } = found.value;
  const series = resolved.kind === 'occurrence' ? resolved.series : resolved.series;
  // The standing agenda of a series lives on the series itself.
  const target = options.isSeries && series ? { before: series, doc: series } : occurrenceDocument(resolved);
  if (right !== 'none' && !rights[right].check(target.doc, actor)) return fail('forbidden', rights[right].refusal);
  if (target.doc.status === 'cancelled' && right === 'manage') return fail('invalid_state', 'This meeting is cancelled.');
  const changed = await change({ doc: target.doc, actor, series: options.isSeries ? null : series });
  if (!changed.ok) return changed;
  if (target.before && JSON.stringify(target.before) === JSON.stringify(changed.value)) return ok(target.before);
  return saveMeeting(context, actor, target.before, changed.value, options.isSeries ? null : series);
}

export const withData = (doc: MeetingDocument, data: Partial<MeetingDocument['data']>): MeetingDocument => ({ ...doc, data: { ...doc.data, ...data } });

export const notFoundIn = (what: string, field: string) => fail('not_found', `That ${what} is no longer on this meeting; someone may have removed it.`, { field });
