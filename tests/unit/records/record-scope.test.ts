import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canReadScope, scopeOfRecord } from '../../../src-shared/records/record-scope';
import { isWho, type RecordActor } from '../../../src-shared/records/who';
import { canRead } from '../../../src-shared/sync/read-scope';
import { leave, person, testLeaveKind as kind } from './fixtures';

const ids = ['max', 'hana', 'boss', 'olga', 'ada'] as const;
const roleSets = [[], ['member'], ['hr'], ['admin'], ['department_head'], ['finance', 'hr']];

const actorArb = fc.record({
  id: fc.constantFrom(...ids),
  roles: fc.constantFrom(...roleSets),
  isActive: fc.boolean(),
}) satisfies fc.Arbitrary<RecordActor>;
const recordArb = fc.record({ subject: fc.constantFrom(...ids), managers: fc.subarray([...ids]), creator: fc.constantFrom(...ids) });

describe('record read scope', () => {
  it('reads a scoped kind exactly as its Who says: the roles, the person concerned, their managers; administrators get nothing extra', () => {
    fc.assert(
      fc.property(actorArb, recordArb, (actor, r) => {
        const doc = leave(r.subject, 'draft', {}, { managerIds: r.managers, createdBy: r.creator });
        const expected = actor.isActive && (actor.roles.includes('hr') || actor.id === r.subject || r.managers.includes(actor.id));
        expect(canReadScope(kind, actor, scopeOfRecord(kind, doc))).toBe(expected);
      }),
    );
  });

  it('the scope copy carried by related documents decides like the record itself', () => {
    fc.assert(
      fc.property(actorArb, recordArb, (actor, r) => {
        const doc = leave(r.subject, 'draft', {}, { managerIds: r.managers, createdBy: r.creator });
        const copy = JSON.parse(JSON.stringify(scopeOfRecord(kind, doc)));
        expect(canReadScope(kind, actor, scopeOfRecord(kind, copy))).toBe(canReadScope(kind, actor, scopeOfRecord(kind, doc)));
      }),
    );
  });

  it('shows a kind this version does not know only to whoever created it', () => {
    const doc = { kind: 'from_the_future', createdBy: 'max' };
    expect(canReadScope(undefined, person('max'), scopeOfRecord(undefined, doc))).toBe(true);
    expect(canReadScope(undefined, person('ada', ['admin']), scopeOfRecord(undefined, doc))).toBe(false);
  });

  it('scopes workflow instances and events by the scope copy they carry', () => {
    const scope = { kind: 'leave_request', personId: 'max', managerIds: ['boss'] };
    const instance = { subjectScope: scope };
    const reader = (id: string, roles: string[] = []) => ({ id, email: '', name: id, roles, isActive: true });
    expect(canRead(reader('max'), 'workflow_instances', instance)).toBe(true);
    expect(canRead(reader('boss'), 'workflow_events', instance)).toBe(true);
    expect(canRead(reader('hana', ['hr']), 'workflow_instances', instance)).toBe(true);
    expect(canRead(reader('olga'), 'workflow_instances', instance)).toBe(false);
    expect(canRead(reader('olga'), 'workflow_instances', {})).toBe(true);
  });

  it('combines Who terms as written', () => {
    const doc = leave('max', 'draft', { approverIds: ['olga'] }, { ownerId: 'ada', departmentId: 'QC' });
    expect(isWho({ field: 'approverIds' }, person('olga'), doc)).toBe(true);
    expect(isWho('owner', person('ada'), doc)).toBe(true);
    expect(isWho('department', person('hana', [], { departmentId: 'QC' }), doc)).toBe(true);
    expect(isWho({ allOf: ['subject', { roles: ['hr'] }] }, person('max'), doc)).toBe(false);
    expect(isWho({ not: 'subject' }, person('max'), doc)).toBe(false);
  });
});
