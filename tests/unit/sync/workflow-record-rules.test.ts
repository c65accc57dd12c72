import { describe, expect, it } from 'vitest';
import { recordsWriteDecision } from '../../../src-shared/records/record-write-rule';
import { noRelated } from '../../../src-shared/sync/related-documents';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';
import { checkEventAppend, type DefinitionCatalog } from '../../../src-shared/sync/workflow-event-rules';
import { checkRecordSnapshot, checkStartRecord, workflowMovesOf, workflowScopeOf } from '../../../src-shared/sync/workflow-record-rules';
import { advance } from '../../../src-shared/workflows/advance';
import { comment } from '../../../src-shared/workflows/instance-actions';
import { replay } from '../../../src-shared/workflows/replay';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import { snapshotOfRecord, type BoundRecord } from '../../../src-shared/workflows/record-binding';
import { startInstance } from '../../../src-shared/workflows/start';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { at, flow, must, people } from '../workflows/helpers';

/**
 * The sync server's rules for workflows that act on records: a record's workflow-only move is
 * taken only with the verified event that made it, a forged move in an event is refused, a start
 * names a record the pusher may read, and instances carry their record's scope.
 */
type Doc = Record<string, unknown>;

const definition: WorkflowDefinition = flow(
  [
    { step_id: 'apply', name: 'Apply', type: 'task', assignee_type: 'variable', assignee_value: 'record.personId', next_steps: ['decide'], record_effects: { complete: { status: 'submitted' } } },
    {
      step_id: 'decide',
      name: 'Decide',
      type: 'approval',
      assignee_type: 'user',
      assignee_value: 'u-head',
      conditions: { approve: ['file'], reject: [] },
      record_effects: { approve: { status: 'approved' }, reject: { status: 'rejected' } },
    },
    { step_id: 'file', name: 'File', type: 'task', assignee_type: 'role', assignee_value: 'hr', next_steps: ['done'] },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
  { workflow_code: 'LEAVE', record_kind: 'leave_request' },
);
const catalog: DefinitionCatalog = { version: (code, version) => (code === 'LEAVE' && version === 1 ? { id: 'wfd-1', status: 'published', definition } : null) };
const person = (id: string, roles: string[] = ['member'], managedIds: string[] = []): SyncPerson => ({ id, email: `${id}@lab.org`, name: id, roles, isActive: true, managedIds });

const leaveDoc = (status: string, data: Doc = {}): Doc => ({
  id: 'LR-1',
  kind: 'leave_request',
  kindVersion: 1,
  status,
  title: 'Leave',
  number: 'LR-2026-0001',
  numberState: 'final',
  parentId: '',
  personId: 'u-req',
  managerIds: ['u-head'],
  ownerId: '',
  departmentId: '',
  date: '2026-02-02',
  createdBy: 'u-req',
  data: { personId: 'u-req', leaveType: 'annual', startDate: '2026-02-02', endDate: '2026-02-04', days: 3, reason: '', hrNote: '', ...data },
});
const snapshot = (status: string) => snapshotOfRecord(leaveDoc(status) as unknown as BoundRecord);
type Started = Extract<WorkflowEvent, { type: 'instance_started' }>;

/** A leave request's instance: applied by its person, then decided by the manager. */
function history(decision: 'approve' | 'reject' = 'approve') {
  const started = must(startInstance(definition, { entityType: 'leave_request', entityId: 'LR-1', requestedBy: 'u-req' }, people.requester, at(0), () => 'WI-1', { record: snapshot('draft') }));
  const applied = must(advance(definition, started.instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1), { record: snapshot('draft') }));
  const signature = { meaning: decision === 'approve' ? ('approved' as const) : ('rejected' as const), signerId: 'u-head', signerName: 'Hans Head', signedAt: at(2) };
  const decided = must(advance(definition, applied.instance, { commandId: 'c2', action: decision, signature }, people.head, at(2), { record: snapshot('submitted') }));
  return [...started.events, ...applied.events, ...decided.events];
}

const docOf = (event: WorkflowEvent): Doc => ({ id: event.id, createdAt: event.at, updatedAt: event.at, createdBy: event.actor.userId, updatedBy: event.actor.userId, auditId: '', instanceId: event.instanceId, at: event.at, type: event.type, data: event });

describe('record moves in workflow events', () => {
  it('takes every event of a history whose moves its definition declares', () => {
    const events = history();
    events.forEach((event, index) => {
      const isHead = people.head.userId === event.actor.userId;
      const pusher = { ...person(event.actor.userId, isHead ? ['department_head'] : ['member']), ...(isHead ? { name: people.head.name } : {}) };
      expect(checkEventAppend({ doc: docOf(event), before: events.slice(0, index), person: pusher, definitions: catalog })).toMatchObject({ ok: true });
    });
  });

  it('refuses a completion that moves its record where its step does not', () => {
    const events = history();
    const index = events.findIndex((e) => e.type === 'step_completed' && e.stepId === 'apply');
    const forged = { ...events[index], recordChanges: { status: { from: 'draft', to: 'approved' } } } as WorkflowEvent;
    expect(checkEventAppend({ doc: docOf(forged), before: events.slice(0, index), person: person('u-req'), definitions: catalog })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('“approved”') },
    });
    // A comment as the engine writes it (the server replays it), then with a record move it cannot carry.
    const commented = must(comment(definition, must(replay(definition, events)), { commandId: 'c9', comments: 'ok' }, people.requester, at(5))).events[0] as WorkflowEvent;
    const onComment = { ...commented, recordChanges: { status: { from: 'submitted', to: 'approved' } } } as WorkflowEvent;
    expect(checkEventAppend({ doc: docOf(onComment), before: events, person: person('u-req'), definitions: catalog })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('which its step does not do') } });
    expect(checkEventAppend({ doc: docOf(commented), before: events, person: person('u-req'), definitions: catalog })).toMatchObject({ ok: true });
  });
});

describe('a pushed record and the workflows bound to it', () => {
  const hana = person('u-hr', ['hr']);
  const max = person('u-req');
  const related = (moves: string[]) => ({ ...noRelated, workflowMoves: () => moves });

  it('lists the moves from the stored status on, in order, each from where the last left it', () => {
    const events = history();
    expect(workflowMovesOf({ id: 'LR-1', kind: 'leave_request', status: 'draft' }, [events])).toEqual(['submitted', 'approved']);
    expect(workflowMovesOf({ id: 'LR-1', kind: 'leave_request', status: 'submitted' }, [events])).toEqual(['approved']);
    expect(workflowMovesOf({ id: 'LR-2', kind: 'leave_request', status: 'submitted' }, [events])).toEqual([]);
    expect(workflowMovesOf({ id: 'LR-1', kind: 'purchase_request', status: 'submitted' }, [events])).toEqual([]);
  });

  it('takes submitted → approved only with the approval, and a forged one never', () => {
    const stored = leaveDoc('submitted');
    const approved = leaveDoc('approved');
    expect(recordsWriteDecision(max, 'update', approved, stored, related(['approved']))).toMatchObject({ isAllowed: true });
    expect(recordsWriteDecision(max, 'update', approved, stored, related([]))).toMatchObject({ isAllowed: false, reason: expect.stringContaining('approval workflow') });
    expect(recordsWriteDecision(max, 'update', approved, stored, related(['rejected']))).toMatchObject({ isAllowed: false });
    // The workflow approved it, but the person may not slip a change of the days into the same push.
    expect(recordsWriteDecision(max, 'update', leaveDoc('approved', { days: 5 }), stored, related(['approved']))).toMatchObject({ isAllowed: false });
  });

  it('takes a record pushed once after two moves made offline, submitted and then approved', () => {
    expect(recordsWriteDecision(max, 'update', leaveDoc('approved'), leaveDoc('draft'), related(['submitted', 'approved']))).toMatchObject({ isAllowed: true });
    expect(recordsWriteDecision(max, 'update', leaveDoc('approved'), leaveDoc('draft'), related(['submitted']))).toMatchObject({ isAllowed: false });
    expect(recordsWriteDecision(hana, 'update', leaveDoc('rejected'), leaveDoc('draft'), related(['submitted', 'approved']))).toMatchObject({ isAllowed: false });
  });
});

describe('starting from a record, and the scope of what follows', () => {
  const start = history()[0] as Started;
  const record = { ...leaveDoc('draft'), _deleted: false };

  it('names a record of the definition’s kind that the pusher may read', () => {
    expect(checkStartRecord(start, person('u-req'), catalog, record)).toMatchObject({ ok: true });
    expect(checkStartRecord(start, person('u-head', ['department_head'], ['u-req']), catalog, record)).toMatchObject({ ok: true });
    expect(checkStartRecord(start, person('u-x'), catalog, record)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(checkStartRecord(start, person('u-x'), catalog, null)).toMatchObject({ ok: true });
    const wrongKind: Started = { ...start, entityType: 'purchase_request' };
    expect(checkStartRecord(wrongKind, person('u-req'), catalog, null)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(checkStartRecord(start, person('u-req'), catalog, { ...record, kind: 'purchase_request' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('takes the record a run read only when it is this record, about its person, with managers the directory knows', () => {
    const managersOf = (id: string) => (id === 'u-req' ? ['u-head'] : []);
    expect(start.record).toMatchObject({ id: 'LR-1', personId: 'u-req', managerIds: ['u-head'] });
    expect(checkRecordSnapshot(start, record, managersOf)).toMatchObject({ ok: true });
    // The server does not hold the record yet: nothing to judge it by.
    expect(checkRecordSnapshot(start, null, managersOf)).toMatchObject({ ok: true });
    // The directory changed since the record was stamped: either set of managers is taken.
    expect(checkRecordSnapshot(start, record, () => ['u-head2'])).toMatchObject({ ok: true });
    const forged = (record: Record<string, unknown>): Started => ({ ...start, record: { ...start.record, ...record } });
    expect(checkRecordSnapshot(forged({ managerIds: ['u-friend'] }), record, managersOf)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('manager') } });
    expect(checkRecordSnapshot(forged({ personId: 'u-x' }), record, managersOf)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(checkRecordSnapshot(forged({ id: 'LR-other' }), record, managersOf)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A record about nobody (a job requisition) is stored with personId '', which the snapshot leaves out.
    const aboutNobody = { ...record, personId: '', managerIds: [] };
    const { personId: _p, ...noSubject } = start.record ?? {};
    expect(checkRecordSnapshot({ ...start, record: { ...noSubject, managerIds: [] } }, aboutNobody, managersOf)).toMatchObject({ ok: true });
    expect(checkRecordSnapshot(forged({ personId: 'u-x', managerIds: [] }), aboutNobody, managersOf)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('carries the record’s scope, or the requester’s while the record has not arrived', () => {
    expect(workflowScopeOf(start, record)).toMatchObject({ kind: 'leave_request', personId: 'u-req', managerIds: ['u-head'] });
    expect(workflowScopeOf(start, null)).toEqual({ kind: 'leave_request', personId: 'u-req', managerIds: [], createdBy: 'u-req', data: {} });
    const aboutEquipment: Started = { ...start, entityType: 'equipment' };
    expect(workflowScopeOf(aboutEquipment, null)).toBeUndefined();
    const aboutPurchase: Started = { ...start, entityType: 'purchase_request' };
    expect(workflowScopeOf(aboutPurchase, null)).toBeUndefined();
  });
});
