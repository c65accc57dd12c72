import { describe, expect, it } from 'vitest';
import { HIRE_ROLES, PRIVILEGED_ROLES, hireRolesProblem } from '../../../src-shared/people/privileged-roles';
import { builtInRoles } from '../../../src-shared/people/roles';
import { can } from '../../../src-shared/sync/permissions';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';

const person = (id: string, roles: string[]): SyncPerson => ({ id, email: `${id}@lab.org`, name: id, roles, isActive: true });
const hana = person('hana', ['hr']);
const ada = person('ada', ['admin']);
const max = person('max', ['member']);
const newHire = (fields: Record<string, unknown> = {}) => ({ id: 'new', kind: 'person', name: 'Nia New', email: 'nia@lab.org', roles: ['member'], isActive: true, ...fields });
const judge = (who: SyncPerson, action: 'create' | 'update', doc: Record<string, unknown>, previous?: Record<string, unknown>) =>
  can(who, action, { collection: 'people', doc, ...(previous ? { previous } : {}) });

describe('privileged roles', () => {
  it('are every built-in role that administers, approves or handles money, and a hire gives only the rest', () => {
    expect([...PRIVILEGED_ROLES].sort()).toEqual(['admin', 'department_head', 'finance', 'hr', 'procurement_manager', 'qa_manager', 'sales_manager']);
    expect([...HIRE_ROLES].sort()).toEqual(['member', 'procurement_officer', 'sales']);
    expect(builtInRoles.map((r) => r.code).sort()).toEqual([...PRIVILEGED_ROLES, ...HIRE_ROLES].sort());
  });

  it('refuse a hire with a privileged or custom role, naming it', () => {
    expect(hireRolesProblem(['member'])).toBeNull();
    expect(hireRolesProblem(['member', 'finance'])).toMatch(/ask an administrator to give Finance\./);
    expect(hireRolesProblem(['lab_lead'])).toMatch(/lab_lead/);
    expect(hireRolesProblem([])).toMatch(/at least one role/);
  });
});

describe('the people write rule for HR (host and sync server)', () => {
  it('lets HR add a new person with ordinary roles', () => {
    expect(judge(hana, 'create', newHire()).isAllowed).toBe(true);
    expect(judge(hana, 'create', newHire({ roles: ['member', 'sales'] })).isAllowed).toBe(true);
  });

  it.each(PRIVILEGED_ROLES.map((role) => [role]))('refuses HR a new person holding %s', (role) => {
    const decision = judge(hana, 'create', newHire({ roles: ['member', role] }));
    expect(decision).toMatchObject({ isAllowed: false, reason: expect.stringMatching(/ask an administrator/) });
  });

  it('refuses HR a password, an inactive hire, roles and departments', () => {
    expect(judge(hana, 'create', newHire({ passwordHash: '$argon2id$v=19$x' })).isAllowed).toBe(false);
    expect(judge(hana, 'create', newHire({ isActive: false })).isAllowed).toBe(false);
    expect(judge(hana, 'create', { id: 'r', kind: 'role', email: 'lab_lead', roles: [], isActive: true }).isAllowed).toBe(false);
    expect(judge(hana, 'create', { id: 'd', kind: 'department', name: 'QC' }).isAllowed).toBe(false);
  });

  it('refuses HR any change to someone who exists, roles above all', () => {
    const stored = newHire({ createdBy: 'ada', createdAt: 'x' });
    expect(judge(hana, 'update', { ...stored, roles: ['admin'] }, stored)).toMatchObject({ isAllowed: false, reason: expect.stringMatching(/cannot change the roles/) });
    expect(judge(hana, 'update', { ...stored, name: 'Nia Renamed' }, stored).isAllowed).toBe(false);
    // A create meeting an existing id is judged against what is stored.
    expect(judge(hana, 'create', { ...stored, roles: ['member'] }, stored).isAllowed).toBe(false);
  });

  it('leaves administrators as they were and members refused', () => {
    expect(judge(ada, 'create', newHire({ roles: ['admin'] })).isAllowed).toBe(true);
    expect(judge(max, 'create', newHire()).isAllowed).toBe(false);
  });
});
