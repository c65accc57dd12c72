import { z } from 'zod';
import { isoWeekday } from '../projects/plan-dates';

/**
 * A person's working pattern: contracted hours for each weekday, Monday first (ISO 1 … 7). It decides
 * which days a leave costs, the capacity utilisation counts and the hours attendance expects.
 */
export const workingPatternSchema = z
  .array(z.number().min(0, 'Hours cannot be negative.').max(24, 'A day has 24 hours.'))
  .length(7, 'Give hours for each day, Monday to Sunday.')
  .refine((hours) => hours.some((h) => h > 0), { message: 'Give at least one working day.' });
export type WorkingPattern = readonly number[];

/** Full time, 8 hours Monday to Friday: the pattern of someone with no employee record yet. */
export const standardWorkingPattern: WorkingPattern = [8, 8, 8, 8, 8, 0, 0];

/** Contracted hours on a date (before leave and holidays). */
export const contractedHoursOn = (pattern: WorkingPattern, date: string): number => pattern[isoWeekday(date) - 1] ?? 0;

export const isWorkingDay = (pattern: WorkingPattern, date: string): boolean => contractedHoursOn(pattern, date) > 0;

/** Days a week the person works: a part-timer working 3 days gets 3/5 of a full-time entitlement. */
export const workingDaysPerWeek = (pattern: WorkingPattern): number => pattern.filter((h) => h > 0).length;
