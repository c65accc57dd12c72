import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { BudgetStanding } from '../../../src-shared/finance/budget-standing';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { InstanceSummaryView } from '../../../src-shared/workflows/workflow-contract';
import { openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { handClock, value, type Client } from '../tasks/project-fixture';
import { createFinanceTeam, type FinanceTeam } from './finance-team';

/**
 * Budgets on a real host and SQLite file, through the commands the screens use (`records/create|
 * update`, `workflows/instances/start|advance`, `finance/budgets/standing`): bad input refused at its
 * field, a project budget only for the project's manager, BUDGET_APPROVAL moving the budget (manager
 * then finance above 5,000.00), an approved budget read-only and revised as a new version, and where
 * it stands against the time logged at the project's cost rate.
 */
const password = 'long enough password';
const cid = () => `c-${Math.random().toString(36).slice(2)}`;
let host: Host;
let projectId = '';
let people: FinanceTeam;
const budgetData = (extra: Record<string, unknown> = {}) => ({
  holder: 'project', projectId, personId: people.max.id, year: 2026, lines: [{ category: 'personnel', amountMinor: 600_000 }, { category: 'consumables', amountMinor: 25_000 }], total: { amountMinor: 625_000, currency: 'EUR' }, version: 1, ...extra,
});
const read = async (id: string) => value(await people.max.client.subscribe('records/get', { id }).next<RecordView>());
const standing = (client: Client, input: Record<string, unknown>) => client.subscribe('finance/budgets/standing', input).next<BudgetStanding[]>();

beforeAll(async () => {
  host = await openSqliteHost(tempDataDir(), { clock: handClock('2026-03-05T09:00:00.000Z').clock, sessionTimeoutMs: 86_400_000 });
  ({ people } = await createFinanceTeam(host, password, 'BUDGET_APPROVAL'));
  const max = people.max.client;
  projectId = value(await max.call<{ id: string }>('projects/create', { code: 'PCR-2026', name: 'PCR assay validation' })).id;
  value(await max.call('projects/update', { id: projectId, costRates: [{ personId: people.max.id, hourlyRateMinor: 10_000, currency: 'EUR' }] }));
  const task = value(await max.call<{ id: string }>('tasks/create', { projectId, title: 'Validation series' }));
  for (const [date, hours] of [['2026-02-02', 24], ['2026-02-03', 24], ['2026-02-04', 2]] as const) value(await max.call('time/log', { taskId: task.id, date, hours }));
});
afterAll(async () => host?.close());

describe('drafting a budget', () => {
  it('refuses bad input at its field: a total that is not the lines, a negative line, an unknown category, no project, a year out of range', async () => {
    const max = people.max.client;
    expect(await max.call('records/create', { kind: 'budget', data: budgetData({ total: { amountMinor: 1, currency: 'EUR' } }) })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.total' } });
    expect(await max.call('records/create', { kind: 'budget', data: budgetData({ lines: [{ category: 'personnel', amountMinor: -1 }], total: { amountMinor: -1, currency: 'EUR' } }) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await max.call('records/create', { kind: 'budget', data: budgetData({ lines: [{ category: 'champagne', amountMinor: 5 }], total: { amountMinor: 5, currency: 'EUR' } }) })).toMatchObject({ ok: false, error: { field: 'data.lines.0.category' } });
    expect(await max.call('records/create', { kind: 'budget', data: budgetData({ projectId: undefined }) })).toMatchObject({ ok: false, error: { field: 'data.projectId' } });
    expect(await max.call('records/create', { kind: 'budget', data: budgetData({ year: 1999 }) })).toMatchObject({ ok: false, error: { field: 'data.year', message: 'Enter a year like 2027.' } });
    expect(await max.call('records/create', { kind: 'budget', data: budgetData({ projectId: 'NO-SUCH-PROJECT' }) })).toMatchObject({ ok: false, error: { field: 'data.projectId' } });
  });

  it('is held by the project manager only, and hidden from a colleague', async () => {
    expect(await people.otto.client.call('records/create', { kind: 'budget', data: budgetData() })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await people.otto.client.call('records/create', { kind: 'budget', data: budgetData({ personId: people.otto.id }) })).toMatchObject({ ok: false, error: { field: 'data.personId' } });
    const budget = value(await people.max.client.call<RecordView>('records/create', { kind: 'budget', data: budgetData() }));
    expect(budget).toMatchObject({ status: 'draft', kindLabel: 'Budget', number: expect.stringMatching(/^BUD-2026-\d{4}$/) });
    expect(await people.otto.client.subscribe('records/get', { id: budget.id }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await people.max.client.call('records/transition', { id: budget.id, to: 'in_approval' })).toMatchObject({ ok: false });
  });

  it('refuses a standing query with bad input', async () => {
    expect(await standing(people.fay.client, { year: 'next' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'year' } });
    expect(await standing(people.fay.client, { project: projectId })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('a budget through its approval', () => {
  it('is approved by the manager then finance, stands at 80 % of plan, and is revised as a new version', async () => {
    const max = people.max.client;
    const budget = value(await max.call<RecordView>('records/create', { kind: 'budget', data: budgetData() }));
    expect(value(await standing(max, { projectId }))).toEqual([]);
    const run = value(await max.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'BUDGET_APPROVAL', entityType: 'budget', entityId: budget.id }));
    value(await max.call('workflows/instances/advance', { commandId: cid(), instanceId: run.id, action: 'complete' }));
    expect((await read(budget.id)).status).toBe('in_approval');
    expect(await max.call('records/update', { id: budget.id, data: budgetData({ lines: [], total: { amountMinor: 0, currency: 'EUR' } }) })).toMatchObject({ ok: false });

    const approve = (client: Client) => client.call('workflows/instances/advance', { commandId: cid(), instanceId: run.id, action: 'approve', signature: { password, meaning: 'approved' } });
    expect(await approve(people.otto.client)).toMatchObject({ ok: false });
    value(await approve(people.mia.client));
    expect((await read(budget.id)).status).toBe('in_approval');
    value(await approve(people.fay.client));
    expect((await read(budget.id)).status).toBe('approved');
    expect(await people.fay.client.call('records/update', { id: budget.id, data: budgetData({ lines: [], total: { amountMinor: 0, currency: 'EUR' } }) })).toMatchObject({ ok: false });

    const [mine] = value(await standing(max, { projectId }));
    expect(mine).toMatchObject({ budgetId: budget.id, plannedMinor: 625_000, actualMinor: 500_000, committedMinor: 0, percentUsed: 80, warning: 80 });
    expect(value(await standing(people.fay.client, { year: 2026 }))).toHaveLength(1);
    expect(value(await standing(people.otto.client, { projectId }))).toEqual([]);

    expect(await max.call('records/create', { kind: 'budget', data: budgetData({ version: 3, revisesId: budget.id }) })).toMatchObject({ ok: false, error: { field: 'data.version' } });
    const revision = value(await max.call<RecordView>('records/create', { kind: 'budget', data: budgetData({ version: 2, revisesId: budget.id }) }));
    expect(revision).toMatchObject({ status: 'draft', title: 'Project budget 2026, version 2' });
    expect(value(await standing(max, { projectId }))[0]?.budgetId).toBe(budget.id);
  });
});
