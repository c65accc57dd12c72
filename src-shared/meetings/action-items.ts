import type { ActionItem, MeetingDocument } from './meeting-model';

/**
 * An action item's status is never stored once it is a task: it is read from the task, so closing
 * the task on the board closes the action item everywhere it is shown.
 */

export const actionStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const actionStatusLabels: Record<ActionStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };

/** The task fields an action item's status follows. */
export interface LinkedTask {
  id: string;
  status: string;
  title: string;
  projectId: string;
}

export function actionItemStatus(item: Pick<ActionItem, 'taskId' | 'isDone'>, task: LinkedTask | null | undefined): ActionStatus {
  if (!item.taskId) return item.isDone ? 'done' : 'open';
  // A task that was removed leaves the item open: someone has to decide what happens to it.
  if (!task) return 'open';
  if (task.status === 'done') return 'done';
  if (task.status === 'cancelled') return 'cancelled';
  return task.status === 'backlog' || task.status === 'todo' ? 'open' : 'in_progress';
}

export const isOpenStatus = (status: ActionStatus): boolean => status === 'open' || status === 'in_progress';

export interface CarriedActionItem {
  /** The occurrence (document) it was agreed in, and when that was. */
  meetingId: string;
  meetingStartsAt: string;
  item: ActionItem;
  status: ActionStatus;
}

/**
 * The open action items of the series' earlier meetings, oldest first: what the next agenda starts
 * with ("Open action items from earlier meetings"). `earlier` are the series' occurrence documents.
 */
export function openItemsOfEarlierMeetings(earlier: readonly MeetingDocument[], beforeStartsAt: string, tasks: ReadonlyMap<string, LinkedTask>): CarriedActionItem[] {
  return earlier
    .filter((doc) => doc.startsAt < beforeStartsAt && doc.status !== 'cancelled')
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1))
    .flatMap((doc) =>
      doc.data.actionItems.map((item) => ({ meetingId: doc.id, meetingStartsAt: doc.startsAt, item, status: actionItemStatus(item, item.taskId ? tasks.get(item.taskId) : undefined) })),
    )
    .filter((carried) => isOpenStatus(carried.status));
}
