import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../../src-shared/projects/project-contract';
import type { AllocationView, BudgetView, MilestoneView, PlanItemDocument, ProjectDashboard, RiskRegisterView, UtilisationView } from '../../../src-shared/projects/plan-views';
import type { Milestone } from '../../../src-shared/projects/plan-item-model';
import { openProjectWorld, value } from '../tasks/project-fixture';

type World = Awaited<ReturnType<typeof openProjectWorld>>;
// A fresh world per test: no test depends on what another created.
let world: World;
beforeEach(async () => void (world = await openProjectWorld()));
afterEach(async () => world.close());

const eur = (amountMinor: number) => ({ amountMinor, currency: 'EUR' });

/** The plan the register, dashboard and budget tests read: a milestone and two risks (one closed). */
async function addMilestoneAndRisks({ admin, project }: World) {
  value(await admin.call('plan-items/create', { kind: 'milestone', projectId: project.id, title: 'Method validated', data: { dueDate: '2026-03-20', completionCriteria: [{ text: 'Report signed' }] } }));
  value(await admin.call('plan-items/create', { kind: 'risk', projectId: project.id, title: 'Column shortage', data: { probability: 'high', impact: 'critical', mitigation: 'Order two' } }));
  value(await admin.call('plan-items/create', { kind: 'risk', projectId: project.id, title: 'Staff leave', data: { probability: 'low', impact: 'medium', status: 'closed' } }));
}

/** Ben's 8.2 hours of billable bench work in the week of 2 March. */
async function logBenchWork({ admin, ben, task }: World) {
  const t = await task(admin, { title: 'Bench work', assigneeId: ben.id });
  value(await ben.client.call('time/log', { taskId: t.id, date: '2026-03-03', hours: 4 }));
  value(await ben.client.call('time/log', { taskId: t.id, date: '2026-03-04', hours: 4.2 }));
}

describe('projects and their plan through the protocol', () => {
  it('updates project fields for the owner and refuses the team and strangers', async () => {
    const { admin, ben, cy, project } = world;
    const updated = value(await admin.call<ProjectDocument>('projects/update', { id: project.id, startDate: '2026-03-02', endDate: '2026-04-30', tags: ['GMP'] }));
    expect(updated).toMatchObject({ startDate: '2026-03-02', endDate: '2026-04-30', tags: ['GMP'], teamIds: [ben.id] });
    expect(await admin.call('projects/update', { id: project.id, endDate: '2026-01-01' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'endDate' } });
    expect(await ben.client.call('projects/set-status', { id: project.id, status: 'active' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await cy.client.call('projects/rename', { id: project.id, name: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(value(await admin.call<ProjectDocument>('projects/set-status', { id: project.id, status: 'active' })).status).toBe('active');
    expect(await admin.call('projects/set-status', { id: project.id, status: 'finished' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'status' } });
  });

  it('creates and validates milestones, deliverables, risks, allocations and budget lines', async () => {
    const { admin, ben, project } = world;
    const milestone = value(await admin.call<Milestone>('plan-items/create', {
      kind: 'milestone', projectId: project.id, title: 'Method validated', data: { dueDate: '2026-03-20', completionCriteria: [{ text: 'Report signed' }] },
    }));
    expect(milestone.data.completionCriteria[0]).toMatchObject({ text: 'Report signed', isMet: false, id: expect.any(String) });
    value(await admin.call('plan-items/create', { kind: 'deliverable', projectId: project.id, title: 'Validation report', data: { type: 'report', ownerId: ben.id } }));
    value(await admin.call('plan-items/create', { kind: 'risk', projectId: project.id, title: 'Column shortage', data: { probability: 'high', impact: 'critical', mitigation: 'Order two' } }));
    value(await admin.call('plan-items/create', { kind: 'risk', projectId: project.id, title: 'Staff leave', data: { probability: 'low', impact: 'medium', status: 'closed' } }));

    const backwards = await admin.call('plan-items/create', {
      kind: 'resource_allocation', projectId: project.id, title: 'Ben', data: { resourceType: 'person', personId: ben.id, hours: 10, periodStart: '2026-03-10', periodEnd: '2026-03-02' },
    });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.periodEnd' } });
    const badLink = await admin.call('plan-items/create', { kind: 'deliverable', projectId: project.id, title: 'x', data: { type: 'report', link: 'javascript:alert(1)' } });
    expect(badLink).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.link' } });
    const wrongCurrency = await admin.call('plan-items/create', { kind: 'budget_line', projectId: project.id, title: 'x', data: { category: 'consumables', planned: { amountMinor: 1, currency: 'USD' }, actual: { amountMinor: 0, currency: 'USD' } } });
    expect(wrongCurrency).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.planned.currency' } });
    expect(await ben.client.call('plan-items/create', { kind: 'risk', projectId: project.id, title: 'x', data: { probability: 'low', impact: 'low' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Ben (team) may tick a criterion but not edit the milestone.
    const ticked = value(await ben.client.call<Milestone>('milestones/set-criterion', { id: milestone.id, criterionId: milestone.data.completionCriteria[0]!.id, isMet: true }));
    expect(ticked.data.completionCriteria[0]?.isMet).toBe(true);
    expect(await ben.client.call('plan-items/update', { id: milestone.id, kind: 'milestone', title: 'x', data: milestone.data })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.call('plan-items/update', { id: milestone.id, kind: 'risk', title: 'x', data: { probability: 'low', impact: 'low' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'kind' } });
    const milestones = value(await admin.subscribe('milestones/list', { projectId: project.id }).next<MilestoneView[]>());
    expect(milestones[0]?.evaluation.status).toBe('reached');
  });

  it('filters the risk register by heatmap cell and counts open risks in the right cell', async () => {
    const { admin, project } = world;
    await addMilestoneAndRisks(world);
    const all = value(await admin.subscribe('risks/list', { projectId: project.id }).next<RiskRegisterView>());
    expect(all.risks.map((r) => [r.risk.title, r.level])).toEqual([['Column shortage', 'critical'], ['Staff leave', 'low']]);
    expect(all.heatmap.cells.find((c) => c.probability === 'high' && c.impact === 'critical')).toMatchObject({ count: 1, level: 'critical' });
    expect(all.heatmap.total).toBe(1);
    const cell = value(await admin.subscribe('risks/list', { projectId: project.id, probability: 'low', impact: 'medium' }).next<RiskRegisterView>());
    expect(cell.risks.map((r) => r.risk.title)).toEqual(['Staff leave']);
  });

  it('reports budget vs actual with labour at cost rates and the 80% and 100% warnings', async () => {
    const { admin, ben, project, task } = world;
    await addMilestoneAndRisks(world);
    value(await admin.call('projects/update', { id: project.id, costRates: [{ personId: ben.id, hourlyRateMinor: 500_00, currency: 'EUR' }] }));
    value(await admin.call('plan-items/create', { kind: 'budget_line', projectId: project.id, title: 'Columns', data: { category: 'consumables', planned: eur(200_000), actual: eur(600_000) } }));
    const t = await task(admin, { title: 'Bench work', assigneeId: ben.id });
    value(await ben.client.call('time/log', { taskId: t.id, date: '2026-03-03', hours: 4 }));
    const budget = value(await admin.subscribe('budget/overview', { projectId: project.id }).next<BudgetView>());
    expect(budget.report).toMatchObject({ plannedMinor: 1_000_000, labourMinor: 200_000, actualMinor: 800_000, warning: { threshold: 80 } });
    expect(budget.report?.categories.find((c) => c.category === 'consumables')).toMatchObject({ isOverBudget: true, warning: { threshold: 100 } });

    value(await ben.client.call('time/log', { taskId: t.id, date: '2026-03-04', hours: 4.2 }));
    const dashboard = value(await admin.subscribe('projects/dashboard', { id: project.id }).next<ProjectDashboard>());
    expect(dashboard.budget.report).toMatchObject({ isOverBudget: true, warning: { threshold: 100, message: expect.stringContaining('exceed') } });
    expect(dashboard.canManage).toBe(true);
    expect(dashboard.heatmap.total).toBe(1);
    expect(dashboard.milestones).toHaveLength(1);
  });

  it('shows overdue and blocked tasks and progress on the dashboard', async () => {
    const { admin, project, task } = world;
    const a = await task(admin, { title: 'Dash predecessor', dueDate: '2026-02-01', estimateHours: 2 });
    await task(admin, { title: 'Dash waiting', dependsOn: [a.id], estimateHours: 6 });
    value(await admin.call('tasks/set-progress', { id: a.id, progress: 100 }));
    const dashboard = value(await admin.subscribe('projects/dashboard', { id: project.id }).next<ProjectDashboard>());
    expect(dashboard.overdueTasks.map((r) => r.task.title)).toEqual(['Dash predecessor']);
    expect(dashboard.blockedTasks.map((r) => r.task.title)).toEqual(['Dash waiting']);
    // Weighted by estimate: 100 % of 2 h and 0 % of 6 h.
    expect(dashboard.progress).toBe(25);
    expect(dashboard.totalTasks).toBe(2);
  });

  it('computes team utilisation per person per week and flags over-allocation', async () => {
    const { admin, ben, project } = world;
    await logBenchWork(world);
    value(await admin.call('plan-items/create', {
      kind: 'resource_allocation', projectId: project.id, title: 'Ben on validation', data: { resourceType: 'person', personId: ben.id, hours: 60, periodStart: '2026-03-02', periodEnd: '2026-03-06' },
    }));
    const view = value(await admin.subscribe('utilisation/team', { projectId: project.id, start: '2026-03-02', end: '2026-03-08' }).next<UtilisationView>());
    const bens = view.utilisation.people.find((p) => p.personId === ben.id)!;
    expect(bens.weeks[0]).toMatchObject({ week: '2026-W10', capacityHours: 40, allocatedHours: 60, isOverAllocated: true, loggedHours: 8.2, billableHours: 8.2 });
    expect(view.people.map((p) => p.name)).toContain('Ben Bench');
    const allocations = value(await admin.subscribe('allocations/list', { projectId: project.id }).next<AllocationView[]>());
    expect(allocations.map((a) => a.resourceName)).toEqual(['Ben Bench']);
    expect(await admin.subscribe('utilisation/team', { start: '2026-03-09', end: '2026-03-01' }).next()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'end' } });
  });

  it('links tasks to a milestone and sets a deliverable’s status, for those who manage the project (and the deliverable’s owner)', async () => {
    const { admin, ben, cy, project, task } = world;
    const milestone = value(await admin.call<Milestone>('plan-items/create', { kind: 'milestone', projectId: project.id, title: 'Method validated', data: { dueDate: '2026-03-20' } }));
    const work = await task(admin, { title: 'Validation runs' });
    expect(value(await admin.call<Milestone>('milestones/link-task', { id: milestone.id, taskId: work.id, isLinked: true })).data.linkedTaskIds).toEqual([work.id]);
    expect(value(await admin.call<Milestone>('milestones/link-task', { id: milestone.id, taskId: work.id, isLinked: true })).data.linkedTaskIds).toEqual([work.id]);
    expect(await ben.client.call('milestones/link-task', { id: milestone.id, taskId: work.id, isLinked: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.call('milestones/link-task', { id: milestone.id, taskId: 'NO-TASK', isLinked: true })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'taskId' } });
    expect(await admin.call('milestones/link-task', { id: 'NO-ITEM', taskId: work.id, isLinked: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(value(await admin.call<Milestone>('milestones/link-task', { id: milestone.id, taskId: work.id, isLinked: false })).data.linkedTaskIds).toEqual([]);

    // Ben owns the deliverable: he may move it on; Cy (not on the team) may not.
    const report = value(await admin.call<PlanItemDocument>('plan-items/create', { kind: 'deliverable', projectId: project.id, title: 'Validation report', data: { type: 'report', ownerId: ben.id } }));
    expect(await ben.client.call('deliverables/set-status', { id: report.id, status: 'submitted' })).toMatchObject({ ok: true, value: { data: { status: 'submitted' } } });
    expect(await cy.client.call('deliverables/set-status', { id: report.id, status: 'accepted' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await admin.call('deliverables/set-status', { id: report.id, status: 'lost' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'status' } });
    expect(await admin.call('deliverables/set-status', { id: milestone.id, status: 'accepted' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await admin.call('deliverables/set-status', { id: report.id, status: 'accepted' })).toMatchObject({ ok: true, value: { data: { status: 'accepted' } } });
  });

  it('removes plan items for the owner only', async () => {
    const { admin, ben, project } = world;
    const risk = value(await admin.call<PlanItemDocument>('plan-items/create', { kind: 'risk', projectId: project.id, title: 'Temporary', data: { probability: 'low', impact: 'low' } }));
    expect(await ben.client.call('plan-items/remove', { id: risk.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    value(await admin.call('plan-items/remove', { id: risk.id }));
    const register = value(await admin.subscribe('risks/list', { projectId: project.id }).next<RiskRegisterView>());
    expect(register.risks.map((r) => r.risk.title)).not.toContain('Temporary');
  });
});
