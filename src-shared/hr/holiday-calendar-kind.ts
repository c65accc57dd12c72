import { z } from 'zod';
import { defineRecordKind } from '../records/record-kind';
import { holidayCalendarProblems, publicHolidaySchema, type PublicHoliday } from './holiday-calendar';
import { hr } from './hr-who';

/**
 * The public holidays of one location, kept by HR and read by everyone (they are public). Every
 * calendar has the same `parentId` so a leave request's invariant can read all of them in one read
 * (`byParent`) without knowing the person's location in advance; there are few locations.
 */
export const holidayCalendarsParent = 'hr-holiday-calendars';

const holidayCalendarData = z
  .object({
    location: z.string().trim().min(1, 'Name the location, as employee records name it.').max(100),
    holidays: z.array(publicHolidaySchema).max(1000, 'At most 1000 holidays in one calendar.').default([]),
  })
  .superRefine((d, ctx) => {
    for (const message of holidayCalendarProblems(d.holidays)) ctx.addIssue({ code: 'custom', message, path: ['holidays'] });
  });
export type HolidayCalendarData = z.infer<typeof holidayCalendarData>;

export const holidayCalendarKind = defineRecordKind<HolidayCalendarData>({
  kind: 'holiday_calendar',
  module: 'hr',
  label: 'Public holiday calendar',
  pluralLabel: 'Public holiday calendars',
  version: 1,
  data: holidayCalendarData as z.ZodType<HolidayCalendarData>,
  title: (d) => `Public holidays: ${d.location}`,
  statuses: [{ id: 'current', label: 'In use' }],
  initialStatus: 'current',
  transitions: [],
  columns: { parentId: () => holidayCalendarsParent },
  fields: [
    { field: 'location', label: 'Location', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
  ],
  create: hr,
  edit: [{ fields: '*', who: hr }],
  remove: { who: hr },
  invariant: {
    reads: () => ({ byParent: [{ kind: 'holiday_calendar', parentId: holidayCalendarsParent }] }),
    check({ record, lookup }) {
      const location = record.data.location.toLowerCase();
      const clash = lookup
        .byParent('holiday_calendar', holidayCalendarsParent)
        .some((doc) => doc.id !== record.id && String((doc.data as { location?: unknown }).location ?? '').toLowerCase() === location);
      return clash ? { message: `${record.data.location} already has a holiday calendar; add the days there.`, field: 'data.location' } : null;
    },
  },
});

/** The holidays of a location from the calendars an invariant read (none when the location has no calendar). */
export function holidaysOfLocation(calendars: readonly Record<string, unknown>[], location: string): PublicHoliday[] {
  if (!location) return [];
  const wanted = location.toLowerCase();
  const doc = calendars.find((c) => String((c.data as { location?: unknown } | undefined)?.location ?? '').toLowerCase() === wanted);
  const parsed = z.array(publicHolidaySchema).safeParse((doc?.data as { holidays?: unknown } | undefined)?.holidays ?? []);
  return parsed.success ? parsed.data : [];
}
