import { z } from 'zod';
import { checkRules } from '../core/document-rule';
import { baseDocumentSchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { taskRules } from './task-rules';

export const taskStatusSchema = z.enum(['backlog', 'todo', 'in_progress', 'blocked', 'in_review', 'done', 'cancelled']);
export type TaskStatus = z.infer<typeof taskStatusSchema>;
export const TASK_STATUSES: readonly TaskStatus[] = taskStatusSchema.options;

export const taskPrioritySchema = z.enum(['critical', 'high', 'medium', 'low']);
export type TaskPriority = z.infer<typeof taskPrioritySchema>;

/** Statuses in which a task no longer holds anything up: its successors may start. */
export const CLOSED_STATUSES: ReadonlySet<TaskStatus> = new Set(['done', 'cancelled']);
/** Statuses in which work on a task has begun, so its predecessors must be finished. */
export const STARTED_STATUSES: ReadonlySet<TaskStatus> = new Set(['in_progress', 'in_review', 'done']);

export const checklistItemSchema = z.object({
  id: recordIdSchema,
  text: z.string().trim().min(1, 'Enter the checklist item.').max(500),
  isDone: z.boolean().default(false),
});
export type ChecklistItem = z.output<typeof checklistItemSchema>;

/** Fractional Kanban rank: lower-case base-36 digits, never ending in '0' (see tasks/kanban-rank). */
export const kanbanRankSchema = z.string().regex(/^[0-9a-z]*[1-9a-z]$/, 'Not a Kanban rank.').max(100);

const taskFields = {
  projectId: recordIdSchema,
  /** The parent task when this is a subtask; absent for a top-level task. */
  parentId: recordIdSchema.optional(),
  title: z.string().trim().min(1, 'Enter a task title.').max(500, 'A task title has at most 500 characters.'),
  description: z.string().max(20_000).default(''),
  assigneeId: recordIdSchema.optional(),
  watcherIds: z.array(recordIdSchema).max(200).default([]),
  priority: taskPrioritySchema.default('medium'),
  status: taskStatusSchema.default('todo'),
  startDate: planDateSchema.optional(),
  /** Inclusive: the last day planned for the task. */
  dueDate: planDateSchema.optional(),
  estimateHours: z.number().min(0).max(100_000).optional(),
  progress: z.number().int().min(0).max(100).default(0),
  checklist: z.array(checklistItemSchema).max(500).default([]),
  /**
   * Finish-to-start predecessors ("depends_on" in the spec): this task may start once each of them
   * is done. The inverse ("blocks") is derived, never stored, so the two cannot disagree.
   */
  dependsOn: z.array(recordIdSchema).max(500).default([]),
  kanbanRank: kanbanRankSchema,
};

/** The task's cross-field rules (task-rules.ts), shared with the sync server's merge. */
const checkTask = (task: Record<string, unknown>, ctx: z.RefinementCtx): void => checkRules(taskRules, task, ctx);

/** What a person fills in to create or edit a task (no stored-document fields). */
export const taskInputSchema = z.object(taskFields).superRefine(checkTask);

/** A task or subtask as stored in the `tasks` collection. */
export const taskSchema = baseDocumentSchema.extend(taskFields).superRefine(checkTask);

export type TaskInput = z.input<typeof taskInputSchema>;
export type Task = z.output<typeof taskSchema>;
