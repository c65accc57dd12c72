import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionTokens } from '../../../src-shared/sync/protocol';
import { hashPassword } from '../../../sync-server/auth/passwords';
import { createTeam, editRow, openTestDatabase, personDoc, pull, push, startTestServer, team, type TestServer } from './support/test-server';

/**
 * The people write rule on the real sync server (PGlite, `app.inject()`) for an HR-only PC: Hana may
 * push a new hire with ordinary roles and nothing else. A privileged role, a change to someone who
 * exists, a role or department document are refused; a password hash she sends is never stored, and
 * a new person carrying someone else's address does not take their sign-in away.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
});
afterAll(async () => server?.close());

const newHire = (id: string, fields: Partial<{ roles: string[]; email: string }> = {}, hash?: string) =>
  personDoc({ id, name: `Hire ${id}`, email: `${id.toLowerCase()}@lab.org`, roles: ['member'], password: '', ...fields }, hash, team.hr.id);
const pushAsHr = (rows: Parameters<typeof push>[3]) => push(server, tokens.hr.accessToken, 'people', rows);
const signInStatus = async (email: string, password: string) => (await server.app.inject({ method: 'POST', url: '/auth/sign-in', payload: { email, password } })).statusCode;
const stored = async (id: string) => (await pull(server, tokens.admin.accessToken, 'people', null, 100)).documents.find((d) => d.id === id);

describe('an HR-only PC pushing people', () => {
  it('may add a new hire with ordinary roles', async () => {
    expect((await pushAsHr([{ newDocumentState: newHire('P-NIA') }])).refused).toEqual([]);
    expect(await stored('P-NIA')).toMatchObject({ roles: ['member'], isActive: true });
  });

  it.each([['admin'], ['hr'], ['finance'], ['department_head'], ['qa_manager']])('is refused a new person holding %s', async (role) => {
    const id = `P-BAD-${role.toUpperCase()}`;
    const result = await pushAsHr([{ newDocumentState: newHire(id, { roles: ['member', role] }) }]);
    expect(result.refused).toEqual([expect.objectContaining({ id, code: 'forbidden', message: expect.stringContaining('ask an administrator') })]);
    expect(await stored(id)).toBeUndefined();
  });

  it('is refused any change to someone who exists: roles, name, and a new person on their id', async () => {
    const max = (await stored(team.member.id))!;
    const promote = await pushAsHr([editRow(max, { roles: ['admin'] }, team.hr.id)]);
    expect(promote.refused).toEqual([expect.objectContaining({ id: team.member.id, message: expect.stringContaining('cannot change the roles') })]);
    const rename = await pushAsHr([editRow(max, { name: 'Max Renamed' }, team.hr.id)]);
    expect(rename.refused).toEqual([expect.objectContaining({ id: team.member.id })]);
    // Claiming to create what exists is judged as the update it is: the server keeps its version.
    await pushAsHr([{ newDocumentState: newHire(team.member.id, { roles: ['admin'], email: team.member.email }) }]);
    expect(await stored(team.member.id)).toMatchObject({ name: team.member.name, roles: ['member'] });
  });

  it('is refused roles and departments', async () => {
    const role = { ...newHire('R-LEAD'), kind: 'role', email: 'lab_lead', roles: [] };
    const department = { ...newHire('D-NEW'), kind: 'department', name: 'New department' };
    const result = await pushAsHr([{ newDocumentState: role }, { newDocumentState: department }]);
    expect(result.refused.map((r) => r.id).sort()).toEqual(['D-NEW', 'R-LEAD']);
  });

  it('never sets a password, nor takes an address from who holds it', async () => {
    const hash = await hashPassword('chosen by hr 123');
    expect((await pushAsHr([{ newDocumentState: newHire('P-PASS', {}, hash) }])).refused).toEqual([]);
    expect(await signInStatus('p-pass@lab.org', 'chosen by hr 123')).not.toBe(200);
    expect((await pushAsHr([{ newDocumentState: newHire('P-TWIN', { email: team.admin.email }) }])).refused).toEqual([]);
    expect(await signInStatus(team.admin.email, team.admin.password)).toBe(200);
  });

  it('leaves an administrator free to set the new hire’s password', async () => {
    const nia = (await stored('P-NIA'))!;
    const hash = await hashPassword('nia first password');
    const reset = await push(server, tokens.admin.accessToken, 'people', [{ assumedMasterState: nia, newDocumentState: { ...nia, passwordHash: hash, updatedBy: team.admin.id } }]);
    expect(reset.refused).toEqual([]);
    expect(await signInStatus('p-nia@lab.org', 'nia first password')).toBe(200);
  });
});
