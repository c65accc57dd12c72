import type { TaskPriority, TaskStatus } from '../../src-shared/tasks/task-model';

/** Words and colours for task statuses and priorities, in one place for every view. */
export const statusLabel: Record<TaskStatus, string> = {
  backlog: 'Backlog', todo: 'To do', in_progress: 'In progress', blocked: 'Blocked', in_review: 'In review', done: 'Done', cancelled: 'Cancelled',
};

export const statusColor: Record<TaskStatus, 'default' | 'primary' | 'secondary' | 'error' | 'info' | 'success' | 'warning'> = {
  backlog: 'default', todo: 'default', in_progress: 'primary', blocked: 'error', in_review: 'secondary', done: 'success', cancelled: 'default',
};

export const priorityLabel: Record<TaskPriority, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

export const priorityColor: Record<TaskPriority, 'error' | 'warning' | 'info' | 'default'> = { critical: 'error', high: 'warning', medium: 'info', low: 'default' };

export const TASK_STATUS_ORDER: TaskStatus[] = ['backlog', 'todo', 'in_progress', 'blocked', 'in_review', 'done', 'cancelled'];
export const TASK_PRIORITY_ORDER: TaskPriority[] = ['critical', 'high', 'medium', 'low'];

// Dates and money are written by the one shared formatter (src-shared/format/display-format.ts).
export { formatDay, formatMoney } from '../../src-shared/format/display-format';

export const formatHours = (hours: number): string => `${Math.round(hours * 100) / 100} h`;

/** Today as a planning date in this PC's time zone. */
export function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
