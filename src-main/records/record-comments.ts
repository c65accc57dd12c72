import { combineLatest, from, switchMap } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import type { BaseDocument } from '../../src-shared/db/base-fields';
import type { PersonDocument } from '../../src-shared/people/person';
import type { RecordCommentResult } from '../../src-shared/records/record-activity-contract';
import type { RecordDocument } from '../../src-shared/records/record-document';
import { parseMentions } from '../../src-shared/tasks/mentions';
import type { CommentView } from '../../src-shared/tasks/task-views';
import type { CommandHandlers, QueryHandlers } from '../host/handler-types';
import { notify } from '../notifications/notify';
import { writeContextOf } from '../projects/project-access';
import { actorIn, directoryPeople, loadDirectory } from './record-actor';
import { recordActor$ } from './record-queries';
import { canReadRecordDoc, readRecord, readStored } from './record-store';

/**
 * Comments on a record: `activity` documents of kind `comment` about it (`subjectType: 'records'`),
 * like task comments, so they replicate alike; the sync server stamps the record's read scope on
 * them and sends them only where the record goes. Who may read the record may comment on it.
 */
interface RecordCommentDocument {
  id: string;
  personId: string;
  at: string;
  data: { body: string; mentionIds: string[]; editedAt?: string };
}

const notShared = () => fail('not_found', 'That record no longer exists, or it is not shared with you.');

export const recordCommentCommandHandlers: CommandHandlers<'records/comment'> = {
  async 'records/comment'(input, context) {
    const directory = await loadDirectory(context.db);
    const people = directory.people;
    const actor = actorIn(directory, context.actor.id);
    const record = await readRecord(context.db, input.id);
    if (!record || !canReadRecordDoc(actor, record)) return notShared();
    if (!actor.isActive) return fail('forbidden', 'This account is deactivated.');
    const active = people.filter((p) => p.isActive);
    const parsed = parseMentions(input.body, active.map((p) => ({ id: p.id, email: p.email, name: p.name })));
    // A mention never tells someone about a record they may not read (an HR or finance record).
    const mayRead = (personId: string) => canReadRecordDoc(actorIn(directory, personId), record);
    const told = parsed.personIds.filter(mayRead);
    const comment = await context.writer.insert<RecordCommentDocument & BaseDocument>(
      'activity',
      { kind: 'comment', subjectType: 'records', subjectId: record.doc.id, personId: context.actor.id, at: context.clock().toISOString(), data: { body: input.body, mentionIds: told } },
      writeContextOf(context),
    );
    const recipientIds = told.filter((id) => id !== context.actor.id);
    if (recipientIds.length > 0) {
      const name = record.doc.number ? `${record.doc.number} ${record.doc.title}` : record.doc.title;
      await notify(context, {
        event: 'mention',
        recipientIds,
        subject: `${context.actor.name} mentioned you on ${name}`,
        body: input.body.length > 280 ? `${input.body.slice(0, 277)}…` : input.body,
        link: { section: 'records', itemId: record.doc.id },
        key: `comment:${comment.id}:mention`,
        actor: context.actor,
      });
    }
    const unresolved: RecordCommentResult['unresolved'] = [
      ...parsed.unresolved.map((u) => ({ text: u.text, reason: u.reason })),
      ...parsed.mentions.filter((m) => !mayRead(m.personId)).map((m) => ({ text: m.text, reason: 'cannot_read' as const })),
    ];
    return ok({ commentId: comment.id, unresolved });
  },
};

function commentViewOf(doc: RecordCommentDocument, people: readonly PersonDocument[], me: string): CommentView {
  const names = new Map(people.map((p) => [p.id, p.name]));
  // Highlight only the mentions that were resolved (and told) when the comment was written.
  const directory = people.filter((p) => doc.data.mentionIds.includes(p.id)).map((p) => ({ id: p.id, email: p.email, name: p.name }));
  return {
    id: doc.id,
    author: { id: doc.personId, name: names.get(doc.personId) ?? 'Unknown person' },
    at: doc.at,
    body: doc.data.body,
    mentions: parseMentions(doc.data.body, directory).mentions.map((m) => ({ personId: m.personId, start: m.start, end: m.end })),
    ...(doc.data.editedAt ? { editedAt: doc.data.editedAt } : {}),
    isMine: doc.personId === me,
  };
}

export const recordCommentQueryHandlers: QueryHandlers<'records/comments'> = {
  'records/comments': (input, context) =>
    combineLatest([
      context.db.activity.find({ selector: { kind: 'comment', subjectId: input.id, subjectType: 'records' }, sort: [{ at: 'asc' }] }).$,
      context.db.records.findOne(input.id).$,
      recordActor$(context.db, context.actor.id),
    ]).pipe(
      switchMap(([docs, recordDoc, actor]) =>
        from(
          (async (): Promise<Result<CommentView[]>> => {
            if (!recordDoc || !canReadRecordDoc(actor, readStored(recordDoc.toJSON() as RecordDocument))) return notShared();
            const people = await directoryPeople(context.db);
            return ok(docs.map((d) => commentViewOf(d.toJSON() as unknown as RecordCommentDocument, people, context.actor.id)));
          })(),
        ),
      ),
    ),
};
