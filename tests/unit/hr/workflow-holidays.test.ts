import { describe, expect, it } from 'vitest';
import { withLocationHolidays } from '../../../src-shared/hr/workflow-holidays';
import { parseDefinition, type WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import { addWorkingHours } from '../../../src-shared/workflows/working-calendar';

const calendars = [
  { kind: 'holiday_calendar', data: { location: 'Berlin', holidays: [
    { date: '2026-10-03', name: 'German Unity Day', isHalfDay: false },
    { date: '2026-12-24', name: 'Christmas Eve', isHalfDay: true },
    { date: '2026-12-25', name: 'Christmas Day', isHalfDay: false },
  ] } },
  { kind: 'holiday_calendar', data: { location: 'Lyon', holidays: [{ date: '2026-07-14', name: 'Bastille Day', isHalfDay: false }] } },
];

function definition(calendar: Record<string, unknown> | undefined): WorkflowDefinition {
  const parsed = parseDefinition({
    workflow_code: 'QC_REVIEW', name: 'QC review', initial_step: 'review',
    steps: [{ step_id: 'review', name: 'Review', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: [] }],
    ...(calendar ? { working_calendar: calendar } : {}),
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}
const hours = { start: '08:00', end: '16:00' };

describe('public holidays in a workflow’s working calendar', () => {
  it('copies the named location’s whole-day holidays beside those listed by hand, in date order, without half days', () => {
    const filled = withLocationHolidays(definition({ weekdays: [1, 2, 3, 4, 5], hours, holidays: ['2026-11-02', '2026-10-03'], holiday_location: 'berlin' }), calendars);
    expect(filled).toMatchObject({ ok: true });
    if (filled.ok) expect(filled.value.working_calendar?.holidays).toEqual(['2026-10-03', '2026-11-02', '2026-12-25']);
  });

  it('then moves an SLA over the holiday: 8 working hours from Friday 2 October end on Monday 5 October', () => {
    const filled = withLocationHolidays(definition({ weekdays: [1, 2, 3, 4, 5], hours, holiday_location: 'Berlin' }), calendars);
    if (!filled.ok) throw new Error(filled.error.message);
    const due = addWorkingHours(filled.value.working_calendar!, Date.parse('2026-10-02T16:00:00Z'), 8);
    expect(new Date(due).toISOString()).toBe('2026-10-05T16:00:00.000Z');
  });

  it('leaves a definition without a location as it is', () => {
    const plain = definition({ weekdays: [1, 2, 3, 4, 5], hours, holidays: ['2026-10-03'] });
    expect(withLocationHolidays(plain, calendars)).toEqual({ ok: true, value: plain });
    const none = definition(undefined);
    expect(withLocationHolidays(none, calendars)).toEqual({ ok: true, value: none });
  });

  it('refuses a location HR keeps no calendar for, naming the field', () => {
    expect(withLocationHolidays(definition({ weekdays: [1, 2, 3, 4, 5], hours, holiday_location: 'Paris' }), calendars)).toMatchObject({
      ok: false, error: { code: 'invalid_input', field: 'working_calendar.holiday_location', message: expect.stringContaining('Paris') },
    });
  });
});
