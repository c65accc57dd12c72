import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src-shared/audit/audit-contract';
import type { PersonView } from '../../../src-shared/people/person';
import { completeInterruptedChanges } from '../../../src-main/audit/audited-writer';
import type { Host } from '../../../src-main/host/create-host';
import { pcIdOf } from '../../../src-main/host/pc-identity';
import { adminInput, openSqliteHost, tempDataDir } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

/**
 * A change of nothing but PC-only fields (a password hash, set by a reset or stored at a first
 * sign-in in a team) is audited but is no new version of the person for anyone else: the person's
 * bookkeeping stays as it was, so this PC's copy stays identical to the team's (issue 21, 4).
 */
let host: Host;
let admin: ReturnType<typeof connectTestClient>;

const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};
const personDoc = async (id: string) => (await host.db.people.findOne(id).exec())!.toJSON(true) as Record<string, unknown>;

beforeAll(async () => {
  host = await openSqliteHost(tempDataDir());
  admin = connectTestClient(host);
  must(await admin.call('auth/create-administrator', adminInput));
});
afterAll(async () => {
  admin?.close();
  await host?.close();
});

describe('a password reset', () => {
  it('is audited, keeps the person’s updatedAt, updatedBy and auditId, and is not rolled forward again after a restart', async () => {
    const ben = must(await admin.call<PersonView>('people/create', { name: 'Ben Bench', email: 'ben@lab.org', password: 'ben password 123', roles: ['member'] }));
    const before = await personDoc(ben.id);
    must(await admin.call('people/reset-password', { id: ben.id, password: 'another password 456' }));
    const after = await personDoc(ben.id);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect({ updatedAt: after.updatedAt, updatedBy: after.updatedBy, auditId: after.auditId }).toEqual({ updatedAt: before.updatedAt, updatedBy: before.updatedBy, auditId: before.auditId });
    expect(after._rev).not.toBe(before._rev);

    const audit = must(await admin.subscribe('audit/list', { recordId: ben.id }).next<AuditEntry[]>());
    expect(audit.map((e) => e.command).sort()).toEqual(['people/create', 'people/reset-password']);
    // Crash recovery finds the change already in the record: nothing to roll forward, no new version.
    await completeInterruptedChanges(host.db, await pcIdOf(host.db, () => 'never made: the host made it'));
    expect((await personDoc(ben.id))._rev).toBe(after._rev);
  });
});
