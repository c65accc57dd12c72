import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { TrainingOverview } from '../../../src-shared/hr/training-views';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { openLab, type SignedInPerson } from '../support/lab-people';
import { value } from '../tasks/project-fixture';

/**
 * The Training tab's query on a real host and SQLite file (the clock stands at 1 April 2026): HR
 * sees every employee in the matrix, a manager their people, anyone else only themselves — the
 * completions' read scope; sessions show who is enrolled; bad input and writes by non-trainers are
 * refused.
 */
let host: Host;
let hana: SignedInPerson;
let max: SignedInPerson;
let olga: SignedInPerson;
let otto: SignedInPerson;
let courseId = '';

const employee = (personId: string, data: Record<string, unknown> = {}) => ({ kind: 'employee', data: { personId, jobTitle: 'Lab technician', startDate: '2025-01-01', ...data } });
const overviewOf = async (who: SignedInPerson) => value(await who.client.subscribe('hr/training', {}).next<TrainingOverview>());

beforeAll(async () => {
  let addPerson;
  ({ host, addPerson } = await openLab());
  hana = await addPerson('Hana HR', 'hana@lab.org', ['hr']);
  max = await addPerson('Max Member', 'max@lab.org', ['member']);
  olga = await addPerson('Olga Lead', 'olga@lab.org', ['member']);
  otto = await addPerson('Otto Other', 'otto@lab.org', ['member']);
  value(await hana.client.call('records/create', employee(max.id, { managerId: olga.id })));
  value(await hana.client.call('records/create', employee(otto.id)));
  courseId = value(await hana.client.call<RecordView>('records/create', { kind: 'training_course', data: { title: 'Lab safety', validityMonths: 12, requiredForRoles: ['member'] } })).id;
  value(await hana.client.call('records/create', { kind: 'training_completion', data: { personId: max.id, courseId, completedOn: '2025-02-10', expiresOn: '2026-02-09', signedById: hana.id } }));
});
afterAll(async () => host?.close());

describe('the training matrix', () => {
  it('gives HR every employee, the manager their people, anyone else only themselves', async () => {
    const forHr = await overviewOf(hana);
    expect(forHr.today).toBe('2026-04-01');
    expect(forHr.matrix.columns).toEqual([{ id: courseId, title: 'Lab safety' }]);
    expect(forHr.matrix.rows.map((r) => [r.personName, r.cells[courseId]])).toEqual([
      ['Max Member', { state: 'expired', expiresOn: '2026-02-09' }],
      ['Otto Other', { state: 'missing', expiresOn: '' }],
    ]);
    expect((await overviewOf(olga)).matrix.rows.map((r) => r.personName)).toEqual(['Max Member']);
    expect((await overviewOf(otto)).matrix.rows.map((r) => [r.personName, r.cells[courseId]?.state])).toEqual([['Otto Other', 'missing']]);
  });

  it('lists a session with the people enrolled, and refuses more people than places', async () => {
    const session = value(await hana.client.call<RecordView>('records/create', { kind: 'training_session', data: { courseId, date: '2026-04-20', trainerId: hana.id, capacity: 1, enrolledIds: [max.id] } }));
    const course = (await overviewOf(otto)).courses.find((c) => c.id === courseId);
    expect(course?.sessions).toEqual([expect.objectContaining({ id: session.id, date: '2026-04-20', trainerName: 'Hana HR', enrolled: [{ id: max.id, name: 'Max Member' }], capacity: 1, statusLabel: 'Planned' })]);
    expect(await hana.client.call('records/update', { id: session.id, data: { enrolledIds: [max.id, otto.id] } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a completion whose expiry does not follow the course, and one recorded by someone who is not a trainer', async () => {
    expect(await hana.client.call('records/create', { kind: 'training_completion', data: { personId: otto.id, courseId, completedOn: '2026-03-01', expiresOn: '2030-01-01', signedById: hana.id } })).toMatchObject({
      ok: false, error: { field: 'data.expiresOn' },
    });
    expect(await olga.client.call('records/create', { kind: 'training_completion', data: { personId: otto.id, courseId, completedOn: '2026-03-01', expiresOn: '2027-02-28', signedById: olga.id } })).toMatchObject({
      ok: false, error: { code: 'forbidden' },
    });
  });

  it('refuses input that is not an object', async () => {
    expect(await hana.client.subscribe('hr/training', 'matrix').next()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
