import { describe, expect, it } from 'vitest';
import { milestoneSchema } from '../../../src-shared/projects/plan-item-model';
import { copyProjectStructure, type ProjectCopyInput } from '../../../src-shared/projects/project-template';
import { projectSchema, type Project } from '../../../src-shared/projects/project-model';
import { taskSchema } from '../../../src-shared/tasks/task-model';
import { makeTask } from '../tasks/task-fixtures';

const meta = { createdAt: '2024-01-01T08:00:00Z', updatedAt: '2024-06-01T08:00:00Z', createdBy: 'u-1', updatedBy: 'u-2', auditId: 'a-old' };
const project: Project = projectSchema.parse({
  ...meta,
  id: 'p-1',
  code: 'STAB-24',
  name: 'Stability 2024',
  status: 'completed',
  startDate: '2024-03-04',
  endDate: '2024-09-30',
  budget: { amountMinor: 5_000_000, currency: 'EUR' },
  tags: ['stability'],
  isArchived: true,
});
const tasks = [
  makeTask({ id: 'plan', title: 'Plan study', status: 'done', progress: 100, startDate: '2024-03-04', dueDate: '2024-03-08', assigneeId: 'u-ana' }),
  makeTask({ id: 'pull', title: 'Pull points', status: 'done', progress: 100, startDate: '2024-03-11', dueDate: '2024-09-13', dependsOn: ['plan', 'old'] }),
  makeTask({ id: 't0', parentId: 'pull', title: 'T0 pull', status: 'done', checklist: [{ id: 'ck', text: 'Log chamber temp', isDone: true }], startDate: '2024-03-11', dueDate: '2024-03-11' }),
  makeTask({ id: 'old', title: 'Old approach', status: 'cancelled' }),
  makeTask({ id: 'old-sub', parentId: 'old', title: 'Under the old approach', status: 'todo' }),
  makeTask({ id: 'elsewhere', projectId: 'p-9', title: 'Other project' }),
];
const milestones = [
  milestoneSchema.parse({
    ...meta,
    id: 'm-1',
    projectId: 'p-1',
    kind: 'milestone',
    title: 'T0 done',
    data: { dueDate: '2024-03-15', status: 'reached', completionCriteria: [{ id: 'cr', text: 'Data reviewed', isMet: true }], linkedTaskIds: ['t0', 'old'] },
  }),
];

const input = (overrides: Partial<ProjectCopyInput> = {}): ProjectCopyInput => {
  let n = 0;
  return {
    project,
    tasks,
    milestones,
    code: 'stab-25',
    name: 'Stability 2025',
    shiftDays: 364,
    newId: () => `n${++n}`,
    stamp: { at: '2025-01-02T09:00:00Z', by: 'u-9', auditId: 'a-new' },
    ...overrides,
  };
};

describe('copying a project as a template', () => {
  const result = copyProjectStructure(input());
  if (!result.ok) throw new Error(result.error.message);
  const copy = result.value;
  const task = (title: string) => copy.tasks.find((t) => t.title === title)!;

  it('creates a fresh planned project with shifted dates', () => {
    expect(copy.project).toEqual({
      ...project,
      id: 'n1',
      code: 'STAB-25',
      name: 'Stability 2025',
      status: 'planned',
      isArchived: false,
      startDate: '2025-03-03',
      endDate: '2025-09-29',
      createdAt: '2025-01-02T09:00:00Z',
      updatedAt: '2025-01-02T09:00:00Z',
      createdBy: 'u-9',
      updatedBy: 'u-9',
      auditId: 'a-new',
    });
    expect(projectSchema.safeParse(copy.project).success).toBe(true);
  });

  it('copies tasks with fresh ids, remapped parents and dependencies, reset to the start', () => {
    expect(copy.tasks.map((t) => t.title)).toEqual(['Plan study', 'Pull points', 'T0 pull']);
    expect(task('Pull points')).toMatchObject({ id: 'n3', projectId: 'n1', status: 'todo', progress: 0, startDate: '2025-03-10', dueDate: '2025-09-12', dependsOn: ['n2'] });
    expect(task('T0 pull')).toMatchObject({ parentId: 'n3', checklist: [{ id: 'n5', text: 'Log chamber temp', isDone: false }] });
    expect(task('Plan study').assigneeId).toBe('u-ana');
    expect(Object.keys(task('Plan study'))).not.toContain('parentId');
    expect(Object.values(task('Plan study'))).not.toContain(undefined);
    expect(copy.tasks.every((t) => taskSchema.safeParse(t).success)).toBe(true);
  });

  it('leaves cancelled tasks, their subtasks and other projects behind', () => {
    const oldIds = new Set(tasks.map((t) => t.id));
    expect(copy.tasks.some((t) => oldIds.has(t.id) || t.dependsOn.some((d) => oldIds.has(d)) || (t.parentId && oldIds.has(t.parentId)))).toBe(false);
    expect([...copy.idMap.keys()]).toEqual(['plan', 'pull', 't0', 'm-1']);
  });

  it('copies milestones pending, criteria unmet, links remapped', () => {
    expect(copy.milestones).toEqual([
      {
        ...milestones[0],
        ...{ createdAt: '2025-01-02T09:00:00Z', updatedAt: '2025-01-02T09:00:00Z', createdBy: 'u-9', updatedBy: 'u-9', auditId: 'a-new' },
        id: 'n6',
        projectId: 'n1',
        data: { ...milestones[0]!.data, status: 'pending', dueDate: '2025-03-14', completionCriteria: [{ id: 'n7', text: 'Data reviewed', isMet: false }], linkedTaskIds: ['n4'] },
      },
    ]);
  });

  it('never hands out the same id twice', () => {
    const all = [copy.project.id, ...copy.tasks.flatMap((t) => [t.id, ...t.checklist.map((c) => c.id)]), ...copy.milestones.flatMap((m) => [m.id, ...m.data.completionCriteria.map((c) => c.id)])];
    expect(new Set(all).size).toBe(all.length);
  });

  it('shifts earlier with a negative number of days', () => {
    const back = copyProjectStructure(input({ shiftDays: -3 }));
    expect(back.ok && back.value.tasks[0]).toMatchObject({ startDate: '2024-03-01', dueDate: '2024-03-05' });
  });

  it('refuses a bad code, name or shift', () => {
    expect(copyProjectStructure(input({ code: 'x' }))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'code' } });
    expect(copyProjectStructure(input({ name: '  ' }))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    expect(copyProjectStructure(input({ shiftDays: 1.5 }))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'shiftDays' } });
  });
});
