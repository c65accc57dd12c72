import { describe, expect, it } from 'vitest';
import { employeeKind } from '../../../src-shared/hr/employee-kind';
import { explicitManagersFrom } from '../../../src-shared/hr/employee-managers';
import { employeePersonalKind } from '../../../src-shared/hr/employee-personal-kind';
import { holidayCalendarKind, holidaysOfLocation } from '../../../src-shared/hr/holiday-calendar-kind';
import { managerLookup } from '../../../src-shared/records/managers';
import { parseData } from '../../../src-shared/records/record-data';
import { checkInvariant } from '../../../src-shared/records/record-invariants';
import { recordKinds } from '../../../src-shared/records/record-kinds';
import { checkRecordWrite } from '../../../src-shared/records/record-rules';
import { canReadScope, scopeOfRecord } from '../../../src-shared/records/record-scope';
import { actor, hrRecord, lookupOf } from './hr-fixtures';

const hana = actor('hana', ['hr']);
const mia = actor('mia', ['member'], { managedIds: ['max'] });
const max = actor('max');
const otto = actor('otto');
const employee = (id = 'E1', data = {}, status = 'active') => hrRecord(employeeKind, id, status, { personId: 'max', jobTitle: 'Lab technician', startDate: '2025-03-01', managerId: 'mia', location: 'DE-BY', ...data });
const personal = hrRecord(employeePersonalKind, 'P1', 'current', { personId: 'max', emergencyContactName: 'Eva', emergencyContactPhone: '+49 1' });

describe('the HR kinds', () => {
  it('are registered once', () => {
    expect(recordKinds.filter((k) => k.module === 'hr').map((k) => k.kind).sort()).toEqual([
      'attendance', 'candidate', 'employee', 'employee_personal', 'exit', 'holiday_calendar', 'interview_scorecard', 'job_requisition', 'leave_request', 'onboarding_checklist', 'performance_review', 'training_completion', 'training_course', 'training_session',
    ]);
  });

  it('let the manager read the employee record but never the personal details; HR and the person read both', () => {
    const readable = (who: typeof hana, rec: ReturnType<typeof employee>) => canReadScope(rec.kind === 'employee' ? employeeKind : employeePersonalKind, who, scopeOfRecord(rec.kind === 'employee' ? employeeKind : employeePersonalKind, rec));
    expect([hana, max, mia, otto].map((who) => readable(who, employee()))).toEqual([true, true, true, false]);
    expect([hana, max, mia, otto].map((who) => readable(who, personal))).toEqual([true, true, false, false]);
  });

  it('lets only HR create and change an employee record; the person keeps their own contact details', () => {
    expect(checkRecordWrite({ kind: employeeKind, actor: max, before: null, after: employee('E1', {}, 'onboarding') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(checkRecordWrite({ kind: employeeKind, actor: hana, before: null, after: employee('E1', {}, 'onboarding') }).ok).toBe(true);
    const promoted = employee('E1', { jobTitle: 'Senior technician' });
    expect(checkRecordWrite({ kind: employeeKind, actor: mia, before: employee(), after: promoted })).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'data.jobTitle' } });
    const moved = hrRecord(employeePersonalKind, 'P1', 'current', { ...personal.data, homeAddress: 'Neue Str. 1' });
    expect(checkRecordWrite({ kind: employeePersonalKind, actor: max, before: personal, after: moved }).ok).toBe(true);
    expect(checkRecordWrite({ kind: employeePersonalKind, actor: mia, before: personal, after: moved }).ok).toBe(false);
  });

  it('asks for the last day before someone is recorded as leaving', () => {
    const leaving = { ...employee(), status: 'leaving' };
    expect(checkRecordWrite({ kind: employeeKind, actor: hana, before: employee(), after: leaving })).toMatchObject({ ok: false, error: { field: 'data.endDate' } });
    const withDate = { ...employee('E1', { endDate: '2026-06-30' }), status: 'leaving' };
    expect(checkRecordWrite({ kind: employeeKind, actor: hana, before: employee('E1', { endDate: '2026-06-30' }), after: withDate }).ok).toBe(true);
  });

  it('refuses a second employee record for the same person, a person managing themselves and a last day before the start', () => {
    const check = (rec: ReturnType<typeof employee>, docs: Record<string, unknown>[]) => checkInvariant(employeeKind, rec, null, lookupOf(docs), '2026-01-01T00:00:00Z', 'hana');
    expect(check(employee('E2'), [employee('E1')])).toMatchObject({ field: 'data.personId' });
    expect(check(employee('E1'), [employee('E1')])).toBeNull();
    expect(parseData(employeeKind, { ...employee().data, managerId: 'max' })).toMatchObject({ ok: false, error: { field: 'data.managerId' } });
    expect(parseData(employeeKind, { ...employee().data, endDate: '2025-01-01' })).toMatchObject({ ok: false, error: { field: 'data.endDate' } });
  });

  it('feeds the managers named on current employee records to the manager lookup', () => {
    const left = hrRecord(employeeKind, 'E3', 'left', { personId: 'ola', jobTitle: 'Chemist', startDate: '2020-01-01', endDate: '2025-12-31', managerId: 'mia' });
    const noManager = hrRecord(employeeKind, 'E4', 'active', { personId: 'pia', jobTitle: 'Chemist', startDate: '2020-01-01' });
    expect([...explicitManagersFrom([employee(), left, noManager, { ...employee('E5', { personId: 'ute' }), _deleted: true }])]).toEqual([['max', 'mia']]);
  });

  it('makes the named manager the only manager: the department head no longer manages that person, but still the rest', () => {
    const person = (id: string, roles = ['member']) => ({ id, kind: 'person', roles, isActive: true, departmentId: 'QC' });
    const people = [person('max'), person('ute'), person('mia'), person('hugo', ['department_head'])];
    const lookup = managerLookup(people, explicitManagersFrom([employee()]));
    expect(lookup.managersOf('max')).toEqual(['mia']);
    expect(lookup.managersOf('ute')).toEqual(['hugo']);
    expect(lookup.managedBy('mia')).toEqual(['max']);
    expect(lookup.managedBy('hugo')).toEqual(['ute', 'mia']);
    // Once the person has left, the department's head manages them again (the record names nobody).
    expect(managerLookup(people, explicitManagersFrom([employee('E1', {}, 'left')])).managersOf('max')).toEqual(['hugo']);
  });

  it('keeps one holiday calendar per location and finds a location\'s holidays case-insensitively', () => {
    const bavaria = hrRecord(holidayCalendarKind, 'H1', 'current', { location: 'DE-BY', holidays: [{ date: '2026-01-06', name: 'Epiphany' }] });
    const again = hrRecord(holidayCalendarKind, 'H2', 'current', { location: 'de-by', holidays: [] });
    expect(checkInvariant(holidayCalendarKind, again, null, lookupOf([bavaria]), '2026-01-01T00:00:00Z', 'hana')).toMatchObject({ field: 'data.location' });
    expect(holidaysOfLocation([bavaria], 'de-by')).toEqual([{ date: '2026-01-06', name: 'Epiphany', isHalfDay: false }]);
    expect(holidaysOfLocation([bavaria], 'FR')).toEqual([]);
    expect(parseData(holidayCalendarKind, { location: 'FR', holidays: [{ date: '2026-05-01', name: 'Fête du travail' }, { date: '2026-05-01', name: 'May Day' }] })).toMatchObject({ ok: false, error: { message: '2026-05-01 is listed twice.' } });
  });
});
