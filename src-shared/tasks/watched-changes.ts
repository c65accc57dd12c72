import { formatDay } from '../format/display-format';
import type { Task } from './task-model';

/**
 * What the watchers of a task hear besides its status (which has its own event): a reassignment, a
 * moved due date, a comment. Each names who hears it; whoever made the change never does, and
 * nobody hears the same thing twice through two events (the new assignee is told "assigned to you",
 * people mentioned in a comment are told "mentioned you"). Pure: the host's task notices send them.
 */
export interface WatchedChange {
  /** Stable for this change, so repeating the command notifies no one twice. */
  key: string;
  recipientIds: string[];
  subject: string;
  body: string;
}

type Named = (personId: string | undefined) => string;

const others = (ids: ReadonlyArray<string | undefined>, leaveOut: ReadonlyArray<string | undefined>): string[] =>
  [...new Set(ids.filter((id): id is string => id !== undefined && !leaveOut.includes(id)))];

const dayOrNone = (date: string | undefined) => (date ? formatDay(date) : 'no due date');

/** The reassignment and the due-date move between two versions of one task, as their watchers hear them. */
export function watchedTaskChanges(before: Task, after: Task, actorId: string, actorName: string, nameOf: Named): WatchedChange[] {
  const changes: WatchedChange[] = [];
  if ((before.assigneeId ?? '') !== (after.assigneeId ?? '')) {
    const to = after.assigneeId ? nameOf(after.assigneeId) : 'nobody';
    changes.push({
      key: `task:${after.id}:watched:assignee:${after.assigneeId ?? '-'}:${after.updatedAt}`,
      // The earlier assignee learns it is no longer theirs; the new one has "assigned to you".
      recipientIds: others([...after.watcherIds, before.assigneeId], [actorId, after.assigneeId]),
      subject: `${after.title}: now ${after.assigneeId ? `with ${to}` : 'unassigned'}`,
      body: `${actorName} reassigned “${after.title}” from ${before.assigneeId ? nameOf(before.assigneeId) : 'nobody'} to ${to}.`,
    });
  }
  if ((before.dueDate ?? '') !== (after.dueDate ?? '')) {
    changes.push({
      key: `task:${after.id}:watched:due:${after.dueDate ?? '-'}:${after.updatedAt}`,
      recipientIds: others([...after.watcherIds, after.assigneeId], [actorId]),
      subject: after.dueDate ? `${after.title}: due ${formatDay(after.dueDate)}` : `${after.title}: due date removed`,
      body: `${actorName} moved the due date of “${after.title}” from ${dayOrNone(before.dueDate)} to ${dayOrNone(after.dueDate)}.`,
    });
  }
  return changes.filter((c) => c.recipientIds.length > 0);
}

/** A new comment on a task, for its watchers and assignee who are not mentioned in it. */
export function watchedComment(task: Task, commentId: string, body: string, mentionedIds: readonly string[], actorId: string, actorName: string): WatchedChange | undefined {
  const recipientIds = others([...task.watcherIds, task.assigneeId], [actorId, ...mentionedIds]);
  if (recipientIds.length === 0) return undefined;
  const excerpt = body.length > 280 ? `${body.slice(0, 277)}…` : body;
  return { key: `comment:${commentId}:watched`, recipientIds, subject: `${actorName} commented on ${task.title}`, body: excerpt };
}
