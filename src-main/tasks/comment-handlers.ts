import { fail, ok } from '../../src-shared/core/result';
import type { PersonDocument } from '../../src-shared/people/person';
import { parseMentions, type MentionablePerson } from '../../src-shared/tasks/mentions';
import type { CommentDocument } from '../../src-shared/tasks/task-views';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { writeContextOf } from '../projects/project-access';
import { noticeCommented, noticeMentioned } from './task-notices';
import { editableTask, readTask } from './task-store';

/** Everyone who can be @mentioned: active people of the directory. */
export async function mentionablePeople(context: Pick<CommandContext, 'db'>): Promise<MentionablePerson[]> {
  const docs = await context.db.people.find({ selector: { kind: 'person', isActive: true } }).exec();
  return docs.map((d) => {
    const p = d.toJSON() as PersonDocument;
    return { id: p.id, email: p.email, name: p.name };
  });
}

const unresolvedOf = (parsed: ReturnType<typeof parseMentions>) => parsed.unresolved.map((u) => ({ text: u.text, reason: u.reason }));

export const commentCommandHandlers: CommandHandlers<'comments/add' | 'comments/edit'> = {
  async 'comments/add'(input, context) {
    const { task, refusal } = await editableTask(context, input.taskId);
    if (refusal) return refusal;
    const parsed = parseMentions(input.body, await mentionablePeople(context));
    const comment = await context.writer.insert<CommentDocument>(
      'activity',
      {
        kind: 'comment',
        subjectType: 'task',
        subjectId: task.id,
        projectId: task.projectId,
        personId: context.actor.id,
        at: context.clock().toISOString(),
        data: { body: input.body, mentionIds: parsed.personIds },
      },
      writeContextOf(context),
    );
    await noticeMentioned(context, task, comment.id, parsed.personIds, input.body);
    await noticeCommented(context, task, comment.id, input.body, parsed.personIds);
    return ok({ comment, unresolved: unresolvedOf(parsed) });
  },

  async 'comments/edit'(input, context) {
    const doc = await context.db.activity.findOne(input.id).exec();
    if (!doc || doc.get('kind') !== 'comment') return fail('not_found', 'That comment no longer exists.');
    const before = doc.toJSON() as CommentDocument;
    if (before.personId !== context.actor.id) return fail('forbidden', 'Only the author can edit a comment.');
    const task = await readTask(context.db, before.subjectId);
    const parsed = parseMentions(input.body, await mentionablePeople(context));
    const data = { ...before.data, body: input.body, mentionIds: parsed.personIds, editedAt: context.clock().toISOString() };
    const comment = (await context.writer.update<CommentDocument>('activity', before.id, { data }, writeContextOf(context))) ?? before;
    // Notices are keyed by comment and person, so only people newly mentioned hear about it.
    if (task) await noticeMentioned(context, task, comment.id, parsed.personIds, input.body);
    return ok({ comment, unresolved: unresolvedOf(parsed) });
  },
};
