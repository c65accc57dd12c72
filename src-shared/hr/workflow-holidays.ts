import { fail, ok, type Result } from '../core/result';
import type { WorkflowDefinition } from '../workflows/definition-schema';
import { holidaysOfLocation } from './holiday-calendar-kind';

/**
 * Public holidays feed a workflow's working calendar (issue 14 item 6). A working calendar belongs
 * to a definition, not to a person: SLAs and boundary timers count the lab's working time, not the
 * assignee's, so a person's approved leave does not stretch them (reassigning is what covers an
 * absence). The definition names the location whose public holidays it observes
 * (`working_calendar.holiday_location`); when it is published the host copies that location's
 * whole-day holidays into `holidays`, beside any listed by hand. Copying at publish keeps each
 * version fixed — the engine, the sync server's checks and replay read only the definition — and a
 * holiday HR adds later counts once the definition is published again (the new content makes a new
 * version). Half-day holidays are not copied: the working calendar has one window a day, and
 * counting a half day as a whole one would move deadlines by the other half. Pure.
 */
export function withLocationHolidays(definition: WorkflowDefinition, calendars: readonly Record<string, unknown>[]): Result<WorkflowDefinition> {
  const calendar = definition.working_calendar;
  const location = calendar?.holiday_location;
  if (!calendar || !location) return ok(definition);
  const isKnown = calendars.some((c) => String((c.data as { location?: unknown } | undefined)?.location ?? '').toLowerCase() === location.toLowerCase());
  if (!isKnown) {
    return fail('invalid_input', `There is no public holiday calendar for ${location}; HR adds it under HR → Public holidays, or choose another location.`, { field: 'working_calendar.holiday_location' });
  }
  const copied = holidaysOfLocation(calendars, location).filter((h) => !h.isHalfDay).map((h) => h.date);
  const holidays = [...new Set([...(calendar.holidays ?? []), ...copied])].sort();
  return ok({ ...definition, working_calendar: { ...calendar, holidays } });
}
