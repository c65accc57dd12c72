import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employeeKind } from '../../../src-shared/hr/employee-kind';
import { employeePersonalKind } from '../../../src-shared/hr/employee-personal-kind';
import { leaveRequestKind } from '../../../src-shared/hr/leave-request-kind';
import type { AnyRecordKind } from '../../../src-shared/records/record-kind';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { advance } from '../../../src-shared/workflows/advance';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import type { Actor } from '../../../src-shared/workflows/instance';
import { snapshotOfRecord, type BoundRecord } from '../../../src-shared/workflows/record-binding';
import { startInstance } from '../../../src-shared/workflows/start';
import { leaveRequest } from '../../../src-shared/workflows/templates/leave-request';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { eventDocument } from '../../../src-main/workflows/workflow-documents';
import { hashPassword } from '../../../sync-server/auth/passwords';
import { auditedChange, baseFields, createTeam, openTestDatabase, personDoc, pull, push, signIn, startTestServer, team, type TestPerson, type TestServer } from './support/test-server';

/**
 * HR's scope on the real sync server (PGlite, `app.inject()`): the employee record names Lena's
 * manager (Olga, who heads no department), and the server's `manager` lookup follows it — Olga then
 * receives Lena's employee record, leave and everything about them, but never Lena's personal
 * details; colleagues, the head of another department and the administrator receive nothing of
 * Lena's through any collection: records, activity, audit, workflow instances and events,
 * notifications.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;
const olga: TestPerson = { id: 'P-OLGA', name: 'Olga Lead', email: 'olga@lab.org', roles: ['member'], password: 'olga password 12', departmentId: 'CHEM' };
const lena: TestPerson = { id: 'P-LENA', name: 'Lena Lab', email: 'lena@lab.org', roles: ['member'], password: 'lena password 12', departmentId: 'CHEM' };
const session: Record<'olga' | 'lena', SessionTokens> = {} as Record<'olga' | 'lena', SessionTokens>;

const at = (minutes: number) => new Date(Date.parse('2026-01-05T09:00:00.000Z') + minutes * 60_000).toISOString();
const must = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const actor = (p: TestPerson): Actor => ({ userId: p.id, name: p.name, roles: p.roles });
const definition: WorkflowDefinition = { ...leaveRequest, version: 1, status: 'published' };

/** A record of an HR kind as a PC pushes it; the server stamps its columns. */
const hrRow = (kind: AnyRecordKind, id: string, by: string, personId: string, data: Record<string, unknown>): WireDocument => ({
  ...baseFields(id, by), kind: kind.kind, kindVersion: kind.version, title: kind.kind, status: kind.initialStatus, number: '', numberState: '',
  parentId: '', personId, managerIds: [], ownerId: '', departmentId: '', date: '', data: { personId, ...data }, _deleted: false,
});
const lenaLeave = hrRow(leaveRequestKind, 'LR-LENA', lena.id, lena.id, { leaveType: 'sick', startDate: '2026-03-02', endDate: '2026-03-03', days: 2, reason: 'Surgery follow-up' });
const lenaEmployee = hrRow(employeeKind, 'EMP-LENA', team.hr.id, lena.id, { jobTitle: 'Chemist', startDate: '2025-01-01', managerId: olga.id, departmentId: 'CHEM' });
const lenaPersonal = hrRow(employeePersonalKind, 'EP-LENA', team.hr.id, lena.id, { emergencyContactName: 'Tom Lab', emergencyContactPhone: '+49 30 1234' });

/** Every id `token` receives in `collection`, with the ids withdrawn from them. */
async function received(token: SessionTokens, collection: string): Promise<string[]> {
  return (await pull(server, token.accessToken, collection, null, 1000)).documents.filter((d) => !d._deleted).map((d) => String(d.id));
}
const lenasIds = { records: ['LR-LENA', 'EMP-LENA', 'EP-LENA'], activity: ['CM-LENA'], audit: ['AE-EMP-LENA', 'AE-EP-LENA'], workflow_instances: ['WI-LENA'], notifications: ['N-LENA', 'N-OLGA'] };
const isLenas = (collection: string, id: string) => (collection === 'workflow_events' ? id.startsWith('WI-LENA-') : (lenasIds[collection as keyof typeof lenasIds] ?? []).includes(id));
const collections = ['records', 'activity', 'audit', 'workflow_instances', 'workflow_events', 'notifications'] as const;

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
  const stored = { ...baseFields('wfd-leave-1', team.admin.id), code: 'LEAVE_REQUEST', version: 1, status: 'published', definition, commandIds: [], _deleted: false };
  expect((await push(server, tokens.admin.accessToken, 'workflow_definitions', [{ newDocumentState: stored }])).refused).toEqual([]);
  const hashes = await Promise.all([olga, lena].map((p) => hashPassword(p.password)));
  expect((await push(server, tokens.admin.accessToken, 'people', [olga, lena].map((p, i) => ({ newDocumentState: personDoc(p, hashes[i]) })))).refused).toEqual([]);
  session.olga = await signIn(server, olga);
  session.lena = await signIn(server, lena);
});
afterAll(async () => server?.close());

describe('the manager named on an employee record', () => {
  it('is nobody’s manager before HR names them: Olga does not receive Lena’s leave', async () => {
    expect((await push(server, session.lena.accessToken, 'records', [{ newDocumentState: lenaLeave }])).refused).toEqual([]);
    expect(await received(session.olga, 'records')).not.toContain('LR-LENA');
  });

  it('once HR names her, receives the employee record and Lena’s leave at the next pull, but never the personal details', async () => {
    const employee = auditedChange('records', lenaEmployee, { id: team.hr.id, name: team.hr.name }, { entryId: 'AE-EMP-LENA', pc: 'PC-HANA' });
    const personal = auditedChange('records', lenaPersonal, { id: team.hr.id, name: team.hr.name }, { entryId: 'AE-EP-LENA', pc: 'PC-HANA', previous: employee.link });
    expect((await push(server, tokens.hr.accessToken, 'records', [employee.row, personal.row])).refused).toEqual([]);
    expect((await push(server, tokens.hr.accessToken, 'audit', [{ newDocumentState: employee.entry }, { newDocumentState: personal.entry }])).refused).toEqual([]);

    const olgaRecords = await received(session.olga, 'records');
    expect(olgaRecords).toEqual(expect.arrayContaining(['EMP-LENA', 'LR-LENA']));
    expect(olgaRecords).not.toContain('EP-LENA');
    const olgaAudit = await received(session.olga, 'audit');
    expect(olgaAudit).toContain('AE-EMP-LENA');
    expect(olgaAudit).not.toContain('AE-EP-LENA');
    // The server stamps Olga as the manager on what it stores from now on.
    const leave = (await pull(server, tokens.hr.accessToken, 'records', null, 1000)).documents.find((d) => d.id === 'LR-LENA');
    expect(leave?.personId).toBe(lena.id);
  });

  it('decides Lena’s leave through the workflow: the server takes Olga as the manager a run read', async () => {
    const record = { ...lenaLeave, managerIds: [olga.id] } as unknown as BoundRecord;
    const snapshot = snapshotOfRecord(record);
    const started = must(startInstance(definition, { entityType: 'leave_request', entityId: 'LR-LENA', requestedBy: lena.id, commandId: 'lena-s' }, actor(lena), at(0), () => 'WI-LENA', { record: snapshot }));
    const applied = must(advance(definition, started.instance, { commandId: 'lena-a', action: 'complete', data: { balance_checked: true } }, actor(lena), at(1), { record: snapshot }));
    const events = [...started.events, ...applied.events].map((e: WorkflowEvent) => ({ newDocumentState: { ...eventDocument(e, ''), _deleted: false } as WireDocument }));
    expect((await push(server, session.lena.accessToken, 'workflow_events', events)).refused).toEqual([]);
    expect(await received(session.olga, 'workflow_instances')).toContain('WI-LENA');

    const comment = { ...baseFields('CM-LENA', lena.id), kind: 'comment', subjectType: 'records', subjectId: 'LR-LENA', personId: lena.id, at: at(2), data: { body: 'Certificate from the clinic attached', mentionIds: [] }, _deleted: false };
    expect((await push(server, session.lena.accessToken, 'activity', [{ newDocumentState: comment }])).refused).toEqual([]);
    const notice = (id: string, recipient: TestPerson) => ({ ...baseFields(id, lena.id), kind: 'notification', recipientId: recipient.id, at: at(3), dueAt: at(3), status: '', event: 'workflow.step_entered', isRead: false, data: { title: 'Leave request of Lena Lab to approve', body: 'Surgery follow-up', subjectType: 'records', subjectId: 'LR-LENA' }, _deleted: false });
    expect((await push(server, session.lena.accessToken, 'notifications', [{ newDocumentState: notice('N-LENA', lena) }, { newDocumentState: notice('N-OLGA', olga) }])).refused).toEqual([]);
    expect(await received(session.olga, 'activity')).toContain('CM-LENA');
    expect(await received(session.olga, 'notifications')).toEqual(['N-OLGA']);
  });
});

describe('everyone else', () => {
  it('receives nothing of Lena’s HR records through any collection: a colleague, another department’s head, the administrator', async () => {
    for (const [who, token] of [['Max', tokens.member], ['Mia', tokens.manager], ['Ada', tokens.admin]] as const) {
      for (const collection of collections) {
        const leaked = (await received(token, collection)).filter((id) => isLenas(collection, id));
        expect({ who, collection, leaked }).toEqual({ who, collection, leaked: [] });
      }
    }
  });

  it('while Lena and HR receive all of it (the checks above are not empty by accident)', async () => {
    for (const collection of collections) {
      const lenas = (await received(session.lena, collection)).filter((id) => isLenas(collection, id));
      expect({ collection, some: lenas.length > 0 }).toEqual({ collection, some: true });
    }
    expect(await received(tokens.hr, 'records')).toEqual(expect.arrayContaining(lenasIds.records));
  });

  it('loses Lena’s records when HR names another manager: Olga’s next pull withdraws them', async () => {
    const stored = (await pull(server, tokens.hr.accessToken, 'records', null, 1000)).documents.find((d) => d.id === 'EMP-LENA')!;
    const moved = auditedChange('records', { ...stored, data: { ...(stored.data as object), managerId: team.manager.id }, updatedAt: at(5) }, { id: team.hr.id, name: team.hr.name }, { entryId: 'AE-EMP-LENA-2', pc: 'PC-HANA-2', assumed: stored });
    expect((await push(server, tokens.hr.accessToken, 'records', [moved.row])).refused).toEqual([]);
    const olgaRecords = await received(session.olga, 'records');
    expect(olgaRecords.filter((id) => isLenas('records', id))).toEqual([]);
    expect(await received(tokens.manager, 'records')).toEqual(expect.arrayContaining(['EMP-LENA', 'LR-LENA']));
  });
});
