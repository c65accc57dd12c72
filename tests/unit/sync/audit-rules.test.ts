import { describe, expect, it } from 'vitest';
import { sealEntry, writerIdOf } from '../../../src-shared/audit/audit-chain';
import { checkAuditEntry, type AuditClaim } from '../../../src-shared/sync/audit-rules';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';

/** Issue 18 §3: the server takes an audit entry only from its actor, in its chain, with the change it describes. */
const max: SyncPerson = { id: 'P-MAX', email: 'max@lab.org', name: 'Max Member', roles: ['member'], isActive: true };
const record = { id: 'T1', title: 'Weigh', auditId: 'E1', updatedBy: 'P-MAX' };
const entry = (fields: Record<string, unknown> = {}, actor = 'P-MAX') =>
  sealEntry(
    { id: 'E1', createdAt: 'x', updatedAt: 'x', createdBy: actor, updatedBy: actor, auditId: 'E1', at: 'x', actorId: actor, actorName: 'Max', command: 'tasks/update', collectionName: 'tasks', recordId: 'T1', operation: 'update', changes: [], after: record, ...fields },
    writerIdOf('PC-1', actor),
    null,
  ) as unknown as Record<string, unknown>;
const claim: AuditClaim = { collection: 'tasks', recordId: 'T1', state: { ...record, _deleted: false } };
const check = (e: Record<string, unknown>, options: Partial<{ claim: AuditClaim | null; isPlaceTaken: boolean; person: SyncPerson }> = {}) =>
  checkAuditEntry({ entry: e, person: options.person ?? max, claim: options.claim === undefined ? claim : options.claim, previous: null, isPlaceTaken: options.isPlaceTaken ?? false });
const problem = (result: ReturnType<typeof check>) => (result.ok ? 'ok' : result.error.message.replace('This audit entry was refused: ', '').replace(/\.$/, ''));

describe('checkAuditEntry', () => {
  it('takes the pusher’s own entry of a change they pushed, with the state they pushed', () => {
    expect(problem(check(entry()))).toBe('ok');
  });

  it.each([
    ['in someone else’s name', () => check(entry({}, 'P-ADA')), 'it names someone else as the person who made the change'],
    ['with author fields that are not its actor', () => check(entry({ createdBy: 'P-ADA' })), 'its author fields do not name its actor'],
    ['by the system about anything but a workflow instance', () => check(entry({}, 'system')), 'LabFlow itself changes only workflow instances, leaving people’s access and the records its scheduler moves on'],
    ['altered after it was sealed', () => check({ ...entry(), actorName: 'Ada' }), 'its content does not match its hash'],
    ['taking another entry’s place in the chain', () => check(entry(), { isPlaceTaken: true }), 'another entry already holds its place in its writer’s chain'],
    ['with no change behind it', () => check(entry(), { claim: null }), 'the server took no change to this record that it describes'],
    ['about another record than the change claimed', () => check(entry({ recordId: 'T2' })), 'the server took no change to this record that it describes'],
    ['with another after-state than the one pushed', () => check(entry({ after: { ...record, title: 'Forged' } })), 'the record it describes is not the one the server took'],
  ])('refuses an entry %s', (_name, run, expected) => {
    expect(problem(run())).toBe(expected);
  });

  it('takes an intermediate entry (several edits sent as one state) without comparing its after-state', () => {
    expect(problem(check(entry({ after: { ...record, title: 'Earlier' } }), { claim: { ...claim, state: null } }))).toBe('ok');
  });

  it('takes the system’s entry about a workflow instance from the PC that pushed the instance', () => {
    const instance = entry({ collectionName: 'workflow_instances', recordId: 'WI-1' }, 'system');
    expect(problem(check(instance, { claim: { collection: 'workflow_instances', recordId: 'WI-1', state: null } }))).toBe('ok');
  });

  // The scheduler's own record writes (records/labflow-writes.ts): the server took the state as LabFlow's.
  describe('the system’s entry about a record', () => {
    const quotation = { id: 'Q1', kind: 'quotation', status: 'expired', auditId: 'E1', updatedBy: 'system' };
    const expiry = () => entry({ collectionName: 'records', recordId: 'Q1', command: 'scheduler/quotation-expiry', after: quotation }, 'system');

    it('is taken when the record’s pushed state was written by LabFlow itself', () => {
      expect(problem(check(expiry(), { claim: { collection: 'records', recordId: 'Q1', state: { ...quotation, _deleted: false } } }))).toBe('ok');
    });

    it.each([
      ['a person’s change passed off as LabFlow’s', { collection: 'records', recordId: 'Q1', state: { ...quotation, updatedBy: 'P-MAX', _deleted: false } }],
      ['a change whose state the pusher did not name', { collection: 'records', recordId: 'Q1', state: null }],
      ['no change to the record at all', null],
    ] as const)('is refused for %s', (_name, recordClaim) => {
      expect(problem(check(expiry(), { claim: recordClaim }))).toBe('LabFlow itself changes only workflow instances, leaving people’s access and the records its scheduler moves on');
    });
  });
});

