import { combineLatest, from, switchMap } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { RecordLinkView } from '../../src-shared/records/record-contract';
import type { RecordDocument } from '../../src-shared/records/record-document';
import type { CommandContext, CommandHandlers, QueryHandlers } from '../host/handler-types';
import type { LabDatabase } from '../database/open-database';
import { writeContextOf } from '../projects/project-access';
import { softDelete } from '../tasks/soft-delete';
import { recordActorOf } from './record-actor';
import { recordActor$ } from './record-queries';
import { canReadRecordDoc, readRecord, readStored } from './record-store';

/**
 * Links between a record and another record, project, task or meeting: `activity` documents of kind
 * `link` on the record (and a mirror on the other record), so they are scoped like the record they
 * are on, replicate like comments and never conflict with edits of the record itself.
 */
interface LinkDocument {
  id: string;
  subjectId: string;
  createdBy: string;
  data: { targetCollection: string; targetId: string; relation: string; pairId: string; isReverse?: boolean };
}

type Target = { kind: string; title: string; number: string; status: string };

async function describeTarget(db: LabDatabase, collection: string, id: string): Promise<Target | null> {
  if (collection === 'records') {
    const record = await readRecord(db, id);
    return record ? { kind: record.doc.kind, title: record.doc.title, number: record.doc.number, status: record.doc.status } : null;
  }
  if (collection === 'projects') {
    const p = await db.projects.findOne(id).exec();
    return p ? { kind: 'project', title: String(p.get('name')), number: String(p.get('code')), status: String(p.get('status')) } : null;
  }
  if (collection === 'tasks') {
    const t = await db.tasks.findOne(id).exec();
    return t ? { kind: 'task', title: String(t.get('title')), number: '', status: String(t.get('status')) } : null;
  }
  const m = await db.meetings.findOne(id).exec();
  return m ? { kind: 'meeting', title: String(m.get('title')), number: '', status: String(m.get('startsAt') ?? '') } : null;
}

const linkOf = (doc: LinkDocument, target: Target): RecordLinkView => ({
  linkId: doc.id,
  relation: doc.data.relation,
  direction: doc.data.isReverse ? 'from' : 'to',
  collection: doc.data.targetCollection,
  id: doc.data.targetId,
  ...target,
});

const noRecord = () => fail('not_found', 'That record no longer exists, or it is not shared with you.');

async function readableRecord(context: CommandContext, id: string) {
  const actor = await recordActorOf(context.db, context.actor.id);
  const record = await readRecord(context.db, id);
  return record && canReadRecordDoc(actor, record) ? { record, actor } : null;
}

export const recordLinkCommandHandlers: CommandHandlers<'records/link' | 'records/unlink'> = {
  async 'records/link'(input, context) {
    const found = await readableRecord(context, input.id);
    if (!found) return noRecord();
    if (input.targetCollection === 'records') {
      const other = await readRecord(context.db, input.targetId);
      if (!other || !canReadRecordDoc(found.actor, other)) return fail('not_found', 'The record to link no longer exists, or it is not shared with you.', { field: 'targetId' });
      if (other.doc.id === input.id) return fail('invalid_input', 'A record cannot be linked to itself.', { field: 'targetId' });
    }
    const target = await describeTarget(context.db, input.targetCollection, input.targetId);
    if (!target) return fail('not_found', 'What you want to link to no longer exists.', { field: 'targetId' });
    const existing = await context.db.activity.find({ selector: { kind: 'link', subjectId: input.id } }).exec();
    const same = existing.map((d) => d.toJSON() as unknown as LinkDocument).find((l) => l.data.targetId === input.targetId && l.data.relation === input.relation);
    if (same) return ok(linkOf(same, target));
    const pairId = context.newId();
    const at = context.clock().toISOString();
    const write = writeContextOf(context);
    const link = await context.writer.insert<LinkDocument & { id: string; createdAt: string; updatedAt: string; updatedBy: string; auditId: string }>(
      'activity',
      { kind: 'link', subjectType: 'records', subjectId: input.id, personId: context.actor.id, at, data: { targetCollection: input.targetCollection, targetId: input.targetId, relation: input.relation, pairId } },
      write,
    );
    if (input.targetCollection === 'records') {
      await context.writer.insert(
        'activity',
        { kind: 'link', subjectType: 'records', subjectId: input.targetId, personId: context.actor.id, at, data: { targetCollection: 'records', targetId: input.id, relation: input.relation, pairId, isReverse: true } },
        write,
      );
    }
    return ok(linkOf(link, target));
  },

  async 'records/unlink'(input, context) {
    const found = await readableRecord(context, input.id);
    if (!found) return noRecord();
    const doc = await context.db.activity.findOne(input.linkId).exec();
    const link = doc?.toJSON() as unknown as LinkDocument | undefined;
    if (!link || (doc?.get('kind') as string) !== 'link' || link.subjectId !== input.id) return fail('not_found', 'That link no longer exists.', { field: 'linkId' });
    if (link.createdBy !== context.actor.id && !found.actor.roles.includes('admin')) return fail('forbidden', 'Only whoever made a link (or an administrator) can remove it.');
    const pair = await context.db.activity.find({ selector: { kind: 'link', subjectId: { $in: [input.id, link.data.targetId] } } }).exec();
    for (const d of pair) {
      const other = d.toJSON() as unknown as LinkDocument;
      if (other.data.pairId === link.data.pairId) await softDelete(context, 'activity', d.toJSON() as never);
    }
    return ok(null);
  },
};

export const recordLinkQueryHandlers: QueryHandlers<'records/links'> = {
  'records/links': (input, context) =>
    combineLatest([context.db.activity.find({ selector: { kind: 'link', subjectId: input.id } }).$, recordActor$(context.db, context.actor.id), context.db.records.findOne(input.id).$]).pipe(
      switchMap(([docs, actor, recordDoc]) =>
        from(
          (async (): Promise<Result<RecordLinkView[]>> => {
            if (!recordDoc || !canReadRecordDoc(actor, readStored(recordDoc.toJSON() as RecordDocument))) return noRecord();
            const views: RecordLinkView[] = [];
            for (const d of docs) {
              const link = d.toJSON() as unknown as LinkDocument;
              if (link.data.targetCollection === 'records') {
                const other = await readRecord(context.db, link.data.targetId);
                if (!other || !canReadRecordDoc(actor, other)) continue;
              }
              const target = await describeTarget(context.db, link.data.targetCollection, link.data.targetId);
              if (target) views.push(linkOf(link, target));
            }
            return ok(views);
          })(),
        ),
      ),
    ),
};
