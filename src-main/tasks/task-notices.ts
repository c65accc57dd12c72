import type { Task, TaskStatus } from '../../src-shared/tasks/task-model';
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
    body: `${context.actor.name} assigned “${task.title}” to you${task.dueDate ? `, due ${task.dueDate}` : ''}.`,
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
