import { z } from 'zod';
import { daysBetween } from '../projects/plan-dates';
import { workingDaysPerWeek, type WorkingPattern } from './working-pattern';

/**
 * A person's yearly annual-leave entitlement: contractual days for a full-time (5-day) full year,
 * scaled to their working days per week and to the part of the year they are employed, earned all
 * on 1 January (or on joining) or month by month; unused days carried into the next year up to a
 * cap, lost if not taken by a cut-off date. Amounts are whole or half days. Pure.
 */
export const leavePolicySchema = z.object({
  annualDays: z.number().min(0).max(100).multipleOf(0.5, 'Use whole or half days.').default(25),
  accrual: z.enum(['upfront', 'monthly']).default('upfront'),
  maxCarryOverDays: z.number().min(0).max(100).multipleOf(0.5, 'Use whole or half days.').default(5),
  /** 'MM-DD': days carried into a year and not taken by this day are lost; '' keeps them all year. */
  carryOverUntil: z.string().regex(/^((0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))?$/, 'Enter the cut-off as MM-DD, e.g. 03-31.').default('03-31'),
});
export type LeavePolicy = z.infer<typeof leavePolicySchema>;

export interface Employment {
  startDate: string;
  /** The last working day; '' or absent while employed. */
  endDate?: string;
  pattern: WorkingPattern;
}

/** Rounds to the nearest half day (ties up), the unit leave is booked in. */
export const toHalfDays = (days: number): number => Math.round(days * 2 + 1e-9) / 2;
/** Rounds down to a half day: accrual never gives a half day not yet fully earned. */
const floorHalfDays = (days: number): number => Math.floor(days * 2 + 1e-9) / 2;

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;

/** The days of `year` the person is employed (first and last day), or null when not employed that year. */
export function employedSpan(employment: Employment, year: number): { from: string; to: string } | null {
  const from = employment.startDate > yearStart(year) ? employment.startDate : yearStart(year);
  const end = employment.endDate || yearEnd(year);
  const to = end < yearEnd(year) ? end : yearEnd(year);
  return from <= to ? { from, to } : null;
}

/** The full year's entitlement: pro rata to days employed and working days per week, to the nearest half day. */
export function entitlementForYear(policy: LeavePolicy, employment: Employment, year: number): number {
  const span = employedSpan(employment, year);
  if (!span) return 0;
  // A whole year needs no day counting (balances walk every year since the start: bench:hr).
  const isWholeYear = span.from === yearStart(year) && span.to === yearEnd(year);
  const employedShare = isWholeYear ? 1 : (daysBetween(span.from, span.to) + 1) / (daysBetween(yearStart(year), yearEnd(year)) + 1);
  return toHalfDays(policy.annualDays * (workingDaysPerWeek(employment.pattern) / 5) * employedShare);
}

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/**
 * What has been earned of `year`'s entitlement by `asOf` (included). Up front: everything from the
 * first day employed. Monthly: an equal share on the first day of each month employed (or the day of
 * joining), rounded down to half days, so the last month brings the total to the full entitlement.
 */
export function accruedBy(policy: LeavePolicy, employment: Employment, year: number, asOf: string): number {
  const span = employedSpan(employment, year);
  if (!span || asOf < span.from) return 0;
  const entitlement = entitlementForYear(policy, employment, year);
  if (policy.accrual === 'upfront') return entitlement;
  const months = monthIndex(span.to) - monthIndex(span.from) + 1;
  const started = Math.min(months, monthIndex(asOf < span.to ? asOf : span.to) - monthIndex(span.from) + 1);
  return started >= months ? entitlement : floorHalfDays((entitlement * started) / months);
}

/** The last day carried-over days can be taken in `year`, or the year's end when they never lapse. */
export const carryOverCutOff = (policy: LeavePolicy, year: number): string => (policy.carryOverUntil ? `${year}-${policy.carryOverUntil}` : yearEnd(year));
