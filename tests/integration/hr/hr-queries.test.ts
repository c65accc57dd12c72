import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { EmployeeOverview } from '../../../src-shared/hr/employee-views';
import type { MyLeaveView, TeamCalendar } from '../../../src-shared/hr/leave-views';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { openLab, type SignedInPerson } from '../support/lab-people';
import { value } from '../tasks/project-fixture';

/**
 * HR's screens on a real host and SQLite file (the clock stands at 1 April 2026): a person's
 * balance follows their employee record and their requests; the manager HR names on the record is
 * the manager the rules see on this PC (their team calendar holds the person's leave, a department
 * head's does not); a colleague sees only themselves; bad input is refused with the field.
 */
let host: Host;
let hana: SignedInPerson;
let max: SignedInPerson;
let olga: SignedInPerson;
let otto: SignedInPerson;

const employee = (personId: string, data: Record<string, unknown> = {}) => ({ kind: 'employee', data: { personId, jobTitle: 'Lab technician', startDate: '2025-01-01', leavePolicy: { annualDays: 10, maxCarryOverDays: 0 }, ...data } });
const leave = (startDate: string, endDate: string, days: number, data: Record<string, unknown> = {}) => ({ kind: 'leave_request', data: { personId: max.id, leaveType: 'annual', startDate, endDate, days, ...data } });

beforeAll(async () => {
  let addPerson;
  ({ host, addPerson } = await openLab());
  hana = await addPerson('Hana HR', 'hana@lab.org', ['hr']);
  max = await addPerson('Max Member', 'max@lab.org', ['member']);
  olga = await addPerson('Olga Lead', 'olga@lab.org', ['member']);
  otto = await addPerson('Otto Other', 'otto@lab.org', ['member']);
});
afterAll(async () => host?.close());

describe('my leave', () => {
  it('has no balance until HR sets up the employee record', async () => {
    const view = value(await max.client.subscribe('hr/my-leave', {}).next<MyLeaveView>());
    expect(view).toMatchObject({ year: 2026, terms: null, balances: [], requests: [] });
  });

  it('counts the entitlement, what is booked and what is left, and refuses a request beyond it', async () => {
    value(await hana.client.call<RecordView>('records/create', employee(max.id, { managerId: olga.id })));
    // Mon 4 – Fri 8 May 2026 (5 days) and a half day on Mon 11 May.
    value(await max.client.call<RecordView>('records/create', leave('2026-05-04', '2026-05-08', 5)));
    value(await max.client.call<RecordView>('records/create', leave('2026-05-11', '2026-05-11', 0.5, { isLastDayHalf: true })));
    const view = value(await max.client.subscribe('hr/my-leave', {}).next<MyLeaveView>());
    expect(view.balances.find((b) => b.leaveType === 'annual')).toMatchObject({ isBalanced: true, entitlement: 10, taken: 0, booked: 5.5, available: 4.5, waiting: 5.5 });
    expect(view.requests.map((r) => [r.startDate, r.days, r.statusLabel])).toEqual([['2026-05-11', 0.5, 'Draft'], ['2026-05-04', 5, 'Draft']]);
    expect(view.requests[1]?.leaveTypeLabel).toBe('Annual leave');
    const over = await max.client.call('records/create', leave('2026-06-01', '2026-06-05', 5));
    expect(over).toMatchObject({ ok: false, error: { field: 'data.days' } });
  });

  it('refuses a year out of range', async () => {
    expect(await max.client.subscribe('hr/my-leave', { year: 1999 }).next()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'year' } });
  });
});

describe('the team leave calendar', () => {
  it('shows the named manager their person’s submitted leave, by day', async () => {
    const requests = value(await max.client.subscribe('hr/my-leave', {}).next<MyLeaveView>()).requests;
    value(await max.client.call('records/transition', { id: requests[1]!.id, to: 'submitted' }));
    const calendar = value(await olga.client.subscribe('hr/team-leave', { month: '2026-05' }).next<TeamCalendar>());
    expect(calendar.dates).toHaveLength(31);
    expect(calendar.people).toEqual([{ personId: max.id, personName: 'Max Member', days: ['04', '05', '06', '07', '08'].map((d) => ({ date: `2026-05-${d}`, cost: 1, status: 'submitted', leaveType: 'annual' })) }]);
  });

  it('shows a colleague nothing of it, and HR everything', async () => {
    expect(value(await otto.client.subscribe('hr/team-leave', { month: '2026-05' }).next<TeamCalendar>()).people).toEqual([]);
    expect(value(await hana.client.subscribe('hr/team-leave', { month: '2026-05' }).next<TeamCalendar>()).people.map((p) => p.personName)).toEqual(['Max Member']);
  });

  it('refuses a month not written as YYYY-MM', async () => {
    expect(await olga.client.subscribe('hr/team-leave', { month: '2026-13' }).next()).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'month' } });
    expect(await olga.client.subscribe('hr/team-leave', {}).next()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the employee list', () => {
  it('gives HR every employee with the trainings their roles require, the manager only their people, a colleague nothing', async () => {
    const course = value(await hana.client.call<RecordView>('records/create', { kind: 'training_course', data: { title: 'Lab safety', validityMonths: 12, requiredForRoles: ['member'] } }));
    value(await hana.client.call('records/create', { kind: 'training_completion', data: { personId: max.id, courseId: course.id, completedOn: '2025-04-20', expiresOn: '2026-04-19', signedById: hana.id } }));
    value(await hana.client.call('records/create', employee(otto.id)));
    const forHr = value(await hana.client.subscribe('hr/employees', {}).next<EmployeeOverview>());
    expect(forHr.courses).toEqual([{ id: course.id, title: 'Lab safety' }]);
    // Valid until 19 April 2026: expiring on 1 April; Otto never took it.
    expect(forHr.rows.map((r) => [r.personName, r.managerName, r.trainings[course.id]])).toEqual([['Max Member', 'Olga Lead', 'expiring'], ['Otto Other', '', 'missing']]);
    expect(value(await olga.client.subscribe('hr/employees', {}).next<EmployeeOverview>()).rows.map((r) => r.personName)).toEqual(['Max Member']);
    expect(value(await otto.client.subscribe('hr/employees', {}).next<EmployeeOverview>()).rows.map((r) => r.personName)).toEqual(['Otto Other']);
  });

  it('refuses input that is not an object', async () => {
    expect(await hana.client.subscribe('hr/employees', 'everyone').next()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
