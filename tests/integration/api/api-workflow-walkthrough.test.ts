import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastTuning, manualClock } from '../notifications/support';
import { password } from '../workflows/workflow-fixtures';
import { openApiLab, type ApiLab } from './support/api-fixture';

/**
 * The spec's workflow walk-through ("Workflow Engine Usage") as an integrator's script makes it,
 * with plain fetch and tokens: define EQUIPMENT_PROCUREMENT, start an instance, get its status,
 * advance it through the steps with each step's people, and find the SLA violation when the RFQ
 * runs late. Then the API's conventions on the same routes: cursor pages, ETag and If-Match,
 * Idempotency-Key, problem+json naming the request's own fields. Every answer is checked against
 * the OpenAPI document by the fixture.
 */

const hour = 3_600_000;
const time = manualClock('2026-05-04T08:00:00.000Z');

/** The spec's definition, as written there. */
const equipmentProcurement = {
  workflow_code: 'EQUIPMENT_PROCUREMENT',
  name: 'Equipment Procurement Workflow',
  category: 'Equipment',
  description: 'Workflow for procuring new equipment',
  steps: [
    { step_id: 'request', name: 'Procurement Request', type: 'task', assignee_type: 'role', assignee_value: 'procurement_manager', next_steps: ['approval'] },
    {
      step_id: 'approval', name: 'Manager Approval', type: 'approval', assignee_type: 'role', assignee_value: 'department_head', next_steps: ['rfq'],
      conditions: { approve: ['rfq'], reject: [] },
    },
    { step_id: 'rfq', name: 'Send RFQ', type: 'task', assignee_type: 'role', assignee_value: 'procurement_officer', next_steps: ['evaluation'] },
    { step_id: 'evaluation', name: 'Bid Evaluation', type: 'task', assignee_type: 'role', assignee_value: 'procurement_manager', next_steps: ['po_creation'] },
    { step_id: 'po_creation', name: 'Create Purchase Order', type: 'task', assignee_type: 'role', assignee_value: 'procurement_officer', next_steps: [] },
  ],
  initial_step: 'request',
  sla_config: {
    request: { duration_hours: 24, escalation_rules: {} },
    approval: { duration_hours: 48, escalation_rules: {} },
    rfq: { duration_hours: 72, escalation_rules: {} },
  },
};

let lab: ApiLab;
let adminToken: string;
let buyerToken: string;
let headToken: string;

beforeAll(async () => {
  lab = await openApiLab({ extra: { clock: time.clock, sessionTimeoutMs: 365 * 86_400_000, platform: { notifications: fastTuning, monotonic: () => performance.now() } } });
  adminToken = await lab.tokenFor('admin', ['workflows:write'], 'Workflow set-up');
  buyerToken = await lab.tokenFor('buyer', ['workflows:write'], 'Procurement script');
  headToken = await lab.tokenFor('head', ['workflows:write'], 'Approvals');
});
afterAll(async () => lab.close());

describe("the spec's workflow walk-through", () => {
  let instanceId = '';

  it('defines the workflow, starts an instance, advances it step by step and finds the late RFQ', async () => {
    const defined = await lab.call(adminToken, 'POST', '/workflows/definitions', equipmentProcurement);
    expect(defined.status).toBe(201);
    expect(defined.body).toMatchObject({ isNew: true, definition: { code: 'EQUIPMENT_PROCUREMENT', status: 'published', version: 1 } });
    const listed = await lab.call(buyerToken, 'GET', '/workflows/definitions');
    expect(listed.body.items.map((d: { code: string }) => d.code)).toContain('EQUIPMENT_PROCUREMENT');
    expect((await lab.call(buyerToken, 'GET', '/workflows/definitions/EQUIPMENT_PROCUREMENT')).status).toBe(200);

    const started = await lab.call(buyerToken, 'POST', '/workflows/instances', {
      workflow_definition_id: 'EQUIPMENT_PROCUREMENT',
      entity_type: 'procurement',
      entity_id: '123',
      initial_variables: { equipment_name: 'Solar Simulator', estimated_cost: 500000 },
    });
    expect(started.status).toBe(201);
    instanceId = started.body.id;
    expect(started.body).toMatchObject({ code: 'EQUIPMENT_PROCUREMENT', entityType: 'procurement', entityId: '123', status: 'running', activeSteps: [{ stepId: 'request' }] });

    const status = await lab.call(buyerToken, 'GET', `/workflows/instances/${instanceId}/status`);
    expect(status.status).toBe(200);
    expect(status.headers.get('etag')).toMatch(/^".+"$/);

    expect((await lab.call(buyerToken, 'POST', `/workflows/instances/${instanceId}/advance`, { action: 'complete' })).body).toMatchObject({ activeSteps: [{ stepId: 'approval' }] });
    // The buyer is no department head: the engine's own rule refuses them the approval.
    const notTheirs = await lab.call(buyerToken, 'POST', `/workflows/instances/${instanceId}/advance`, { action: 'approve' });
    expect(notTheirs.status).toBe(403);
    // An approval is signed: a token alone cannot sign, the person's password and what it means go with it.
    const unsigned = await lab.call(headToken, 'POST', `/workflows/instances/${instanceId}/advance`, { action: 'approve' });
    expect(unsigned.body).toMatchObject({ status: 422, code: 'signature_required', field: 'signature' });
    const approved = await lab.call(headToken, 'POST', `/workflows/instances/${instanceId}/advance`, {
      action: 'approve', data: { approved_amount: 500000 }, comments: 'Approved for procurement', signature: { password, meaning: 'approved' },
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ activeSteps: [{ stepId: 'rfq' }] });

    // The RFQ's SLA is 72 hours; a day later than that it is a violation.
    time.advance(96 * hour);
    await lab.host.whenIdle();
    const violations = await lab.call(buyerToken, 'GET', '/workflows/sla-violations?is_open=true');
    expect(violations.status).toBe(200);
    expect(violations.body.items).toEqual([expect.objectContaining({ workflow_instance_id: instanceId, step_id: 'rfq', violation_duration_hours: 24, is_open: true })]);

    for (const step of ['rfq', 'evaluation', 'po_creation']) {
      const done = await lab.call(buyerToken, 'POST', `/workflows/instances/${instanceId}/advance`, { action: 'complete', step_id: step });
      expect(done.status, step).toBe(200);
    }
    expect((await lab.call(buyerToken, 'GET', `/workflows/instances/${instanceId}/status`)).body).toMatchObject({ instance: { status: 'completed' } });

    // Audited as the people, through their tokens.
    const entries = await lab.host.db.audit.find({ selector: { recordId: instanceId } }).exec();
    expect(entries.map((e) => e.toJSON().via)).toEqual(expect.arrayContaining(['API token “Procurement script”', 'API token “Approvals”']));
  });
});

describe('conventions', () => {
  const start = (key?: string, entity = 'E-1') =>
    lab.call(buyerToken, 'POST', '/workflows/instances', { workflow_definition_id: 'EQUIPMENT_PROCUREMENT', entity_type: 'procurement', entity_id: entity }, key ? { 'idempotency-key': key } : {});

  it('answers a retried POST with the same Idempotency-Key with its first result, once', async () => {
    const first = await start('retry-1', 'E-IDEM');
    const again = await start('retry-1', 'E-IDEM');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const list = await lab.call(buyerToken, 'GET', '/workflows/instances?entity_id=E-IDEM');
    expect(list.body.items).toHaveLength(1);
    const reused = await start('retry-1', 'E-OTHER');
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ field: 'Idempotency-Key' });
  });

  it('refuses a change against a stale ETag with 412, and lets the current one through', async () => {
    const signed = { action: 'approve', signature: { password, meaning: 'approved' } };
    const started = await start(undefined, 'E-ETAG');
    const id = started.body.id as string;
    const stale = (await lab.call(buyerToken, 'GET', `/workflows/instances/${id}/status`)).headers.get('etag')!;
    expect((await lab.call(buyerToken, 'POST', `/workflows/instances/${id}/advance`, { action: 'complete' }, { 'if-match': stale })).status).toBe(200);
    const before = await lab.auditCount();
    const refused = await lab.call(headToken, 'POST', `/workflows/instances/${id}/advance`, signed, { 'if-match': stale });
    expect(refused.status).toBe(412);
    expect(await lab.auditCount()).toBe(before);
    const current = (await lab.call(headToken, 'GET', `/workflows/instances/${id}/status`)).headers.get('etag')!;
    expect(current).not.toBe(stale);
    expect((await lab.call(headToken, 'POST', `/workflows/instances/${id}/advance`, signed, { 'if-match': current })).status).toBe(200);
  });

  it('pages a list with a cursor, no item twice and none left out', async () => {
    for (let i = 0; i < 5; i++) await start(undefined, `E-PAGE-${i}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<ApiLab['call']>> = await lab.call(buyerToken, 'GET', `/workflows/instances?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    const all = await lab.call(buyerToken, 'GET', '/workflows/instances?limit=500');
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.sort()).toEqual(all.body.items.map((i: { id: string }) => i.id).sort());
    expect(pages).toBeGreaterThan(2);
    expect((await lab.call(buyerToken, 'GET', '/workflows/instances?limit=501')).status).toBe(422);
  });

  it('shows a write to the next read, however often the same list was just read', async () => {
    const list = () => lab.call(buyerToken, 'GET', '/workflows/instances?entity_id=E-FRESH');
    for (let i = 0; i < 3; i++) expect((await list()).body.items).toEqual([]);
    const started = await start(undefined, 'E-FRESH');
    expect((await list()).body.items.map((i: { id: string }) => i.id)).toEqual([started.body.id]);
  });

  it("names the request's own fields in a problem", async () => {
    const refused = await lab.call(buyerToken, 'POST', '/workflows/instances', { workflow_definition_id: 'EQUIPMENT_PROCUREMENT', entity_type: '', entity_id: 'x' });
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'invalid_input', errors: [expect.objectContaining({ field: 'entity_type', in: 'body' })] });
  });
});
