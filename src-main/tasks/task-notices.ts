import { formatDay } from '../../src-shared/format/display-format';
import type { Task, TaskStatus } from '../../src-shared/tasks/task-model';
import { watchedComment, watchedTaskChanges, type WatchedChange } from '../../src-shared/tasks/watched-changes';
import type { CommandContext } from '../host/handler-types';
import { notify } from '../notifications/notify';

const statusWords: Record<TaskStatus, string> = {
  backlog: 'Backlog', todo: 'To do', in_progress: 'In progress', blocked: 'Blocked', in_review: 'In review', done: 'Done', cancelled: 'Cancelled',
};

const others = (context: CommandContext, ids: ReadonlyArray<string | undefined>) =>
  [...new Set(ids.filter((id): id is string => id !== undefined && id !== context.actor.id))];

const link = (task: Task) => ({ section: 'tasks', itemId: task.id });

/** Tells the new assignee (unless they assigned themselves). */
export async function noticeAssigned(context: CommandContext, task: Task): Promise<void> {
  const recipientIds = others(context, [task.assigneeId]);
  if (recipientIds.length === 0) return;
  await notify(context, {
    event: 'task_assigned',
    recipientIds,
    subject: `Assigned to you: ${task.title}`,
    body: `${context.actor.name} assigned “${task.title}” to you${task.dueDate ? `, due ${formatDay(task.dueDate)}` : ''}.`,
    link: link(task),
    key: `task:${task.id}:assigned:${task.assigneeId}:${task.updatedAt}`,
    actor: context.actor,
  });
}

/** Tells the assignee and watchers (not whoever made the change). */
export async function noticeStatusChanged(context: CommandContext, task: Task, from: TaskStatus): Promise<void> {
  const recipientIds = others(context, [task.assigneeId, ...task.watcherIds]);
  if (recipientIds.length === 0 || from === task.status) return;
  await notify(context, {
    event: 'task_status_changed',
    recipientIds,
    subject: `${task.title}: ${statusWords[task.status]}`,
    body: `${context.actor.name} moved “${task.title}” from ${statusWords[from]} to ${statusWords[task.status]}.`,
    link: link(task),
    key: `task:${task.id}:status:${task.status}:${task.updatedAt}`,
    actor: context.actor,
  });
}

/** Tells the people a comment @mentions. */
export async function noticeMentioned(context: CommandContext, task: Task, commentId: string, personIds: readonly string[], body: string): Promise<void> {
  const recipientIds = others(context, personIds);
  if (recipientIds.length === 0) return;
  const excerpt = body.length > 280 ? `${body.slice(0, 277)}…` : body;
  await notify(context, {
    event: 'mention',
    recipientIds,
    subject: `${context.actor.name} mentioned you on ${task.title}`,
    body: excerpt,
    link: link(task),
    key: `comment:${commentId}:mention`,
    actor: context.actor,
  });
}

const noticeWatched = (context: CommandContext, task: Task, change: WatchedChange) =>
  notify(context, { event: 'task_watched', ...change, link: link(task), actor: context.actor });

/** Tells watchers (and whoever else src-shared/tasks/watched-changes.ts names) of reassignments and moved due dates. */
export async function noticeWatchedChanges(context: CommandContext, versions: ReadonlyArray<readonly [before: Task, after: Task]>): Promise<void> {
  const assignees = [...new Set(versions.flatMap(([before, after]) => [before.assigneeId, after.assigneeId]).filter((id): id is string => id !== undefined))];
  const people = assignees.length > 0 ? await context.db.people.findByIds(assignees).exec() : new Map();
  const nameOf = (id: string | undefined) => (id ? String(people.get(id)?.get('name') ?? 'a former colleague') : 'nobody');
  for (const [before, after] of versions) {
    for (const change of watchedTaskChanges(before, after, context.actor.id, context.actor.name, nameOf)) await noticeWatched(context, after, change);
  }
}

/** Tells a task's watchers and assignee of a new comment (those it mentions hear of it as a mention). */
export async function noticeCommented(context: CommandContext, task: Task, commentId: string, body: string, mentionedIds: readonly string[]): Promise<void> {
  const change = watchedComment(task, commentId, body, mentionedIds, context.actor.id, context.actor.name);
  if (change) await noticeWatched(context, task, change);
}
