import { z } from 'zod';
import { query } from '../bridge/define';
import type { EmployeeOverview } from './employee-views';
import type { HolidayCalendarView } from './holiday-calendar';
import type { TrainingOverview } from './training-views';
import type { MyLeaveView, TeamCalendar } from './leave-views';

/**
 * HR's screens between UI and host, beyond the generic record commands (leave requests, employee
 * records and training records are created and changed through `records/*`, judged by their kinds):
 * the signed-in person's leave and balances, the team leave calendar of what they may read, HR's
 * employee list with the training matrix, and the public holiday calendars. Each answers only with records the asker may read.
 */
export const hrContract = {
  /** The signed-in person's balance per leave type in `year` (this year when absent) and their requests. */
  'hr/my-leave': query<MyLeaveView>()(z.object({ year: z.number().int().min(2000, 'Choose a year from 2000.').max(2100, 'Choose a year before 2100.').optional() })),
  /** Submitted and approved leave in the month ('YYYY-MM') of everyone whose leave the asker may read. */
  'hr/team-leave': query<TeamCalendar>()(z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Choose a month as YYYY-MM.') })),
  /** Employee records the asker may read, with each person's required trainings and their state today. */
  'hr/employees': query<EmployeeOverview>()(z.object({})),
  /** Every location's public holidays in date order (public: everyone reads them; HR edits them through `records/*`). */
  'hr/holiday-calendars': query<HolidayCalendarView[]>()(z.object({})),
  /** Courses with sessions and enrolments, and the training matrix of the people whose employee record the asker may read. */
  'hr/training': query<TrainingOverview>()(z.object({})),
};
