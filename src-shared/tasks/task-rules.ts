import { isInOrder, type DocumentRule } from '../core/document-rule';

type Doc = Record<string, unknown>;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * What every task keeps, whichever command or merge wrote it (the task model checks them, the
 * sync server's merge keeps them): done means 100% complete, dates in order, no dependency twice
 * or on itself, not its own parent. Board ranks are unique within a column too, but that rule
 * spans tasks: the sync server keeps it when it stores one (sync-server/replication/board-ranks.ts).
 */
export const taskRules: readonly DocumentRule[] = [
  {
    fields: ['status', 'progress'],
    path: 'progress',
    message: 'A done task is 100% complete; reopen it before lowering its progress.',
    holds: (task: Doc) => task.status !== 'done' || task.progress === undefined || task.progress === 100,
  },
  {
    fields: ['startDate', 'dueDate'],
    path: 'dueDate',
    message: 'The due date cannot be before the start date.',
    holds: (task: Doc) => isInOrder(task.startDate, task.dueDate),
  },
  {
    fields: ['dependsOn'],
    path: 'dependsOn',
    message: 'A task lists the same dependency twice.',
    holds: (task: Doc) => new Set(list(task.dependsOn)).size === list(task.dependsOn).length,
  },
  {
    fields: ['dependsOn'],
    path: 'dependsOn',
    message: 'A task cannot depend on itself.',
    holds: (task: Doc) => task.id === undefined || !list(task.dependsOn).includes(task.id),
  },
  {
    fields: ['parentId'],
    path: 'parentId',
    message: 'A task cannot be its own parent.',
    holds: (task: Doc) => task.id === undefined || task.parentId !== task.id,
  },
];
