import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { BudgetStanding } from '../../../src-shared/finance/budget-standing';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { InstanceSummaryView } from '../../../src-shared/workflows/workflow-contract';
import { entriesOf, eventually } from '../notifications/support';
import { openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';
import { handClock, value, type Client } from '../tasks/project-fixture';
import { createFinanceTeam, type FinanceTeam } from './finance-team';

/**
 * Budgets on a real host and SQLite file, through the commands the screens use (`records/create|
 * update`, `workflows/instances/start|advance`, `finance/budgets/standing`): bad input refused at its
 * field, a project budget only for the project's manager, BUDGET_APPROVAL moving the budget (manager
 * then finance above 5,000.00), an approved budget read-only and revised as a new version, and where
 * it stands against the time logged at the project's cost rate and the purchase orders charged to
 * it (committed).
 */
const password = 'long enough password';
const cid = () => `c-${Math.random().toString(36).slice(2)}`;
let host: Host;
let projectId = '';
let people: FinanceTeam;
let admin: Client;
let pia: Client;
let dataDir = '';
const budgetData = (extra: Record<string, unknown> = {}) => ({
  holder: 'project', projectId, personId: people.max.id, year: 2026, lines: [{ category: 'personnel', amountMinor: 600_000 }, { category: 'consumables', amountMinor: 25_000 }], total: { amountMinor: 625_000, currency: 'EUR' }, version: 1, ...extra,
});
const clock = handClock('2026-03-05T09:00:00.000Z').clock;
const read = async (id: string) => value(await people.max.client.subscribe('records/get', { id }).next<RecordView>());
const standing = (client: Client, input: Record<string, unknown>) => client.subscribe('finance/budgets/standing', input).next<BudgetStanding[]>();

beforeAll(async () => {
  dataDir = tempDataDir();
  host = await openSqliteHost(dataDir, { clock, sessionTimeoutMs: 86_400_000 });
  ({ admin, people } = await createFinanceTeam(host, password, 'BUDGET_APPROVAL'));
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

describe('purchase orders charged to the project', () => {
  it('refuses a charge without its category or to no project, and commits a sent order in the project budget', async () => {
    value(await admin.call('people/create', { name: 'Pia Procurement', email: 'pia@lab.org', password, roles: ['procurement_manager'] }));
    pia = connectTestClient(host);
    value(await pia.call('auth/sign-in', { email: 'pia@lab.org', password }));
    const supplier = value(await pia.call<RecordView>('records/create', { kind: 'supplier', data: { name: 'Biozym' } }));
    const line = { id: 'line-1', description: 'Primers, 96-well plate', quantity: 2, unitPriceMinor: 50_000, taxRatePercent: 19, isEquipment: false };
    const order = (extra: Record<string, unknown>) => ({ kind: 'purchase_order', data: { supplierId: supplier.id, currency: 'EUR', lines: [line], total: { amountMinor: 119_000, currency: 'EUR' }, ...extra } });
    expect(await pia.call('records/create', order({ projectId }))).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.budgetCategory' } });
    expect(await pia.call('records/create', order({ budgetCategory: 'consumables' }))).toMatchObject({ ok: false, error: { field: 'data.projectId' } });
    expect(await pia.call('records/create', order({ projectId, budgetCategory: 'champagne' }))).toMatchObject({ ok: false, error: { field: 'data.budgetCategory' } });
    expect(await pia.call('records/create', order({ projectId: 'NO-SUCH-PROJECT', budgetCategory: 'consumables' }))).toMatchObject({ ok: false, error: { field: 'data.projectId' } });
    const draft = value(await pia.call<RecordView>('records/create', order({ projectId, budgetCategory: 'consumables' })));
    // A draft commits nothing; only procurement charges an order.
    expect(value(await standing(people.max.client, { projectId }))[0]).toMatchObject({ committedMinor: 0 });
    expect(await people.max.client.call('records/update', { id: draft.id, data: { budgetCategory: 'equipment' } })).toMatchObject({ ok: false });

    value(await pia.call('records/update', { id: draft.id, data: { sentAt: '2026-03-05T09:00:00.000Z' } }));
    value(await pia.call('records/transition', { id: draft.id, to: 'sent' }));
    const [mine] = value(await standing(people.max.client, { projectId }));
    expect(mine).toMatchObject({ plannedMinor: 625_000, actualMinor: 500_000, committedMinor: 119_000, percentUsed: 99, warning: 80 });
    expect(mine?.categories.find((c) => c.category === 'consumables')).toEqual({ category: 'consumables', plannedMinor: 25_000, committedMinor: 119_000, actualMinor: 0 });

    // Charged to the wrong category after sending: procurement moves it, audited like every write.
    value(await pia.call('records/update', { id: draft.id, data: { budgetCategory: 'equipment' } }));
    expect(value(await standing(people.max.client, { projectId }))[0]?.categories.find((c) => c.category === 'equipment')).toMatchObject({ committedMinor: 119_000 });
    value(await pia.call('records/transition', { id: draft.id, to: 'cancelled', reason: 'Ordered twice by mistake' }));
    expect(value(await standing(people.max.client, { projectId }))[0]).toMatchObject({ committedMinor: 0 });
  });
});

describe('budget warnings', () => {
  const warnings = async () => (await entriesOf(host, people.max.id)).filter((e) => e.event === 'budget_threshold').map((e) => e.subject);
  /** Lets the scheduler run its rounds after a start; what must not fire is then checked. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

  it('tell the project manager once at 80 % and once at 100 %, never again after a restart', async () => {
    const number = value(await standing(people.max.client, { projectId }))[0]?.number ?? '';
    await eventually(async () => ((await warnings()).length > 0 ? true : undefined));
    expect(await warnings()).toEqual([`Budget ${number} is 80 % used`]);

    // An order of 1,300.00 takes the project past its plan: the 100 % warning, once.
    const supplier = value(await pia.call<RecordView>('records/create', { kind: 'supplier', data: { name: 'Qiagen' } }));
    const line = { id: 'line-1', description: 'Extraction kits', quantity: 1, unitPriceMinor: 130_000, taxRatePercent: 0, isEquipment: false };
    const order = value(await pia.call<RecordView>('records/create', { kind: 'purchase_order', data: { supplierId: supplier.id, projectId, budgetCategory: 'consumables', currency: 'EUR', lines: [line], total: { amountMinor: 130_000, currency: 'EUR' }, sentAt: '2026-03-05T09:00:00.000Z' } }));
    value(await pia.call('records/transition', { id: order.id, to: 'sent' }));
    await eventually(async () => ((await warnings()).length > 1 ? true : undefined));
    // Both at the same hand-clock time: compared as a set.
    expect((await warnings()).sort()).toEqual([`Budget ${number} is 80 % used`, `Budget ${number} is used up`]);

    await host.close();
    host = await openSqliteHost(dataDir, { clock, sessionTimeoutMs: 86_400_000 });
    await settle();
    expect((await warnings()).sort()).toEqual([`Budget ${number} is 80 % used`, `Budget ${number} is used up`]);
  });
});
