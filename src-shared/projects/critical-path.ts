import { ErrorCode } from '../core/error-codes';
import { fail, ok, type Result } from '../core/result';
import { findDependencyCycle } from '../tasks/dependencies';
import type { Task } from '../tasks/task-model';
import { dayNumber, fromDayNumber } from './plan-dates';

/** The part of a task scheduling reads. Dates are inclusive: a task from Monday to Monday takes one day. */
export type SchedulableTask = Pick<Task, 'id' | 'title' | 'status' | 'startDate' | 'dueDate' | 'dependsOn'>;

export interface TaskSchedule {
  taskId: string;
  durationDays: number;
  earlyStart: string;
  /** Inclusive, like `dueDate`. */
  earlyFinish: string;
  lateStart: string;
  lateFinish: string;
  /** Days the task can slip without moving the project's finish. Never negative. */
  slackDays: number;
  isCritical: boolean;
}

export interface CriticalPathResult {
  /** Null when no task has both a start and a due date. */
  projectStart: string | null;
  projectFinish: string | null;
  /** One per scheduled task, in the order given. */
  schedule: TaskSchedule[];
  /** One chain of zero-slack tasks from its first to the project's last day, in order. */
  criticalPath: string[];
  /** Every zero-slack task (several chains may be critical at once). */
  criticalTaskIds: string[];
  /** Tasks left out because they lack a start or a due date. Links through them are not followed. */
  unscheduledTaskIds: string[];
}

interface Node {
  task: SchedulableTask;
  plannedStart: number;
  duration: number;
  preds: Node[];
  succs: Node[];
  es: number;
  ef: number; // exclusive: the first day after the task
  ls: number;
  lf: number;
}

/**
 * Critical-path method over finish-to-start dependencies, in calendar days.
 *
 * Forward pass: a task starts at the later of its planned start (a "start no earlier than"
 * constraint: the plan is not pulled earlier) and the day after its last predecessor finishes.
 * Backward pass from the project's finish gives the latest start and finish; slack is the gap.
 * Cancelled tasks are left out entirely. Fails with `dependency_cycle` when the links loop.
 */
export function criticalPath(tasks: readonly SchedulableTask[]): Result<CriticalPathResult> {
  const graph = buildGraph(tasks);
  if (!graph.ok) return graph;
  const { nodes, order, unscheduledTaskIds } = graph.value;
  if (order.length === 0) {
    return ok({ projectStart: null, projectFinish: null, schedule: [], criticalPath: [], criticalTaskIds: [], unscheduledTaskIds });
  }

  for (const n of order) {
    n.es = Math.max(n.plannedStart, ...n.preds.map((p) => p.ef));
    n.ef = n.es + n.duration;
  }
  // Loops rather than Math.min(...spread): a large project would exceed the engine's argument limit.
  const projectStart = order.reduce((min, n) => Math.min(min, n.es), Infinity);
  const projectEnd = order.reduce((max, n) => Math.max(max, n.ef), -Infinity);
  for (const n of [...order].reverse()) {
    n.lf = Math.min(projectEnd, ...n.succs.map((s) => s.ls));
    n.ls = n.lf - n.duration;
  }

  const isCritical = (n: Node) => n.ls === n.es;
  const schedule = nodes.map(
    (n): TaskSchedule => ({
      taskId: n.task.id,
      durationDays: n.duration,
      earlyStart: fromDayNumber(n.es),
      earlyFinish: fromDayNumber(n.ef - 1),
      lateStart: fromDayNumber(n.ls),
      lateFinish: fromDayNumber(n.lf - 1),
      slackDays: n.ls - n.es,
      isCritical: isCritical(n),
    }),
  );

  // Walk back from a critical task that ends the project, always through the predecessor that drives its start.
  const chain: Node[] = [];
  let at = order.find((n) => isCritical(n) && n.ef === projectEnd);
  while (at) {
    chain.unshift(at);
    const current: Node = at;
    at = current.preds.find((p) => isCritical(p) && p.ef === current.es);
  }

  return ok({
    projectStart: fromDayNumber(projectStart),
    projectFinish: fromDayNumber(projectEnd - 1),
    schedule,
    criticalPath: chain.map((n) => n.task.id),
    criticalTaskIds: order.filter(isCritical).map((n) => n.task.id),
    unscheduledTaskIds,
  });
}

/** Scheduled tasks as linked nodes in input order, plus a topological order; fails on a dependency cycle. */
function buildGraph(tasks: readonly SchedulableTask[]): Result<{ nodes: Node[]; order: Node[]; unscheduledTaskIds: string[] }> {
  const unscheduledTaskIds: string[] = [];
  const nodes: Node[] = [];
  const byId = new Map<string, Node>();
  for (const task of tasks) {
    if (task.status === 'cancelled') continue;
    if (task.startDate === undefined || task.dueDate === undefined) {
      unscheduledTaskIds.push(task.id);
      continue;
    }
    const plannedStart = dayNumber(task.startDate);
    const duration = dayNumber(task.dueDate) - plannedStart + 1;
    if (duration < 1) return fail(ErrorCode.invalid_input, `"${task.title}" ends before it starts.`, { field: 'dueDate', details: { taskId: task.id } });
    const node: Node = { task, plannedStart, duration, preds: [], succs: [], es: 0, ef: 0, ls: 0, lf: 0 };
    nodes.push(node);
    byId.set(task.id, node);
  }
  for (const node of nodes) {
    for (const predId of new Set(node.task.dependsOn)) {
      const pred = byId.get(predId);
      if (!pred) continue;
      node.preds.push(pred);
      pred.succs.push(node);
    }
  }
  const order = topologicalOrder(nodes);
  if (order.length < nodes.length) {
    const path = findDependencyCycle(nodes.map((n) => n.task)) ?? [];
    const titles = path.map((id) => byId.get(id)?.task.title ?? id);
    return fail(ErrorCode.dependency_cycle, `The plan has a dependency cycle: ${titles.map((t) => `"${t}"`).join(' → ')}.`, {
      details: { path, titles },
    });
  }
  return ok({ nodes, order, unscheduledTaskIds });
}

/** Kahn's algorithm; stable (ties keep input order). Nodes on or behind a cycle are left out. */
function topologicalOrder(nodes: readonly Node[]): Node[] {
  const waiting = new Map(nodes.map((n) => [n, n.preds.length]));
  const order = nodes.filter((n) => n.preds.length === 0);
  for (let i = 0; i < order.length; i++) {
    for (const s of (order[i] as Node).succs) {
      const left = (waiting.get(s) ?? 0) - 1;
      waiting.set(s, left);
      if (left === 0) order.push(s);
    }
  }
  return order;
}
