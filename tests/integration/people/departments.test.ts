import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/audit/audit-contract';
import type { DepartmentSummary, DepartmentView } from '../../../src-shared/people/departments';
import type { PersonView } from '../../../src-shared/people/person';
import type { Host } from '../../../src-main/host/create-host';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

/** Settings → Departments against a real host: admin-only, audited, listed with heads and people. */
let host: Host;
let admin: ReturnType<typeof connectTestClient>;
const password = 'correct horse battery';

const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

// A fresh host per test: neither reads what the other made.
beforeEach(async () => {
  host = await openSqliteHost(tempDataDir());
  admin = connectTestClient(host);
  must(await admin.call('auth/create-administrator', adminInput));
});
afterEach(async () => {
  admin?.close();
  await host?.close();
});

describe('departments', () => {
  it('are created, renamed and deactivated by an administrator, each change audited', async () => {
    const qc = must(await admin.call<DepartmentView>('departments/create', { code: 'QC', name: 'Quality control' }));
    expect(qc).toMatchObject({ code: 'QC', name: 'Quality control', isActive: true });
    expect(await admin.call('departments/create', { code: 'qc', name: 'Another' })).toMatchObject({ ok: false, error: { code: 'already_exists', field: 'code' } });
    expect(await admin.call('departments/create', { code: 'LAB', name: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name', message: 'Enter a department name.' } });
    expect(must(await admin.call<DepartmentView>('departments/rename', { id: qc.id, name: 'QC lab' })).name).toBe('QC lab');
    expect(must(await admin.call<DepartmentView>('departments/set-active', { id: qc.id, isActive: false })).isActive).toBe(false);
    expect(await admin.call('departments/rename', { id: 'nope', name: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const audit = must(await admin.subscribe('audit/list', { recordId: qc.id }).next<AuditEntry[]>());
    expect(audit.map((e) => e.command).sort()).toEqual(['departments/create', 'departments/rename', 'departments/set-active']);
    expect(audit.find((e) => e.command === 'departments/rename')?.changes).toEqual([{ field: 'name', old: 'Quality control', new: 'QC lab' }]);
  });

  it('list their heads and people, and only administrators change them', async () => {
    const chem = must(await admin.call<DepartmentView>('departments/create', { code: 'CHEM', name: 'Chemistry' }));
    const head = must(await admin.call<PersonView>('people/create', { name: 'Hana Head', email: 'hana@lab.org', password, roles: ['department_head'], departmentId: chem.id }));
    must(await admin.call('people/create', { name: 'Mo Member', email: 'mo@lab.org', password, roles: ['member'], departmentId: 'chem' }));

    const list = must(await admin.subscribe('departments/list', {}).next<DepartmentSummary[]>());
    expect(list.find((d) => d.id === chem.id)).toMatchObject({ memberCount: 2, heads: [{ id: head.id, name: 'Hana Head' }] });
    const active = must(await admin.subscribe('departments/list', { includeInactive: false }).next<DepartmentSummary[]>());
    expect(active.map((d) => d.code)).toEqual(['CHEM']);

    const member = connectTestClient(host);
    must(await member.call('auth/sign-in', { email: 'mo@lab.org', password }));
    expect(await member.call('departments/create', { code: 'X1', name: 'Mine' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await member.call('departments/set-active', { id: chem.id, isActive: false })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Everyone may read the list.
    expect(must(await member.subscribe('departments/list', {}).next<DepartmentSummary[]>()).map((d) => d.code)).toEqual(['CHEM']);
    member.close();
  });
});
