import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/audit/audit-contract';
import type { RecordView } from '../../../src-shared/records/record-contract';
import type { InstanceDetailView, InstanceSummaryView, MyWorkItemView } from '../../../src-shared/workflows/workflow-contract';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';
import type { Host } from '../../../src-main/host/create-host';
import { cid, expectOk } from './workflow-fixtures';

/**
 * Workflows acting on records, on a real host and SQLite file: a leave request's workflow starts
 * from the record, only for people who may read it; the step form is checked; the manager's signed
 * approval approves the record in the same audited command; and nobody who may not read the
 * record sees its workflow, its work items or notices about it.
 */
type Client = ReturnType<typeof connectTestClient>;

const password = 'long enough password';
let host: Host;
let admin: Client;
const people: Record<'mo' | 'hana' | 'hilde' | 'sam', { id: string; client: Client }> = {} as never;

/** The next value of a live query that satisfies `isWanted` (live queries answer again on every change). */
async function until<T>(query: ReturnType<Client['subscribe']>, isWanted: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = expectOk(await query.next<T>());
    if (isWanted(value)) return value;
  }
}

let leavesFiled = 0;
/** A leave request of Mo's, each in its own month: leave requests refuse overlapping leave. */
async function newLeave(days = 3): Promise<RecordView> {
  const month = `2026-${String(1 + leavesFiled++).padStart(2, '0')}`;
  return expectOk(
    await people.mo.client.call<RecordView>('records/create', { kind: 'leave_request', data: { personId: people.mo.id, leaveType: 'annual', startDate: `${month}-06`, endDate: `${month}-08`, days } }),
  );
}

const startLeave = (client: Client, recordId: string, code = 'LEAVE_REQUEST') =>
  client.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code, entityType: 'leave_request', entityId: recordId });

beforeAll(async () => {
  host = await openSqliteHost(tempDataDir(), { sessionTimeoutMs: 86_400_000 });
  admin = connectTestClient(host);
  expectOk(await admin.call('auth/create-administrator', adminInput));
  const qc = expectOk(await admin.call<{ id: string }>('departments/create', { code: 'QC', name: 'Quality control' }));
  const person = async (name: string, email: string, roles: string[], departmentId?: string) => {
    const id = expectOk(await admin.call<{ id: string }>('people/create', { name, email, password, roles, ...(departmentId ? { departmentId } : {}) })).id;
    const client = connectTestClient(host);
    expectOk(await client.call('auth/sign-in', { email, password }));
    return { id, client };
  };
  people.mo = await person('Mo Member', 'mo@lab.org', ['member'], qc.id);
  people.hana = await person('Hana Head', 'hana@lab.org', ['department_head'], qc.id);
  people.hilde = await person('Hilde HR', 'hilde@lab.org', ['hr']);
  people.sam = await person('Sam Stranger', 'sam@lab.org', ['member']);
  expectOk(await admin.call('workflows/definitions/create', { commandId: cid(), source: { kind: 'template', templateCode: 'LEAVE_REQUEST' } }));
  expectOk(await admin.call('workflows/definitions/publish', { commandId: cid(), code: 'LEAVE_REQUEST' }));
});
afterAll(async () => {
  for (const p of Object.values(people)) p.client.close();
  await host?.close();
});

describe('a leave request’s workflow', () => {
  it('starts only from a record the person may read, of the kind the workflow is about', async () => {
    const leave = await newLeave();
    expect(await startLeave(people.sam.client, leave.id)).toMatchObject({ ok: false, error: { code: 'not_found', field: 'entityId' } });
    expect(await startLeave(people.mo.client, 'LR-NOWHERE')).toMatchObject({ ok: false, error: { code: 'not_found', field: 'entityId' } });
    expect(await people.mo.client.call('workflows/instances/start', { commandId: cid(), code: 'LEAVE_REQUEST', entityType: 'purchase_request', entityId: leave.id })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'entityType', message: 'Leave Request runs on a leave request; start it from one.' },
    });
    expect(await host.db.workflow_instances.count({ selector: { entityId: leave.id } }).exec()).toBe(0);
  });

  it('runs from the form to a signed approval that approves the record in the same audited command', async () => {
    const leave = await newLeave();
    const started = expectOk(await startLeave(people.mo.client, leave.id));
    expect(started).toMatchObject({ requestedBy: { id: people.mo.id }, record: { id: leave.id, kindLabel: 'Leave request', statusLabel: 'Draft', number: leave.number } });

    const moWork = await until<MyWorkItemView[]>(people.mo.client.subscribe('workflows/my-work'), (items) => items.some((i) => i.instanceId === started.id));
    const apply = moWork.find((i) => i.instanceId === started.id);
    expect(apply).toMatchObject({ stepId: 'apply', record: { id: leave.id }, form: expect.arrayContaining([expect.objectContaining({ key: 'balance_checked', type: 'checkbox', required: true })]) });

    const advance = (client: Client, action: string, extra: Record<string, unknown> = {}) =>
      client.call<InstanceSummaryView>('workflows/instances/advance', { commandId: cid(), instanceId: started.id, action, ...extra });
    expect(await advance(people.mo.client, 'complete', { data: { stand_in: 'P-GHOST' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.stand_in' } });
    expect(await advance(people.mo.client, 'complete', { data: { stand_in: people.hilde.id } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.balance_checked' } });
    const applied = expectOk(await advance(people.mo.client, 'complete', { data: { stand_in: people.hilde.id, handover: 'Samples in fridge 3', balance_checked: true } }));
    expect(applied).toMatchObject({ activeSteps: [{ stepId: 'head_approval', assignees: { users: [{ id: people.hana.id }] } }], variables: { stand_in: people.hilde.id, balance_checked: true } });
    expect(expectOk(await people.mo.client.subscribe('records/get', { id: leave.id }).next<RecordView>())).toMatchObject({ status: 'submitted' });

    const hanaWork = await until<MyWorkItemView[]>(people.hana.client.subscribe('workflows/my-work'), (items) => items.some((i) => i.instanceId === started.id));
    expect(hanaWork.find((i) => i.instanceId === started.id)).toMatchObject({ stepId: 'head_approval', signatureActions: ['approve', 'reject'], record: { statusLabel: 'Submitted' } });
    expect(await advance(people.hana.client, 'approve')).toMatchObject({ ok: false, error: { code: 'signature_required' } });
    expect(await advance(people.hana.client, 'approve', { signature: { password: 'wrong password', meaning: 'approved' } })).toMatchObject({ ok: false, error: { code: 'signature_invalid' } });
    expect(expectOk(await people.hana.client.subscribe('records/get', { id: leave.id }).next<RecordView>()).status).toBe('submitted');

    const approved = expectOk(await advance(people.hana.client, 'approve', { comments: 'Enjoy', signature: { password, meaning: 'approved' } }));
    expect(approved).toMatchObject({ activeSteps: [{ stepId: 'record' }], record: { status: 'approved', statusLabel: 'Approved' } });
    const record = expectOk(await people.mo.client.subscribe('records/get', { id: leave.id }).next<RecordView>());
    expect(record).toMatchObject({ status: 'approved', updatedBy: people.hana.id, transitions: [] });

    // One command: the record's audit entry and the instance's, by Hana, at the same moment; the signature is in the event.
    const audit = (await host.db.audit.find({ selector: { command: 'workflows/instances/advance', actorId: people.hana.id } }).exec()).map((d) => d.toJSON() as AuditEntry);
    const recordEntry = audit.find((e) => e.collectionName === 'records' && e.recordId === leave.id);
    const instanceEntry = audit.find((e) => e.collectionName === 'workflow_instances' && e.recordId === started.id);
    expect(recordEntry?.changes).toContainEqual({ field: 'status', old: 'submitted', new: 'approved' });
    expect(recordEntry?.at).toBe(instanceEntry?.at);
    const events = (await host.db.workflow_events.find({ selector: { instanceId: started.id } }).exec()).map((d) => d.get('data') as WorkflowEvent);
    const completion = events.find((e) => e.type === 'step_completed' && e.stepId === 'head_approval');
    expect(completion).toMatchObject({ recordChanges: { status: { from: 'submitted', to: 'approved' } } });
    expect(events.find((e) => e.type === 'vote_recorded')).toMatchObject({ signature: { meaning: 'approved', signerName: 'Hana Head' } });
    // The instance and its events carry the record's scope, for pulls in a team.
    expect((await host.db.workflow_instances.findOne(started.id).exec())?.get('subjectScope')).toMatchObject({ kind: 'leave_request', personId: people.mo.id });
    expect((await host.db.workflow_events.find({ selector: { instanceId: started.id } }).exec()).every((d) => d.get('subjectScope')?.kind === 'leave_request')).toBe(true);
    // A person cannot approve by hand what only the workflow decides.
    const other = await newLeave();
    expectOk(await people.hilde.client.call('records/transition', { id: other.id, to: 'submitted' }));
    expect(await people.hilde.client.call('records/transition', { id: other.id, to: 'approved' })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('approval workflow') } });
  });

  it('refuses a step whose record change the record rules refuse, and changes nothing', async () => {
    const leave = await newLeave();
    const started = expectOk(await startLeave(people.mo.client, leave.id));
    // Mo withdraws the request before applying through the workflow: it can no longer be submitted.
    expectOk(await people.mo.client.call('records/transition', { id: leave.id, to: 'cancelled', reason: 'Plans changed' }));
    const before = await host.db.workflow_events.count({ selector: { instanceId: started.id } }).exec();
    expect(await people.mo.client.call('workflows/instances/advance', { commandId: cid(), instanceId: started.id, action: 'complete', data: { balance_checked: true } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_state', message: expect.stringContaining('Cancelled') },
    });
    expect(await host.db.workflow_events.count({ selector: { instanceId: started.id } }).exec()).toBe(before);
  });

  it('is seen only by those who may read the record: lists, the instance page, My work and notices', async () => {
    const leave = await newLeave(12);
    const started = expectOk(await startLeave(people.mo.client, leave.id));
    expectOk(await people.mo.client.call('workflows/instances/advance', { commandId: cid(), instanceId: started.id, action: 'complete', data: { balance_checked: true } }));
    // Twelve days: Hana, then HR. Hilde sees it (HR reads every leave request), Sam never does.
    const hildeList = await until<InstanceSummaryView[]>(people.hilde.client.subscribe('workflows/instances/list', {}), (list) => list.some((i) => i.id === started.id));
    expect(hildeList.find((i) => i.id === started.id)?.record?.id).toBe(leave.id);
    const samList = expectOk(await people.sam.client.subscribe('workflows/instances/list', {}).next<InstanceSummaryView[]>());
    expect(samList.some((i) => i.entityType === 'leave_request')).toBe(false);
    expect(await people.sam.client.subscribe('workflows/instances/get', { instanceId: started.id }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(expectOk(await people.hilde.client.subscribe('workflows/instances/get', { instanceId: started.id }).next<InstanceDetailView>()).instance.record).toMatchObject({ id: leave.id });
    expect(await people.sam.client.call('workflows/instances/comment', { commandId: cid(), instanceId: started.id, comments: 'Nosy' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // A workflow whose step goes to every member: Mo (whose leave it is) is told and sees it in My work; Sam, also a member, neither.
    const toMembers = {
      workflow_code: 'LEAVE_NOTE',
      name: 'Leave note',
      record_kind: 'leave_request',
      initial_step: 'note',
      steps: [
        { step_id: 'note', name: 'Note the leave', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['done'] },
        { step_id: 'done', name: 'Done', type: 'end' },
      ],
    };
    expectOk(await admin.call('workflows/definitions/import', { commandId: cid(), definition: toMembers, publish: true }));
    const noted = expectOk(await startLeave(people.hilde.client, leave.id, 'LEAVE_NOTE'));
    await until<MyWorkItemView[]>(people.mo.client.subscribe('workflows/my-work'), (items) => items.some((i) => i.instanceId === noted.id));
    expect(expectOk(await people.sam.client.subscribe('workflows/my-work').next<MyWorkItemView[]>()).some((i) => i.instanceId === noted.id)).toBe(false);
    const noticesFor = async (personId: string) =>
      (await host.db.notifications.find({ selector: { recipientId: personId, kind: 'notification' } }).exec()).filter((d) => JSON.stringify(d.toJSON()).includes(noted.id));
    const moNotices = await noticesFor(people.mo.id);
    expect(moNotices).not.toHaveLength(0);
    // The notice names the record as people know it, not by its kind's code and id.
    expect(JSON.stringify(moNotices.map((n) => n.toJSON()))).toContain(`(Leave note · Leave request ${leave.number})`);
    expect(await noticesFor(people.sam.id)).toHaveLength(0);
    expect(await people.sam.client.call('workflows/instances/advance', { commandId: cid(), instanceId: noted.id, action: 'complete' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
