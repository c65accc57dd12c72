/**
 * Documents for the UI benchmark's projects, built as a lab would plan: phases (top-level tasks)
 * of sequential subtasks, finish-to-start links inside a phase and a few across phases, the past
 * done, the present in progress, the future to do. Every document is checked with the schemas the
 * host uses (taskSchema, projectSchema, milestoneSchema) before it is written.
 */
import { createIdSource } from '../../src-shared/core/ids';
import { milestoneSchema } from '../../src-shared/projects/plan-item-model';
import { projectSchema } from '../../src-shared/projects/project-model';
import { addDays } from '../../src-shared/projects/plan-dates';
import { evenRanks } from '../../src-shared/tasks/kanban-rank';
import { TASK_STATUSES, taskSchema, type Task, type TaskStatus } from '../../src-shared/tasks/task-model';

export interface ProjectSpec {
  code: string;
  name: string;
  tasks: number;
  dependencies: number;
  /** Tasks per phase (a top-level task whose subtasks follow it); 0 for a flat list. */
  phaseSize: number;
  wipLimits?: Partial<Record<TaskStatus, number>>;
  milestones: number;
}

export interface SeededProject {
  id: string;
  code: string;
  taskCount: number;
  dependencyCount: number;
}

// Deterministic "random" numbers, so every run seeds the same plan.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const topics = ['HPLC calibration', 'Stability study', 'Method validation', 'Sample intake', 'Reagent qualification', 'Balance check', 'Audit preparation', 'SOP review', 'Microbial limits', 'Data review', 'Instrument IQ/OQ', 'Proficiency test'];
const verbs = ['Prepare', 'Run', 'Review', 'Document', 'Approve', 'Analyse', 'Order', 'Verify', 'Report', 'Archive'];

export function buildProject(spec: ProjectSpec, people: readonly string[], adminId: string, today: string, seed: number) {
  const random = rng(seed);
  const newId = createIdSource(() => Date.now(), (n) => new Uint8Array(Array.from({ length: n }, () => Math.floor(random() * 256))));
  const at = new Date().toISOString();
  const base = { createdAt: at, updatedAt: at, createdBy: adminId, updatedBy: adminId, auditId: 'bench-seed' };
  const project = projectSchema.parse({
    ...base, id: newId(), code: spec.code, name: spec.name, description: 'Seeded by bench/ui.bench.ts', status: 'active', isArchived: false,
    ownerId: adminId, teamIds: [...people], tags: ['bench'], startDate: addDays(today, -60),
  });
  const withWip = spec.wipLimits ? { ...project, wipLimits: spec.wipLimits } : project;

  // Plan: phases start every few days (overlapping); subtasks run one after another inside a phase.
  const tasks: Array<Omit<Task, 'kanbanRank'> & { kanbanRank?: string }> = [];
  let phaseId: string | undefined;
  let phaseStart = addDays(today, -60);
  let cursor = phaseStart;
  for (let i = 0; i < spec.tasks; i++) {
    const isPhase = spec.phaseSize > 0 && i % spec.phaseSize === 0;
    const duration = 1 + Math.floor(random() * 4);
    let start: string;
    if (isPhase) {
      phaseStart = addDays(phaseStart, 2 + Math.floor(random() * 3));
      cursor = phaseStart;
      start = phaseStart;
    } else if (spec.phaseSize > 0) {
      start = cursor;
      cursor = addDays(cursor, duration);
    } else {
      // A flat backlog: work spread around today, so every column of the board fills.
      start = addDays(today, -40 + Math.floor(random() * 100));
    }
    const due = isPhase ? addDays(start, Math.max(1, spec.phaseSize - 1) * 2.5 | 0) : addDays(start, duration - 1);
    const topic = topics[Math.floor(random() * topics.length)] as string;
    const title = isPhase ? `${topic} — phase ${Math.floor(i / Math.max(1, spec.phaseSize)) + 1}` : `${verbs[Math.floor(random() * verbs.length)]} ${topic.toLowerCase()} #${i + 1}`;
    const status: TaskStatus = due < addDays(today, -3) ? 'done' : start <= today ? (random() < 0.15 ? 'in_review' : 'in_progress') : random() < 0.08 ? 'blocked' : random() < 0.35 ? 'backlog' : 'todo';
    const progress = status === 'done' ? 100 : status === 'in_progress' || status === 'in_review' ? 10 + Math.floor(random() * 80) : 0;
    const assigneeId = people[Math.floor(random() * people.length)];
    const id = newId();
    tasks.push({
      ...base, id, projectId: project.id, ...(spec.phaseSize > 0 && !isPhase && phaseId ? { parentId: phaseId } : {}), title, description: '',
      ...(assigneeId ? { assigneeId } : {}), watcherIds: [], priority: (['low', 'medium', 'medium', 'high', 'critical'] as const)[Math.floor(random() * 5)] ?? 'medium',
      status, startDate: start, dueDate: due, progress, checklist: random() < 0.3 ? [{ id: newId(), text: 'Check the data', isDone: random() < 0.5 }, { id: newId(), text: 'Sign off', isDone: false }] : [],
      dependsOn: [],
    });
    if (isPhase) phaseId = id;
  }

  // Links: mostly to the previous subtask of the same phase, some across phases, never to a parent.
  let links = 0;
  for (let i = 1; i < tasks.length && links < spec.dependencies; i++) {
    const task = tasks[i] as Task;
    const previous = tasks[i - 1] as Task;
    if (task.parentId !== undefined && previous.parentId === task.parentId && i % 2 === 0) {
      task.dependsOn.push(previous.id);
      links++;
    }
  }
  for (let i = tasks.length - 1; i > 40 && links < spec.dependencies; i -= 7) {
    const task = tasks[i] as Task;
    const from = tasks[i - 20 - Math.floor(random() * 20)] as Task;
    if (from.id !== task.parentId && !task.dependsOn.includes(from.id) && from.dueDate && task.startDate && from.dueDate < task.startDate) {
      task.dependsOn.push(from.id);
      links++;
    }
  }

  // Kanban ranks: evenly spread per column, in plan order.
  for (const status of TASK_STATUSES) {
    const column = tasks.filter((t) => t.status === status);
    const ranks = evenRanks(column.length);
    column.forEach((t, i) => (t.kanbanRank = ranks[i]));
  }
  const taskDocs = tasks.map((t) => taskSchema.parse(t));

  const milestones = Array.from({ length: spec.milestones }, (_, i) =>
    milestoneSchema.parse({
      ...base, id: newId(), kind: 'milestone', projectId: project.id, title: `Milestone ${i + 1}: ${topics[i % topics.length]} signed off`,
      data: { description: '', dueDate: addDays(today, -30 + i * 21), status: 'pending', completionCriteria: [], linkedTaskIds: [] },
    }),
  );
  return { project: withWip, tasks: taskDocs, milestones, summary: { id: project.id, code: spec.code, taskCount: taskDocs.length, dependencyCount: links } satisfies SeededProject };
}
