import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../../src-shared/projects/project-contract';
import type { ExportView, GanttView, MilestoneView } from '../../../src-shared/projects/plan-views';
import type { TaskListView } from '../../../src-shared/tasks/task-views';
import { openProjectWorld, value } from '../tasks/project-fixture';

let world: Awaited<ReturnType<typeof openProjectWorld>>;
let ids: Record<string, string> = {};
beforeAll(async () => {
  world = await openProjectWorld();
  const { admin, task, project } = world;
  value(await admin.call('projects/update', { id: project.id, startDate: '2026-03-02' }));
  const plan = await task(admin, { title: 'Plan', startDate: '2026-03-02', dueDate: '2026-03-03' });
  const buy = await task(admin, { title: 'Buy: reagents', startDate: '2026-03-04', dueDate: '2026-03-04', dependsOn: [plan.id] });
  const run = await task(admin, { title: 'Run', startDate: '2026-03-04', dueDate: '2026-03-09', dependsOn: [plan.id] });
  const sub = await task(admin, { title: 'Run day 1', parentId: run.id, startDate: '2026-03-04', dueDate: '2026-03-04', checklist: ['Warm up'] });
  value(await admin.call('plan-items/create', { kind: 'milestone', projectId: project.id, title: 'Data ready', data: { dueDate: '2026-03-10', linkedTaskIds: [run.id] } }));
  ids = { plan: plan.id, buy: buy.id, run: run.id, sub: sub.id };
});
afterAll(async () => world.close());

describe('Gantt data, exports and templates', () => {
  it('gives rows in outline order with the critical path and links', async () => {
    const gantt = value(await world.admin.subscribe('projects/gantt', { projectId: world.project.id }).next<GanttView>());
    expect(gantt.tasks.map((t) => [t.title, t.depth])).toEqual([['Plan', 0], ['Buy: reagents', 0], ['Run', 0], ['Run day 1', 1]]);
    expect(gantt.criticalPath).toEqual([ids.plan, ids.run]);
    expect(gantt.tasks.find((t) => t.id === ids.buy)).toMatchObject({ isCritical: false, slackDays: 5 });
    expect(gantt.dependencies).toContainEqual({ fromId: ids.plan, toId: ids.run });
    expect(gantt).toMatchObject({ projectStart: '2026-03-02', projectFinish: '2026-03-09', problem: null, canEdit: true });
    expect(gantt.milestones).toEqual([{ id: expect.any(String), title: 'Data ready', dueDate: '2026-03-10', status: 'pending' }]);
  });

  it('exports Mermaid gantt text and CSV', async () => {
    const mermaid = value(await world.admin.subscribe('projects/export', { projectId: world.project.id, format: 'mermaid' }).next<ExportView>());
    expect(mermaid.fileName).toBe('QC-1-gantt.mmd');
    expect(mermaid.text).toContain('gantt\n    title QC-1 – Method validation');
    expect(mermaid.text).toContain('Buy#58; reagents :');
    expect(mermaid.text).toContain('Data ready :milestone, m1, 2026-03-10, 0d');
    const csv = value(await world.admin.subscribe('projects/export', { projectId: world.project.id, format: 'csv' }).next<ExportView>());
    expect(csv.mimeType).toBe('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('id,title,parent_id,assignee,status,priority,start_date,due_date,duration_days,progress,estimate_hours,depends_on');
  });

  it('copies a project as a template with dates shifted and statuses reset', async () => {
    const { admin, ben, project } = world;
    value(await admin.call('tasks/set-status', { id: ids.plan, status: 'done' }));
    const copy = value(await ben.client.call<ProjectDocument>('projects/create-from-template', { templateId: project.id, code: 'QC-2', name: 'Validation, second site', startDate: '2026-04-06' }));
    expect(copy).toMatchObject({ code: 'QC-2', status: 'planned', startDate: '2026-04-06', ownerId: ben.id });
    const tasks = value(await ben.client.subscribe('tasks/list', { projectId: copy.id, sort: { field: 'startDate', direction: 'asc' } }).next<TaskListView>());
    expect(tasks.rows.map((r) => [r.task.title, r.task.startDate, r.task.status])).toEqual([
      ['Plan', '2026-04-06', 'todo'],
      ['Buy: reagents', '2026-04-08', 'todo'],
      // Same start: the earlier due date first.
      ['Run day 1', '2026-04-08', 'todo'],
      ['Run', '2026-04-08', 'todo'],
    ]);
    const run = tasks.rows.find((r) => r.task.title === 'Run')!.task;
    const plan = tasks.rows.find((r) => r.task.title === 'Plan')!.task;
    expect(run.dependsOn).toEqual([plan.id]);
    const milestones = value(await ben.client.subscribe('milestones/list', { projectId: copy.id }).next<MilestoneView[]>());
    expect(milestones.map((m) => [m.milestone.title, m.milestone.data.dueDate, m.milestone.data.linkedTaskIds])).toEqual([['Data ready', '2026-04-14', [run.id]]]);
    expect(await admin.call('projects/create-from-template', { templateId: project.id, code: 'QC-2', name: 'Again' })).toMatchObject({ ok: false, error: { code: 'already_exists', field: 'code' } });
    expect(await admin.call('projects/create-from-template', { templateId: 'MISSING', code: 'QC-3', name: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'templateId' } });
  });
});
