import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceKind } from '../../../src-shared/hr/attendance-kind';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { baseFields, createTeam, editRow, openTestDatabase, pull, push, startTestServer, team, type TestServer } from './support/test-server';

/**
 * Attendance's own rules on the real sync server (PGlite, `app.inject()`), through the kind's
 * invariant: a PC may not push a day for another date than it was written on, nor have Hana (HR,
 * whom the kind lets decide corrections) decide her own correction.
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;

const dayRow = (id: string, personId: string, date: string, data: Record<string, unknown> = {}): WireDocument => ({
  ...baseFields(id, personId), kind: attendanceKind.kind, kindVersion: attendanceKind.version, title: 'Attendance', status: 'checked_in', number: '', numberState: '',
  parentId: '', personId, managerIds: [], ownerId: '', departmentId: '', date,
  data: { personId, date, checkIn: '08:00', checkOut: '', breakMinutes: 0, correctedCheckIn: '', correctedCheckOut: '', correctionReason: '', ...data },
  _deleted: false,
});
const stored = async (id: string) => (await pull(server, tokens.hr.accessToken, 'records', null, 100)).documents.find((d) => d.id === id)!;
const step = async (id: string, status: string, data: Record<string, unknown>) => {
  const before = await stored(id);
  return push(server, tokens.hr.accessToken, 'records', [editRow(before, { status, data: { ...(before.data as Record<string, unknown>), ...data } }, team.hr.id)]);
};

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
});
afterAll(async () => server?.close());

describe('attendance pushed to the sync server', () => {
  it('is refused for a day other than the one it was written on', async () => {
    // baseFields stamps 5 January 2026.
    const late = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: dayRow('ATT-LATE', team.member.id, '2026-01-20') }]);
    expect(late.refused).toEqual([expect.objectContaining({ id: 'ATT-LATE', message: expect.stringContaining('on the day itself') })]);
    const onTheDay = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: dayRow('ATT-MAX', team.member.id, '2026-01-05') }]);
    expect(onTheDay.refused).toEqual([]);
  });

  it('refuses HR deciding her own correction', async () => {
    expect((await push(server, tokens.hr.accessToken, 'records', [{ newDocumentState: dayRow('ATT-HANA', team.hr.id, '2026-01-05') }])).refused).toEqual([]);
    expect((await step('ATT-HANA', 'closed', { checkOut: '16:00' })).refused).toEqual([]);
    expect((await step('ATT-HANA', 'correction_requested', { correctedCheckIn: '07:30', correctedCheckOut: '16:00', correctionReason: 'Early start' })).refused).toEqual([]);
    const decided = await step('ATT-HANA', 'closed', { checkIn: '07:30', correctedCheckIn: '', correctedCheckOut: '' });
    expect(decided.refused).toEqual([expect.objectContaining({ id: 'ATT-HANA', message: expect.stringContaining('Your own correction is decided by your manager or another HR person') })]);
    expect((await stored('ATT-HANA')).status).toBe('correction_requested');
  });
});
