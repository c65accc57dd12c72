import { describe, expect, it } from 'vitest';
import type { RecordDocument } from '../../../src-shared/records/record-document';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { advance } from '../../../src-shared/workflows/advance';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import type { WorkflowInstance } from '../../../src-shared/workflows/instance';
import { snapshotOfRecord } from '../../../src-shared/workflows/record-binding';
import { leaveRequest } from '../../../src-shared/workflows/templates/leave-request';
import { rememberIntents } from '../../../src-main/workflows/record-intents';
import { eventDocument } from '../../../src-main/workflows/workflow-documents';
import type { InstanceSummaryView } from '../../../src-shared/workflows/workflow-contract';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';
import { cid, expectOk } from './workflow-fixtures';

/**
 * A host cut off after it wrote a step's events and before the record that step changes: on the
 * next start the record is moved as the step said, with its audit entry, and the instance is
 * replayed from its events — the approval and the approved record never disagree.
 */
const password = 'long enough password';

describe('a step that changes its record, cut off by a crash', () => {
  it('finishes the record write on the next start', async () => {
    const dataDir = tempDataDir();
    let host = await openSqliteHost(dataDir, { sessionTimeoutMs: 86_400_000 });
    const admin = connectTestClient(host);
    expectOk(await admin.call('auth/create-administrator', adminInput));
    const qc = expectOk(await admin.call<{ id: string }>('departments/create', { code: 'QC', name: 'Quality control' }));
    const mo = expectOk(await admin.call<{ id: string }>('people/create', { name: 'Mo Member', email: 'mo@lab.org', password, roles: ['member'], departmentId: qc.id }));
    const hana = expectOk(await admin.call<{ id: string; name: string }>('people/create', { name: 'Hana Head', email: 'hana@lab.org', password, roles: ['department_head'], departmentId: qc.id }));
    expectOk(await admin.call('workflows/definitions/create', { commandId: cid(), source: { kind: 'template', templateCode: 'LEAVE_REQUEST' } }));
    expectOk(await admin.call('workflows/definitions/publish', { commandId: cid(), code: 'LEAVE_REQUEST' }));
    const member = connectTestClient(host);
    expectOk(await member.call('auth/sign-in', { email: 'mo@lab.org', password }));
    const leave = expectOk(await member.call<RecordView>('records/create', { kind: 'leave_request', data: { personId: mo.id, startDate: '2026-07-06', endDate: '2026-07-07', days: 2 } }));
    const started = expectOk(await member.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'LEAVE_REQUEST', entityType: 'leave_request', entityId: leave.id }));
    expectOk(await member.call('workflows/instances/advance', { commandId: cid(), instanceId: started.id, action: 'complete', data: { balance_checked: true } }));

    // What the runtime does for Hana's approval, up to the crash: the intent, then the events — no record, no instance.
    const stored = (await host.db.records.findOne(leave.id).exec())?.toJSON() as RecordDocument;
    const state = (await host.db.workflow_instances.findOne(started.id).exec())?.get('state') as WorkflowInstance;
    const definition: WorkflowDefinition = { ...leaveRequest, version: 1, status: 'published' };
    const at = new Date(Date.parse(stored.updatedAt) + 60_000);
    const signature = { meaning: 'approved' as const, signerName: hana.name, signedAt: at.toISOString() };
    const decided = advance(definition, state, { commandId: 'crash-approve', action: 'approve', signature }, { userId: hana.id, name: hana.name, roles: ['department_head'] }, at.toISOString(), {
      record: snapshotOfRecord(stored),
    });
    if (!decided.ok) throw new Error(decided.error.message);
    const after = { ...stored, status: 'approved', updatedAt: at.toISOString(), updatedBy: hana.id };
    await rememberIntents(host, [{ instanceId: started.id, lastEventId: decided.value.events.at(-1)!.id, after, actor: { id: hana.id, name: hana.name }, command: 'workflows/instances/advance', at: at.toISOString() }]);
    await host.db.workflow_events.bulkInsert(decided.value.events.map((e) => eventDocument(e, '')));
    member.close();
    admin.close();
    await host.close();

    host = await openSqliteHost(dataDir, { sessionTimeoutMs: 86_400_000 });
    try {
      const record = (await host.db.records.findOne(leave.id).exec())?.toJSON() as RecordDocument;
      expect(record).toMatchObject({ status: 'approved', updatedBy: hana.id });
      const entry = await host.db.audit.findOne(record.auditId).exec();
      expect(entry?.toJSON()).toMatchObject({ command: 'workflows/instances/advance', actorId: hana.id, changes: expect.arrayContaining([{ field: 'status', old: 'submitted', new: 'approved' }]) });
      const instance = await host.db.workflow_instances.findOne(started.id).exec();
      expect(instance?.get('state')).toEqual(decided.value.instance);
      // Done once: a further start finds nothing left to finish.
      await host.close();
      host = await openSqliteHost(dataDir, { sessionTimeoutMs: 86_400_000 });
      expect((await host.db.records.findOne(leave.id).exec())?.get('auditId')).toBe(record.auditId);
    } finally {
      await host.close();
    }
  });
});
