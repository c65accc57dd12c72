import { switchMap } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { InteractionData } from '../../src-shared/crm/interaction-kind';
import { timelineKinds, timelineSubjectIds, type TimelineItem } from '../../src-shared/crm/interaction-timeline';
import { timelineOf } from '../../src-shared/crm/crm-schedule';
import { canReadMeetingDocument } from '../../src-shared/meetings/meeting-scope';
import type { RecordActor } from '../../src-shared/records/who';
import type { LabDatabase } from '../database/open-database';
import { personNames, type StoredDoc } from '../records/module-records';
import { onRecordChanges } from '../equipment/instrument-states';
import type { QueryHandlers } from '../host/handler-types';
import { recordActor$ } from '../records/record-queries';
import { canReadRecordDoc, readRecord, readStored } from '../records/record-store';

const readable = (actor: RecordActor, docs: readonly { toJSON(): unknown }[]) =>
  docs.map((d) => readStored(d.toJSON() as StoredDoc)).filter((stored) => canReadRecordDoc(actor, stored)).map((stored) => stored.doc as StoredDoc);

/** The timeline of record `id` as `actor` may read it: only interactions (and meetings) they may read. */
async function timeline(db: LabDatabase, actor: RecordActor, id: string): Promise<Result<TimelineItem[]>> {
  const stored = await readRecord(db, id);
  if (!stored || !canReadRecordDoc(actor, stored)) return fail('not_found', 'That record no longer exists, or it is not shared with you.');
  if (!timelineKinds.has(stored.doc.kind)) return fail('invalid_input', 'Only leads, contacts, organisations and opportunities have a timeline of interactions.', { field: 'id' });
  const children = stored.doc.kind === 'organisation' ? readable(actor, await db.records.find({ selector: { parentId: id } }).exec()) : [];
  const subjectIds = timelineSubjectIds(stored.doc, children);
  const interactions = readable(actor, await db.records.find({ selector: { kind: 'interaction', parentId: { $in: subjectIds } } }).exec());
  const entries = timelineOf(subjectIds, interactions.map((doc) => ({ doc, data: doc.data as InteractionData, id: doc.id, subjectId: (doc.data as InteractionData).subjectId, occurredAt: (doc.data as InteractionData).occurredAt })));
  const titles = new Map([[stored.doc.id, stored.doc.title], ...children.map((c) => [c.id, c.title] as const)]);
  const owners = await personNames(db, entries.map((e) => e.data.ownerId));
  const meetingIds = [...new Set(entries.flatMap((e) => (e.data.meetingId ? [e.data.meetingId] : [])))];
  const meetings = meetingIds.length > 0 ? await db.meetings.findByIds(meetingIds).exec() : new Map();
  return ok(entries.map(({ id: entryId, data }) => {
    const meeting = data.meetingId ? meetings.get(data.meetingId) : undefined;
    const meetingDoc = meeting?.toJSON() as Record<string, unknown> | undefined;
    return {
      id: entryId,
      type: data.type,
      direction: data.direction,
      occurredAt: data.occurredAt,
      summary: data.summary,
      details: data.details,
      ownerName: owners.get(data.ownerId) ?? '',
      subjectId: data.subjectId,
      subjectTitle: titles.get(data.subjectId) ?? '',
      ...(data.nextFollowUpOn ? { nextFollowUpOn: data.nextFollowUpOn } : {}),
      followUpDone: data.followUpDone,
      ...(meetingDoc && canReadMeetingDocument(actor, meetingDoc) ? { meeting: { id: String(meetingDoc.id), title: String(meetingDoc.title), startsAt: String(meetingDoc.startsAt) } } : {}),
    };
  }));
}

export const timelineQueryHandlers: QueryHandlers<'crm/timeline'> = {
  'crm/timeline': (input, context) => recordActor$(context.db, context.actor.id).pipe(switchMap((actor) => onRecordChanges(context.db, () => timeline(context.db, actor, input.id)))),
};
