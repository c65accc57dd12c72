import type { BaseDocument } from '../db/base-fields';
import type { Blocker } from './dependencies';
import type { KanbanBoard } from './kanban';
import type { Task, TaskPriority, TaskStatus } from './task-model';

/**
 * What the host sends the UI about tasks: stored documents (tasks, comments, time entries, saved
 * filters) and the views built from them. Pure types; the host builds them in src-main/tasks.
 */

/** A task as stored in the `tasks` collection (task-model's `Task`). */
export type TaskDocument = Task;

export interface PersonRef {
  id: string;
  /** The person's name; the id when the directory does not know them. */
  name: string;
}

/** A comment on a task: an `activity` document of kind `comment`. */
export interface CommentDocument extends BaseDocument {
  kind: 'comment';
  subjectType: 'task';
  /** The task commented on. */
  subjectId: string;
  projectId: string;
  /** The author. */
  personId: string;
  at: string;
  data: {
    body: string;
    /** People the body @mentions (resolved when written; they were notified). */
    mentionIds: string[];
    editedAt?: string;
  };
}

/** Time worked on a task: an `activity` document of kind `time_entry`. */
export interface TimeEntryDocument extends BaseDocument {
  kind: 'time_entry';
  subjectType: 'task';
  subjectId: string;
  projectId: string;
  /** Whose time it is; only they may change it. */
  personId: string;
  /** When the work started (a timer's start, or the day's start in UTC for a manual entry). */
  at: string;
  data: {
    /** The planning day the hours count for ('YYYY-MM-DD', the host's local day for a timer). */
    date: string;
    /** Hours worked; 0 while a timer runs. */
    hours: number;
    note: string;
    isBillable: boolean;
    isRunning: boolean;
    /** Set for timer entries: ISO-8601 UTC. */
    startedAt?: string;
    endedAt?: string;
  };
}

export const taskSortFields = ['dueDate', 'priority', 'status', 'title', 'startDate', 'updatedAt', 'progress'] as const;
export type TaskSortField = (typeof taskSortFields)[number];

/** The filters of the task list, also what a saved filter stores. */
export interface TaskFilter {
  projectId?: string;
  /** Only tasks assigned to the signed-in person ("My tasks"). */
  isMine?: boolean;
  /** Tasks the signed-in person watches. */
  isWatching?: boolean;
  assigneeIds?: string[];
  /** Include unassigned tasks along with `assigneeIds` (or alone when `assigneeIds` is empty). */
  includeUnassigned?: boolean;
  statuses?: TaskStatus[];
  priorities?: TaskPriority[];
  /** Inclusive planning dates on `dueDate`; tasks without a due date drop out when either is set. */
  dueFrom?: string;
  dueTo?: string;
  isOverdue?: boolean;
  isBlocked?: boolean;
  /** Case-insensitive words that must all appear in the title or description. */
  text?: string;
  /** Subtasks are listed too (default); false lists top-level tasks only. */
  includeSubtasks?: boolean;
  sort?: { field: TaskSortField; direction: 'asc' | 'desc' };
}

/** A saved task filter, one person's own: a `records` document of kind `saved_task_filter`. */
export interface SavedTaskFilter {
  id: string;
  name: string;
  filter: TaskFilter;
  updatedAt: string;
}

/** One row of a task list. */
export interface TaskRow {
  task: TaskDocument;
  projectCode: string;
  projectName: string;
  assignee: PersonRef | null;
  /** Rolled up through subtasks, whole percent. */
  progress: number;
  isOverdue: boolean;
  /** Unfinished predecessors (`depends_on`), by title. */
  blockedBy: string[];
  subtaskCount: number;
  /** Hours logged so far (all people). */
  loggedHours: number;
}

export interface TaskListView {
  rows: TaskRow[];
  /** Rows matching the filter before `limit` cut the list. */
  total: number;
  /** The host's planning day the overdue flags were judged on. */
  today: string;
}

/** A task in a dependency list or a subtask tree. */
export interface TaskRef {
  id: string;
  title: string;
  status: TaskStatus;
  assigneeId?: string;
  dueDate?: string;
  progress: number;
}

export interface SubtaskNode extends TaskRef {
  priority: TaskPriority;
  children: SubtaskNode[];
}

export interface CommentView {
  id: string;
  author: PersonRef;
  at: string;
  body: string;
  /** For highlighting: offsets of each resolved mention in `body`. */
  mentions: Array<{ personId: string; start: number; end: number }>;
  editedAt?: string;
  isMine: boolean;
}

export interface TimeEntryView {
  id: string;
  person: PersonRef;
  date: string;
  hours: number;
  note: string;
  isBillable: boolean;
  isRunning: boolean;
  startedAt?: string;
  endedAt?: string;
  isMine: boolean;
}

/** Whether the task may move on, and if not, the refusal the host would give (naming the blockers). */
export interface TransitionCheck {
  isAllowed: boolean;
  message: string | null;
  blockers: Blocker[];
}

export interface TaskDetail {
  task: TaskDocument;
  project: { id: string; code: string; name: string };
  /** Root first, the direct parent last. */
  ancestors: TaskRef[];
  /** The whole subtree, to any depth. */
  subtasks: SubtaskNode[];
  progress: number;
  assignee: PersonRef | null;
  watchers: PersonRef[];
  /** Tasks this one waits for (its `dependsOn`). */
  dependsOn: TaskRef[];
  /** Tasks waiting for this one (derived). */
  blocks: TaskRef[];
  canStart: TransitionCheck;
  canComplete: TransitionCheck;
  milestones: Array<{ id: string; title: string; dueDate: string }>;
  comments: CommentView[];
  timeEntries: TimeEntryView[];
  loggedHours: number;
  billableHours: number;
  /** The signed-in person's running timer on any task, if any (one at a time). */
  myRunningTimer: { entryId: string; taskId: string; taskTitle: string; startedAt: string } | null;
  /** The signed-in person may change the task (assignee, watcher, project team, owner or admin). */
  canEdit: boolean;
  /** Other tasks of the project, for dependency and parent pickers. */
  projectTasks: Array<{ id: string; title: string; status: TaskStatus; parentId?: string }>;
}

/** `tasks/board`: the spec's generate_kanban_board plus who the people in the lanes are. */
export interface BoardView extends KanbanBoard {
  people: PersonRef[];
  /** The signed-in person may move cards on this board. */
  canEdit: boolean;
}

export interface MoveResultView {
  task: TaskDocument;
  /** Other cards whose rank was re-spread to make room (written too). */
  respreadIds: string[];
  isOverWipLimit: boolean;
}

export interface RescheduleResultView {
  /** Every task whose dates changed: the moved one first, then the successors pushed later. */
  changed: TaskDocument[];
}

export interface TimerResultView {
  entry: TimeEntryDocument;
  /** The timer that was running on another task and was stopped to start this one. */
  stopped: TimeEntryDocument | null;
}

export interface CommentResultView {
  comment: CommentDocument;
  /** '@names' that matched nobody or several people; they were not notified. */
  unresolved: Array<{ text: string; reason: 'unknown' | 'ambiguous' }>;
}
