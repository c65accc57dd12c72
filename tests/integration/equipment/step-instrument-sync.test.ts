import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDay } from '../../../src-shared/format/display-format';
import type { WireDocument } from '../../../src-shared/sync/protocol';
import { advance } from '../../../src-shared/workflows/advance';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import type { Actor, WorkflowInstance } from '../../../src-shared/workflows/instance';
import { startInstance } from '../../../src-shared/workflows/start';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { eventDocument } from '../../../src-main/workflows/workflow-documents';
import { upsertDocument } from '../../../sync-server/replication/document-store';
import { baseFields, createTeam, openTestDatabase, push, startTestServer, team, type TestServer } from '../sync/support/test-server';

/**
 * A workflow step that requires a ready instrument, on the real sync server (embedded PostgreSQL):
 * a hostile PC that runs the engine without the instrument check pushes the completion of the
 * step with an instrument overdue for calibration (by the server's clock and the calibrations the
 * server holds), and the server refuses it with the reason; the same step on a ready instrument,
 * and a rejection of the overdue one (which uses no instrument), go through.
 */
const SERVER_NOW = '2026-06-10T12:00:00.000Z';
let server: TestServer;
let tokens: Awaited<ReturnType<typeof createTeam>>;

const definition = {
  workflow_code: 'WEIGH_SAMPLE',
  name: 'Weigh a sample',
  version: 1,
  status: 'published',
  initial_step: 'weigh',
  steps: [
    {
      step_id: 'weigh', name: 'Weigh the sample', type: 'task', assignee_type: 'role', assignee_value: 'member',
      form: [{ key: 'balance', label: 'Balance', type: 'text', required: true, actions: ['complete'] }],
      ready_instrument: { field: 'balance' }, conditions: { complete: ['done'], reject: ['done'] },
    },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
} satisfies WorkflowDefinition;

const columns = { kindVersion: 1, numberState: 'final', personId: '', managerIds: [], ownerId: '', departmentId: '', date: '', _deleted: false };
const record = (id: string, kind: string, status: string, data: Record<string, unknown>, fields: Record<string, unknown> = {}): WireDocument =>
  ({ ...baseFields(id, team.member.id), ...columns, number: '', kind, title: id, status, parentId: String(data.equipmentId ?? ''), data, ...fields }) as WireDocument;

/** An instrument in service with a yearly plan first due `firstDueDate`, never calibrated, as the server holds it. */
async function seedInstrument(id: string, firstDueDate: string) {
  const instrument = record(id, 'equipment', 'in_service', { name: 'Balance', custodianId: team.member.id, authorisedUserIds: [], category: 'balance', location: { site: '', building: '', room: '', bench: '' }, siteChecklist: [], isGxpCritical: true, manufacturer: '', model: '', serialNumber: '', notes: '' }, { number: `BAL-${id}` });
  const plan = record(`${id}-PLAN`, 'calibration_plan', 'active', { equipmentId: id, custodianId: team.member.id, name: 'Annual calibration', interval: { count: 12, unit: 'months' }, firstDueDate, points: [], method: '', provider: 'internal', providerName: '', reminderLeadDays: [30] });
  await server.services.db.transaction(async (tx) => {
    await upsertDocument(tx, 'records', id, instrument);
    await upsertDocument(tx, 'records', String(plan.id), plan);
  });
}

const max: Actor = { userId: team.member.id, name: team.member.name, roles: team.member.roles };
const rows = (events: readonly WorkflowEvent[]) => events.map((e) => ({ newDocumentState: { ...eventDocument(e, ''), _deleted: false } as unknown as WireDocument }));
const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** Starts an instance on the server (taken) and returns it with the events completing its step as the hostile PC's engine writes them. */
async function startAndAct(instanceId: string, action: string, data: Record<string, unknown>): Promise<{ instance: WorkflowInstance; completion: WorkflowEvent[] }> {
  const started = must(startInstance(definition, { entityType: 'sample', entityId: instanceId, commandId: `${instanceId}-start` }, max, '2026-06-10T11:00:00.000Z', () => instanceId));
  expect((await push(server, tokens.member.accessToken, 'workflow_events', rows(started.events))).refused).toEqual([]);
  const acted = must(advance(definition, started.instance, { commandId: `${instanceId}-act`, action, data }, max, '2026-06-10T11:05:00.000Z'));
  return { instance: started.instance, completion: acted.events };
}

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), services: { clock: () => new Date(SERVER_NOW) } });
  tokens = await createTeam(server);
  await server.services.db.transaction(async (tx) => {
    await upsertDocument(tx, 'workflow_definitions', 'WD-WEIGH', { ...baseFields('WD-WEIGH', team.admin.id), code: definition.workflow_code, version: 1, status: 'published', name: definition.name, definition, _deleted: false } as unknown as WireDocument);
  });
  await seedInstrument('E1', '2026-05-31');
  await seedInstrument('E2', '2027-01-31');
});
afterAll(async () => server?.close());

describe('a step that requires a ready instrument, on the sync server', () => {
  it('refuses a pushed completion with an overdue instrument, saying which calibration and since when', async () => {
    const { completion } = await startAndAct('WI-OVERDUE', 'complete', { balance: 'E1' });
    const answer = await push(server, tokens.member.accessToken, 'workflow_events', rows(completion));
    expect(answer.refused[0]).toMatchObject({
      id: completion[0]!.id,
      code: 'invalid_state',
      message: `BAL-E1 Balance is overdue for calibration: “Annual calibration” was due on ${formatDay('2026-05-31')} (overdue since ${formatDay('2026-06-01')}; never calibrated). It cannot be used for “Weigh the sample”.`,
    });
    expect(server.logs).toContainEqual(expect.objectContaining({ event: 'authz.refused', collection: 'workflow_events', id: completion[0]!.id }));
  });

  it('refuses an instrument the server does not know as one, and a completion that names none', async () => {
    const unknown = await startAndAct('WI-UNKNOWN', 'complete', { balance: 'NOT-AN-INSTRUMENT' });
    expect((await push(server, tokens.member.accessToken, 'workflow_events', rows(unknown.completion))).refused[0]?.message).toBe('“Weigh the sample” uses an instrument from the equipment register; NOT-AN-INSTRUMENT is not one.');
  });

  it('takes the completion with a ready instrument, and a rejection with none', async () => {
    const ready = await startAndAct('WI-READY', 'complete', { balance: 'E2' });
    expect((await push(server, tokens.member.accessToken, 'workflow_events', rows(ready.completion))).refused).toEqual([]);
    const rejected = await startAndAct('WI-REJECT', 'reject', {});
    expect((await push(server, tokens.member.accessToken, 'workflow_events', rows(rejected.completion))).refused).toEqual([]);
  });
});
