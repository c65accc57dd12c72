import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitKind } from '../../../src-shared/hr/exit-kind';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { baseFields, createTeam, editRow, openTestDatabase, pull, push, signIn, startTestServer, team, type TestServer } from './support/test-server';

/**
 * The exit rule's people write from a PC that is not an administrator's (PGlite, `app.inject()`):
 * HR's PC deactivates Max as LabFlow itself (`updatedBy: system`) after his exit's last day. The
 * server takes exactly that change once the last day has passed on its own clock, holds it as
 * waiting during the last day (a PC east of UTC reaches midnight first), and refuses it before, for
 * someone with no exit, with any other change, or in a person's own name.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;
let now = Date.parse('2026-06-20T12:00:00.000Z');

const exitRow: WireDocument = {
  ...baseFields('EXIT-MAX', team.hr.id), kind: exitKind.kind, kindVersion: exitKind.version, title: 'Exit', status: 'notified', number: '', numberState: '',
  parentId: '', personId: team.member.id, managerIds: [], ownerId: '', departmentId: '', date: '',
  data: { personId: team.member.id, exitType: 'resignation', noticeDate: '2026-06-01', lastDay: '2026-06-30', checklist: [], exitInterviewNotes: '', settlement: null, settlementReference: '' },
  _deleted: false,
};

const stored = async (id: string) => (await pull(server, tokens.admin.accessToken, 'people', null, 100)).documents.find((d) => d.id === id)!;
const deactivate = async (id: string, changes: Record<string, unknown> = {}, by = 'system') => push(server, tokens.hr.accessToken, 'people', [editRow(await stored(id), { isActive: false, ...changes }, by)]);

/** The clock moves on; HR and the administrator sign in afresh (access tokens are short-lived). */
async function at(iso: string) {
  now = Date.parse(iso);
  tokens = { ...tokens, hr: await signIn(server, team.hr), admin: await signIn(server, team.admin) };
}

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), services: { clock: () => new Date(now) } });
  tokens = await createTeam(server);
  expect((await push(server, tokens.hr.accessToken, 'records', [{ newDocumentState: exitRow }])).refused).toEqual([]);
});
afterAll(async () => server?.close());

describe('LabFlow deactivating a leaving person, pushed from HR’s PC', () => {
  it('is refused before the last day, for someone without an exit, with anything else changed, and in HR’s own name', async () => {
    expect((await deactivate(team.member.id)).refused).toEqual([expect.objectContaining({ id: team.member.id, message: expect.stringContaining('only after the last day') })]);
    await at('2026-06-30T21:00:00.000Z');
    expect((await deactivate(team.manager.id)).refused).toEqual([expect.objectContaining({ id: team.manager.id })]);
    expect((await deactivate(team.member.id, { roles: ['admin'] })).refused).toEqual([expect.objectContaining({ id: team.member.id })]);
    expect((await deactivate(team.member.id, {}, team.hr.id)).refused).toEqual([expect.objectContaining({ id: team.member.id, message: expect.stringContaining('HR can only add new people') })]);
    expect((await stored(team.member.id)).isActive).toBe(true);
  });

  it('waits during the last day on the server’s clock', async () => {
    await at('2026-06-30T22:30:00.000Z');
    const result = await deactivate(team.member.id);
    expect(result.refused).toEqual([]);
    expect(result.waiting).toEqual([team.member.id]);
    expect((await stored(team.member.id)).isActive).toBe(true);
  });

  it('is taken once the last day has passed there', async () => {
    await at('2026-07-01T00:05:00.000Z');
    const result = await deactivate(team.member.id);
    expect(result.refused).toEqual([]);
    expect(result.waiting ?? []).toEqual([]);
    expect((await stored(team.member.id)).isActive).toBe(false);
  });
});
