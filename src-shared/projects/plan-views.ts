import type { TaskPriority, TaskStatus } from '../tasks/task-model';
import type { PersonRef, TaskRow } from '../tasks/task-views';
import type { BudgetReport } from './budget';
import type { MilestoneEvaluation } from './milestone-status';
import type { BudgetLine, Deliverable, Milestone, ResourceAllocation, Risk } from './plan-item-model';
import type { ProjectDocument } from './project-contract';
import type { RiskHeatmap, RiskLevel } from './risk-matrix';
import type { TeamUtilisation } from './utilisation';

/**
 * What the host sends the UI about a project's plan. Pure types; built in src-main/projects.
 * Plan items are the stored `plan_items` documents (plan-item-model); views add what is derived.
 */

export type PlanItemDocument = Milestone | Deliverable | Risk | ResourceAllocation | BudgetLine;

export interface MilestoneView {
  milestone: Milestone;
  /** Reached / pending / missed as judged today from criteria and linked tasks. */
  evaluation: MilestoneEvaluation;
  linkedTasks: Array<{ id: string; title: string; status: TaskStatus }>;
  /** Days until the due date (negative when past). */
  daysLeft: number;
}

export interface RiskView {
  risk: Risk;
  level: RiskLevel;
  owner: PersonRef | null;
  /** The next review date has come (open or mitigating risks only). */
  isReviewDue: boolean;
}

export interface RiskRegisterView {
  /** Filtered by the query's cell, most severe first. */
  risks: RiskView[];
  /** Open and mitigating risks of the project (never filtered by the cell). */
  heatmap: RiskHeatmap;
}

export interface AllocationView {
  allocation: ResourceAllocation;
  /** The person's name, the equipment id, or the material. */
  resourceName: string;
  taskTitle: string | null;
}

export interface BudgetView {
  lines: BudgetLine[];
  /** Null with `problem` set when the budget cannot be computed (no budget, mixed currencies). */
  report: BudgetReport | null;
  problem: string | null;
  /** Cost rates the labour figures used (the project's `costRates`). */
  costRates: ProjectDocument['costRates'];
  canManage: boolean;
}

export interface UtilisationView {
  utilisation: TeamUtilisation;
  people: PersonRef[];
}

export interface ProjectDashboard {
  project: ProjectDocument;
  owner: PersonRef | null;
  team: PersonRef[];
  /** Rolled up from top-level tasks, whole percent. */
  progress: number;
  taskCounts: Record<TaskStatus, number>;
  totalTasks: number;
  budget: { report: BudgetReport | null; problem: string | null };
  milestones: MilestoneView[];
  /** Open and mitigating risks. */
  heatmap: RiskHeatmap;
  overdueTasks: TaskRow[];
  /** Open tasks waiting for unfinished predecessors, or set to `blocked`. */
  blockedTasks: TaskRow[];
  /** The signed-in person is the owner or an administrator. */
  canManage: boolean;
  today: string;
}

export interface GanttTask {
  id: string;
  title: string;
  parentId?: string;
  /** 0 for top-level tasks; rows come in outline order (each task, then its subtasks). */
  depth: number;
  hasChildren: boolean;
  status: TaskStatus;
  priority: TaskPriority;
  assigneeId?: string;
  startDate?: string;
  dueDate?: string;
  progress: number;
  dependsOn: string[];
  isCritical: boolean;
  /** Null for tasks without both dates. */
  slackDays: number | null;
}

/** The spec's generate_project_gantt(project_id): rows, milestones, links and the critical path. */
export interface GanttView {
  projectId: string;
  projectStart: string | null;
  projectFinish: string | null;
  tasks: GanttTask[];
  milestones: Array<{ id: string; title: string; dueDate: string; status: MilestoneEvaluation['status'] }>;
  /** Finish-to-start links: `toId` waits for `fromId`. */
  dependencies: Array<{ fromId: string; toId: string }>;
  criticalPath: string[];
  criticalTaskIds: string[];
  unscheduledTaskIds: string[];
  /** Set when the plan cannot be scheduled (e.g. a dependency cycle synced in from elsewhere). */
  problem: string | null;
  canEdit: boolean;
}

export interface ExportView {
  fileName: string;
  mimeType: 'text/plain' | 'text/csv';
  text: string;
}
