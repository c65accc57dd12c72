import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from '../../../src-shared/format/display-format';
import { trainingCoursesParent } from '../../../src-shared/hr/training-kinds';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { upsertDocument } from '../../../sync-server/replication/document-store';
import { baseFields, createTeam, openTestDatabase, push, startTestServer, team, type TestServer } from '../sync/support/test-server';

/**
 * Usage gating on the real sync server (embedded PostgreSQL), judged with the server's own clock
 * and documents: a PC whose clock is behind, or that never saw the latest calibrations, cannot
 * push a booking, a use or a project allocation of an instrument that is overdue, failed, out of
 * use or not for that person. A calibration pushed together with the booking counts.
 */
const SERVER_NOW = '2026-06-10T12:00:00.000Z';
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;

const columns = { kindVersion: 1, number: '', numberState: '', personId: '', managerIds: [], ownerId: '', departmentId: '', date: '', _deleted: false };
const record = (id: string, kind: string, status: string, data: Record<string, unknown>, fields: Record<string, unknown> = {}, by = team.member.id): WireDocument =>
  ({ ...baseFields(id, by), ...columns, kind, title: id, status, parentId: String(data.equipmentId ?? ''), data, ...fields }) as WireDocument;

/** The instrument and its yearly plan as the server already holds them (arranged directly in its store). */
async function seedInstrument(id: string, status = 'in_service', firstDueDate = '2026-05-31') {
  const instrument = record(id, 'equipment', status, { name: `Balance ${id}`, custodianId: team.member.id, authorisedUserIds: [team.manager.id], category: 'balance', location: { site: '', building: '', room: '', bench: '' }, siteChecklist: [], isGxpCritical: true, manufacturer: '', model: '', serialNumber: '', notes: '' }, { number: `EQ-${id}`, numberState: 'final' });
  const plan = record(`${id}-PLAN`, 'calibration_plan', 'active', { equipmentId: id, custodianId: team.member.id, name: 'Annual calibration', interval: { count: 12, unit: 'months' }, firstDueDate, points: [{ id: 'p1', name: '100 g', unit: 'g', nominal: 100, tolerance: 0.001 }], method: '', provider: 'internal', providerName: '', reminderLeadDays: [30] });
  await server.services.db.transaction(async (tx) => {
    await upsertDocument(tx, 'records', id, instrument);
    await upsertDocument(tx, 'records', plan.id as string, plan);
  });
}

const booking = (id: string, equipmentId: string, personId: string, start: string, end: string) =>
  record(id, 'booking', 'booked', { equipmentId, custodianId: team.member.id, personId, start, end, purpose: '' }, {}, personId);

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), services: { clock: () => new Date(SERVER_NOW) } });
  tokens = await createTeam(server);
  await seedInstrument('E1');
  await seedInstrument('E2');
  await seedInstrument('E3', 'quarantined', '2027-01-31');
});
afterAll(async () => server?.close());

describe('usage gating on the sync server', () => {
  it('refuses a booking of an overdue instrument by the server’s clock, naming the calibration and since when', async () => {
    // The PC's clock said May, when the instrument was still in calibration; the server's says June.
    const result = await push(server, tokens.manager.accessToken, 'records', [{ newDocumentState: booking('B1', 'E1', team.manager.id, '2026-06-11T09:00:00.000Z', '2026-06-11T10:00:00.000Z') }]);
    expect(result.refused).toEqual([expect.objectContaining({ id: 'B1', code: 'forbidden', message: `EQ-E1 Balance E1 is overdue for calibration: “Annual calibration” was due on ${formatDay('2026-05-31')} (overdue since ${formatDay('2026-06-01')}; never calibrated).` })]);
    expect(server.logs).toContainEqual(expect.objectContaining({ event: 'authz.refused', collection: 'records', id: 'B1' }));
  });

  it('takes a booking pushed together with the calibration that makes it fit', async () => {
    const calibration = record('C1', 'calibration', 'recorded', {
      equipmentId: 'E2', custodianId: team.member.id, planId: 'E2-PLAN', performedOn: '2026-06-09', performedById: team.member.id, performedByName: '', provider: 'internal', certificateNumber: '',
      readings: [{ pointId: 'p1', name: '100 g', unit: 'g', nominal: 100, tolerance: 0.001, asFound: 100.0002, asLeft: 100.0002 }], asFoundResult: 'pass', result: 'pass', wasAdjusted: false, notes: '',
    });
    const result = await push(server, tokens.member.accessToken, 'records', [{ newDocumentState: calibration }, { newDocumentState: booking('B2', 'E2', team.member.id, '2026-06-11T09:00:00.000Z', '2026-06-11T10:00:00.000Z') }]);
    expect(result.refused).toEqual([]);
  });

  it('refuses a person who is not an authorised user, a quarantined instrument, a clash, and a stored verdict the readings do not give', async () => {
    const refusals = async (token: string, doc: WireDocument) => (await push(server, token, 'records', [{ newDocumentState: doc }])).refused.map((r) => r.message);
    expect(await refusals(tokens.hr.accessToken, booking('B3', 'E2', team.hr.id, '2026-06-12T09:00:00.000Z', '2026-06-12T10:00:00.000Z'))).toEqual(['Hana HR is not an authorised user of EQ-E2 Balance E2; its custodian can add them.']);
    expect(await refusals(tokens.member.accessToken, booking('B4', 'E3', team.member.id, '2026-06-12T09:00:00.000Z', '2026-06-12T10:00:00.000Z'))).toEqual([expect.stringContaining('is quarantined')]);
    expect(await refusals(tokens.manager.accessToken, booking('B5', 'E2', team.manager.id, '2026-06-11T09:30:00.000Z', '2026-06-11T11:00:00.000Z'))).toEqual([expect.stringContaining(`is booked from ${formatDateTime('2026-06-11T09:00:00.000Z', { timeZone: 'UTC' })}`)]);
    const forged = record('C2', 'calibration', 'recorded', {
      equipmentId: 'E1', custodianId: team.member.id, planId: 'E1-PLAN', performedOn: '2026-06-09', performedById: team.member.id, provider: 'internal',
      readings: [{ pointId: 'p1', name: '100 g', unit: 'g', nominal: 100, tolerance: 0.001, asLeft: 100.5 }], asFoundResult: 'not_measured', result: 'pass',
    });
    expect(await refusals(tokens.member.accessToken, forged)).toEqual([expect.stringContaining('The result must be “fail” for these readings')]);
  });

  it('refuses allocating an overdue instrument to a project, and takes one that is fit', async () => {
    const project = { ...baseFields('PRJ1', team.member.id), code: 'STAB', name: 'Stability', description: '', status: 'active', isArchived: false, startDate: '', endDate: '', ownerId: team.member.id, budget: {}, tags: [], teamIds: [], _deleted: false } as WireDocument;
    expect((await push(server, tokens.member.accessToken, 'projects', [{ newDocumentState: project }])).refused).toEqual([]);
    const allocation = (id: string, equipmentId: string) =>
      ({ ...baseFields(id, team.member.id), kind: 'resource_allocation', projectId: 'PRJ1', title: 'Balance time', data: { resourceType: 'equipment', equipmentId, hours: 20, periodStart: '2026-06-15', periodEnd: '2026-08-31' }, _deleted: false }) as WireDocument;
    const overdue = await push(server, tokens.member.accessToken, 'plan_items', [{ newDocumentState: allocation('A1', 'E1') }]);
    expect(overdue.refused).toEqual([expect.objectContaining({ id: 'A1', message: expect.stringContaining('is overdue for calibration') })]);
    const fit = await push(server, tokens.member.accessToken, 'plan_items', [{ newDocumentState: allocation('A2', 'E2') }]);
    expect(fit.refused).toEqual([]);
  });

  it('refuses a person whose training for the instrument has expired, and takes them once a valid completion is recorded', async () => {
    // HR's course for E2 and Mia's completion of a year before, as the server already holds them.
    const course = record('TC-E2', 'training_course', 'active', { title: 'Balance handling', validityMonths: 12, requiredForEquipmentIds: ['E2'], requiredForRoles: [], description: '', methods: [], programme: '' }, { parentId: trainingCoursesParent }, team.hr.id);
    const completion = (id: string, completedOn: string, expiresOn: string) =>
      record(id, 'training_completion', 'recorded', { personId: team.manager.id, courseId: 'TC-E2', completedOn, expiresOn, signedById: team.hr.id, note: '' }, { parentId: 'TC-E2', personId: team.manager.id }, team.hr.id);
    const seed = (doc: WireDocument) => server.services.db.transaction(async (tx) => void (await upsertDocument(tx, 'records', String(doc.id), doc)));
    await seed(course);
    await seed(completion('TR-OLD', '2025-05-01', '2026-04-30'));
    const refused = await push(server, tokens.manager.accessToken, 'records', [{ newDocumentState: booking('B6', 'E2', team.manager.id, '2026-06-15T09:00:00.000Z', '2026-06-15T10:00:00.000Z') }]);
    expect(refused.refused).toEqual([expect.objectContaining({ id: 'B6', code: 'forbidden', message: `Mia Manager has no valid training for EQ-E2 Balance E2 on ${formatDay('2026-06-15')}: “Balance handling” is expired or not recorded. HR records training; it can be used once the training is valid.` })]);
    await seed(completion('TR-NEW', '2026-06-01', '2027-05-31'));
    expect((await push(server, tokens.manager.accessToken, 'records', [{ newDocumentState: booking('B7', 'E2', team.manager.id, '2026-06-15T09:00:00.000Z', '2026-06-15T10:00:00.000Z') }])).refused).toEqual([]);
  });
});
