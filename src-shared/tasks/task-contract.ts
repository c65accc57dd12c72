import { z } from 'zod';
import { command, query } from '../bridge/define';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import { taskPrioritySchema, taskStatusSchema } from './task-model';
import type {
  BoardView, CommentResultView, CommentDocument, MoveResultView, RescheduleResultView, SavedTaskFilter, TaskDetail, TaskDocument, TaskListView,
  TimeEntryDocument, TimerResultView,
} from './task-views';
import { taskSortFields } from './task-views';
import type { TimeSummary } from './time-summary';

/**
 * Tasks between UI and host: tasks and subtasks, dependencies, the Kanban board, comments with
 * @mentions, time entries and saved filters.
 *
 * Permissions: a task may be changed by its assignee, its watchers, the project's team and owner,
 * and administrators; time entries only by the person whose time they are. Refusals are `forbidden`.
 * Status changes follow the dependency rules (tasks/kanban-move): starting waits for every
 * predecessor, completing for every predecessor and subtask, reopening a done task is refused while
 * a successor already started. Those refusals are `task_blocked` / `dependency_violation` and name
 * the tasks in the way in `message` and `details`; a dependency that would loop is `dependency_cycle`.
 * Assigning, status changes and @mentions notify the people concerned (notifications/notify).
 */

const id = recordIdSchema;
/** `null` clears an optional field; absent leaves it alone. */
const clearable = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const title = z.string().trim().min(1, 'Enter a task title.').max(500, 'A task title has at most 500 characters.');
const description = z.string().max(20_000, 'A description has at most 20,000 characters.');
const hours = z.number().min(0, 'Hours cannot be negative.').max(100_000);
const checklistText = z.string().trim().min(1, 'Enter the checklist item.').max(500);

export const taskFilterSchema = z.object({
  projectId: id.optional(),
  isMine: z.boolean().optional(),
  isWatching: z.boolean().optional(),
  assigneeIds: z.array(id).max(200).optional(),
  includeUnassigned: z.boolean().optional(),
  statuses: z.array(taskStatusSchema).max(10).optional(),
  priorities: z.array(taskPrioritySchema).max(4).optional(),
  dueFrom: planDateSchema.optional(),
  dueTo: planDateSchema.optional(),
  isOverdue: z.boolean().optional(),
  isBlocked: z.boolean().optional(),
  text: z.string().trim().max(200).optional(),
  includeSubtasks: z.boolean().optional(),
  sort: z.object({ field: z.enum(taskSortFields), direction: z.enum(['asc', 'desc']) }).optional(),
});

/** Time entries by project, task, person, billability and planning days (inclusive). */
export const timeFilterSchema = z.object({
  projectId: id.optional(),
  taskId: id.optional(),
  personId: id.optional(),
  from: planDateSchema.optional(),
  to: planDateSchema.optional(),
  isBillable: z.boolean().optional(),
});

const checklistAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add'), text: checklistText }),
  z.object({ action: z.literal('rename'), itemId: id, text: checklistText }),
  z.object({ action: z.literal('toggle'), itemId: id, isDone: z.boolean() }),
  z.object({ action: z.literal('remove'), itemId: id }),
  /** Moves the item to `index` (0 = top). */
  z.object({ action: z.literal('move'), itemId: id, index: z.number().int().min(0) }),
]);

export const taskContract = {
  /** A task or, with `parentId`, a subtask (same project as its parent). Goes to the bottom of its board column. */
  'tasks/create': command<TaskDocument>()(
    z.object({
      projectId: id,
      parentId: id.optional(),
      title,
      description: description.default(''),
      assigneeId: id.optional(),
      watcherIds: z.array(id).max(200).default([]),
      priority: taskPrioritySchema.default('medium'),
      /** Only `backlog` or `todo`: a new task has not started, so no dependency rule can be skipped. */
      status: z.enum(['backlog', 'todo']).default('todo'),
      startDate: planDateSchema.optional(),
      dueDate: planDateSchema.optional(),
      estimateHours: hours.optional(),
      checklist: z.array(checklistText).max(500).default([]),
      dependsOn: z.array(id).max(500).default([]),
    }),
  ),
  /** Plain fields. Dates are checked in order; for a Gantt drag that moves successors use `tasks/reschedule`. */
  'tasks/update': command<TaskDocument>()(
    z.object({
      id,
      title: title.optional(),
      description: description.optional(),
      priority: taskPrioritySchema.optional(),
      startDate: clearable(planDateSchema),
      dueDate: clearable(planDateSchema),
      estimateHours: clearable(hours),
      /** Moves a subtask under another task of the project (or to the top level with null). Refused if it would loop. */
      parentId: clearable(id),
    }),
  ),
  /** The spec's move_task(task_id, status) without a position: keeps the card's place, or the bottom of the new column. */
  'tasks/set-status': command<TaskDocument>()(z.object({ id, status: taskStatusSchema })),
  /** A Kanban drag: new status and the neighbours it was dropped between. */
  'tasks/move': command<MoveResultView>()(
    z.object({ id, toStatus: taskStatusSchema, aboveId: id.optional(), belowId: id.optional() }),
  ),
  'tasks/assign': command<TaskDocument>()(z.object({ id, assigneeId: id.nullable() })),
  'tasks/set-watchers': command<TaskDocument>()(z.object({ id, watcherIds: z.array(id).max(200) })),
  /** Adds or removes the signed-in person as a watcher. */
  'tasks/watch': command<TaskDocument>()(z.object({ id, isWatching: z.boolean() })),
  'tasks/set-progress': command<TaskDocument>()(z.object({ id, progress: z.number().int().min(0, 'Progress is 0–100%.').max(100, 'Progress is 0–100%.') })),
  'tasks/edit-checklist': command<TaskDocument>()(z.object({ taskId: id, change: checklistAction })),
  /** `taskId` depends on (waits for) `dependsOnId`: finish-to-start, same project. */
  'tasks/add-dependency': command<TaskDocument>()(z.object({ taskId: id, dependsOnId: id })),
  'tasks/remove-dependency': command<TaskDocument>()(z.object({ taskId: id, dependsOnId: id })),
  /** A Gantt drag: new dates for one task; successors are pushed later just enough (never pulled earlier). */
  'tasks/reschedule': command<RescheduleResultView>()(z.object({ id, startDate: planDateSchema, dueDate: planDateSchema })),
  /** Soft-deletes a task without subtasks; its successors stop waiting for it and milestones unlink it. */
  'tasks/remove': command<{ id: string }>()(z.object({ id })),

  'comments/add': command<CommentResultView>()(z.object({ taskId: id, body: z.string().trim().min(1, 'Write a comment first.').max(10_000) })),
  /** Only the author may edit; new @mentions are notified. */
  'comments/edit': command<CommentResultView>()(z.object({ id, body: z.string().trim().min(1, 'Write a comment first.').max(10_000) })),

  /** Starts the signed-in person's timer on a task; a timer running elsewhere is stopped first. */
  'time/start-timer': command<TimerResultView>()(z.object({ taskId: id, note: z.string().max(2000).default(''), isBillable: z.boolean().default(true) })),
  /** Stops the signed-in person's running timer (refused with `invalid_state` when none runs). */
  'time/stop-timer': command<TimeEntryDocument>()(z.object({})),
  'time/log': command<TimeEntryDocument>()(
    z.object({
      taskId: id,
      date: planDateSchema,
      hours: z.number().positive('Log more than 0 hours.').max(24, 'At most 24 hours a day.'),
      note: z.string().max(2000).default(''),
      isBillable: z.boolean().default(true),
    }),
  ),
  /** Own entries only. */
  'time/update': command<TimeEntryDocument>()(
    z.object({
      id,
      date: planDateSchema.optional(),
      hours: z.number().positive('Log more than 0 hours.').max(24, 'At most 24 hours a day.').optional(),
      note: z.string().max(2000).optional(),
      isBillable: z.boolean().optional(),
    }),
  ),
  'time/remove': command<{ id: string }>()(z.object({ id })),

  'task-filters/save': command<SavedTaskFilter>()(z.object({ id: id.optional(), name: z.string().trim().min(1, 'Name the filter.').max(100), filter: taskFilterSchema })),
  'task-filters/remove': command<{ id: string }>()(z.object({ id })),

  /** Tasks across projects (or one), filtered and sorted; "My tasks" is `isMine: true`. */
  'tasks/list': query<TaskListView>()(taskFilterSchema.extend({ limit: z.number().int().min(1).max(5000).default(500) })),
  'tasks/detail': query<TaskDetail>()(z.object({ id })),
  /** The spec's generate_kanban_board(project_id, assigned_to_id), with the project's WIP limits and optional swimlanes. */
  'tasks/board': query<BoardView>()(z.object({ projectId: id, assigneeId: id.optional(), swimlanes: z.boolean().default(false) })),
  /** The signed-in person's saved filters. */
  'task-filters/list': query<SavedTaskFilter[]>()(z.object({})),
  /** Comments of one task, oldest first (also in `tasks/detail`). */
  'comments/list': query<CommentDocument[]>()(z.object({ taskId: id })),
  /** Time entries, newest day first (the spec's GET /time-tracking); anyone signed in, as on a task's page. */
  'time/list': query<TimeEntryDocument[]>()(timeFilterSchema.extend({ limit: z.number().int().min(1).max(5000).default(500) })),
  /** Hours in total, billable and not, per person and per project (the spec's GET /time-tracking/summary). */
  'time/summary': query<TimeSummary>()(timeFilterSchema),
};

export type TaskFilterInput = z.input<typeof taskFilterSchema>;
