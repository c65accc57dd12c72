import { fail, ok, type AppError, type Result } from '../../src-shared/core/result';
import type { MeetingActor } from '../../src-shared/meetings/meeting-access';
import { canReadMeeting, refusals } from '../../src-shared/meetings/meeting-access';
import { meetingDataSchema, parseOccurrenceId, type MeetingDocument } from '../../src-shared/meetings/meeting-model';
import { materialiseOccurrence } from '../../src-shared/meetings/occurrences';
import { isOccurrenceOf, isoOf, seriesUntilAt } from '../../src-shared/meetings/recurrence';
import { judgeMeetingChange } from '../../src-shared/meetings/meeting-write-rule';
import type { PersonDocument } from '../../src-shared/people/person';
import type { LabDatabase } from '../database/open-database';
import type { CommandContext, QueryContext } from '../host/handler-types';
import { writeContextOf } from '../projects/project-access';

/**
 * Reading and writing meeting documents for the meeting commands. Every write is judged by the
 * same rule the sync server applies to pushed meetings (judgeMeetingChange) before the audited
 * writer stores it, so the host cannot write a meeting the server would refuse.
 */

type Plain = MeetingDocument & { _rev?: unknown; _meta?: unknown; _attachments?: unknown; _deleted?: unknown };

/** A stored meeting with its data checked; null when missing or unreadable (written by a newer LabFlow). */
export async function readMeeting(db: LabDatabase, id: string): Promise<MeetingDocument | null> {
  const doc = await db.meetings.findOne(id).exec();
  if (!doc) return null;
  const { _rev, _meta, _attachments, _deleted, ...plain } = doc.toJSON() as Plain;
  void _rev; void _meta; void _attachments; void _deleted;
  const data = meetingDataSchema.safeParse(plain.data);
  return data.success ? { ...plain, data: data.data } : null;
}

export const toMeeting = (doc: { toJSON(): unknown }): MeetingDocument | null => {
  const plain = doc.toJSON() as MeetingDocument;
  const data = meetingDataSchema.safeParse(plain.data);
  return data.success ? { ...plain, data: data.data } : null;
};

/** What a meeting reference names: a meeting (one-off, series or an occurrence's own document) or an occurrence without a document yet. */
export type ResolvedMeeting =
  | { kind: 'document'; doc: MeetingDocument; series: MeetingDocument | null }
  | { kind: 'occurrence'; series: MeetingDocument; recurrenceId: string };

export async function resolveMeeting(db: LabDatabase, ref: string): Promise<ResolvedMeeting | null> {
  const doc = await readMeeting(db, ref);
  if (doc) return { kind: 'document', doc, series: doc.seriesId ? await readMeeting(db, doc.seriesId) : null };
  const occurrence = parseOccurrenceId(ref);
  if (!occurrence) return null;
  const series = await readMeeting(db, occurrence.seriesId);
  if (!series?.data.recurrence) return null;
  const timing = { startsAt: series.startsAt, endsAt: series.endsAt, timeZone: series.data.timeZone, recurrence: series.data.recurrence };
  return isOccurrenceOf(timing, occurrence.recurrenceId) ? { kind: 'occurrence', series, recurrenceId: isoOf(occurrence.recurrenceId) } : null;
}

export const meetingGone = (): { ok: false; error: AppError } => fail('not_found', 'That meeting no longer exists. It may have been cancelled and removed on another PC.');

/** The signed-in person as the meeting rules see them (roles from the directory, not the session). */
export async function meetingActorOf(context: CommandContext | QueryContext): Promise<MeetingActor> {
  const person = await context.db.people.findOne(context.actor.id).exec();
  const roles = person && person.get('isActive') ? ((person.toJSON() as PersonDocument).roles ?? []) : [];
  return { id: context.actor.id, roles };
}

/** The meeting a command works on and the person asking, or the error to return (missing, not readable). */
export async function meetingFor(context: CommandContext, ref: string): Promise<Result<{ resolved: ResolvedMeeting; actor: MeetingActor; current: MeetingDocument }>> {
  const resolved = await resolveMeeting(context.db, ref);
  if (!resolved) return meetingGone();
  const actor = await meetingActorOf(context);
  const current = resolved.kind === 'document' ? resolved.doc : resolved.series;
  if (!canReadMeeting(current, actor)) return meetingGone();
  return ok({ resolved, actor, current });
}

/**
 * The document of this occurrence, made from its series when it has none yet (materialiseOccurrence),
 * and the stored version to judge a change against (null for a new document).
 */
export function occurrenceDocument(resolved: ResolvedMeeting): { before: MeetingDocument | null; doc: MeetingDocument } {
  if (resolved.kind === 'document') return { before: resolved.doc, doc: resolved.doc };
  const base = materialiseOccurrence(resolved.series, resolved.recurrenceId);
  return { before: null, doc: { ...resolved.series, ...base } as MeetingDocument };
}

/** The span column of a meeting: its end, or a series' last end. */
export function withUntil(doc: MeetingDocument): MeetingDocument {
  if (!doc.data.recurrence || doc.seriesId) return { ...doc, untilAt: doc.endsAt };
  return { ...doc, untilAt: seriesUntilAt({ startsAt: doc.startsAt, endsAt: doc.endsAt, timeZone: doc.data.timeZone, recurrence: doc.data.recurrence }) };
}

/**
 * Writes meetings after the shared rule accepted each change. `before` null: a new document (a
 * new meeting, or an occurrence's first document, judged against its series).
 */
export async function saveMeetings(
  context: CommandContext,
  actor: MeetingActor,
  items: readonly { before: MeetingDocument | null; after: MeetingDocument; series?: MeetingDocument | null }[],
): Promise<Result<MeetingDocument[]>> {
  const prepared = items.map((item) => ({ ...item, after: withUntil(item.after) }));
  for (const item of prepared) {
    const decision = judgeMeetingChange(actor, item.before, item.after, item.series ?? null);
    if (!decision.isAllowed) return fail('forbidden', decision.reason);
  }
  const write = writeContextOf(context);
  const saved = await context.writer.replaceMany<MeetingDocument>(
    'meetings',
    prepared.map(({ before, after }) => {
      const { createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, auditId: _a, ...fields } = after;
      return { before, fields, context: write };
    }),
  );
  return ok(saved);
}

export async function saveMeeting(context: CommandContext, actor: MeetingActor, before: MeetingDocument | null, after: MeetingDocument, series?: MeetingDocument | null): Promise<Result<MeetingDocument>> {
  const saved = await saveMeetings(context, actor, [{ before, after, series: series ?? null }]);
  return saved.ok ? ok(saved.value[0] as MeetingDocument) : saved;
}

/** The occurrence documents of a series (moved, cancelled alone, with agendas or minutes). */
export async function occurrenceDocumentsOf(db: LabDatabase, seriesId: string): Promise<MeetingDocument[]> {
  const docs = await db.meetings.find({ selector: { seriesId } }).exec();
  return docs.flatMap((d) => toMeeting(d) ?? []);
}

export const notAllowed = (reason: keyof typeof refusals): { ok: false; error: AppError } => fail('forbidden', refusals[reason]);
