import { accruedBy, carryOverCutOff, entitlementForYear, type Employment, type LeavePolicy } from './leave-entitlement';
import type { LeaveDay } from './leave-days';

/**
 * Annual-leave balances from the entitlement rules and the days booked (approved and still
 * pending requests: a pending request holds its days). Carried days are used first; what is
 * carried and not taken by the cut-off lapses. Leave cannot be taken before it is earned, so a
 * booking must be covered on each of its days, counting every booking before it. Pure.
 */
export interface YearBalance {
  year: number;
  /** Brought from the previous year (after its cap). */
  carriedIn: number;
  /** Carried days that lapsed unused at the cut-off (0 before the cut-off). */
  carriedLapsed: number;
  entitlement: number;
  accrued: number;
  /** Booked days of the year up to and including `asOf`. */
  taken: number;
  /** Booked days of the year after `asOf`. */
  booked: number;
  /** Days that may still be booked in the year as seen on `asOf`: carried + accrued − lapsed − taken − booked. */
  available: number;
  /** Carried into the next year at the end of this one. */
  carriedOut: number;
}

/** Booked days (cost per date), any order; days of cost 0 are ignored. */
export type BookedDays = readonly LeaveDay[];

function yearAt(policy: LeavePolicy, employment: Employment, year: number, carriedIn: number, days: BookedDays, asOf: string): Omit<YearBalance, 'carriedOut'> {
  const cutOff = carryOverCutOff(policy, year);
  // One pass over the days for all three sums (balances are recomputed for every person: bench:hr).
  const prefix = `${year}-`;
  let usedByCutOff = 0;
  let taken = 0;
  let booked = 0;
  for (const d of days) {
    if (!d.date.startsWith(prefix)) continue;
    if (d.date <= cutOff) usedByCutOff += d.cost;
    if (d.date <= asOf) taken += d.cost;
    else booked += d.cost;
  }
  const carriedLapsed = asOf > cutOff ? Math.max(0, carriedIn - usedByCutOff) : 0;
  const accrued = accruedBy(policy, employment, year, asOf);
  return {
    year,
    carriedIn,
    carriedLapsed,
    entitlement: entitlementForYear(policy, employment, year),
    accrued,
    taken,
    booked,
    available: carriedIn - carriedLapsed + accrued - taken - booked,
  };
}

/** What is carried out of a year: its end balance, never below 0, at most the cap. */
const carriedOutOf = (policy: LeavePolicy, endOfYear: Omit<YearBalance, 'carriedOut'>) =>
  Math.min(policy.maxCarryOverDays, Math.max(0, endOfYear.available));

/**
 * Days of `year` taken by `asOf` and booked after it (`asOf` outside the year sees it at its start or
 * end): all a leave type without an entitlement needs, without the carry-over of earlier years.
 */
export function takenAndBooked(days: BookedDays, year: number, asOf: string): { taken: number; booked: number } {
  const prefix = `${year}-`;
  let taken = 0;
  let booked = 0;
  for (const d of days) {
    if (!d.date.startsWith(prefix)) continue;
    if (d.date <= asOf) taken += d.cost;
    else booked += d.cost;
  }
  return { taken, booked };
}

/** The balance of `year` as seen on `asOf` (which may lie in another year: then the year is seen at its end or start). */
export function leaveBalance(policy: LeavePolicy, employment: Employment, days: BookedDays, year: number, asOf: string): YearBalance {
  const firstYear = Number(employment.startDate.slice(0, 4));
  let carriedIn = 0;
  for (let y = firstYear; y < year; y++) carriedIn = carriedOutOf(policy, yearAt(policy, employment, y, carriedIn, days, `${y}-12-31`));
  const seen = asOf < `${year}-01-01` ? `${year - 1}-12-31` : asOf > `${year}-12-31` ? `${year}-12-31` : asOf;
  const balance = yearAt(policy, employment, year, year < firstYear ? 0 : carriedIn, days, seen);
  const end = seen === `${year}-12-31` ? balance : yearAt(policy, employment, year, balance.carriedIn, days, `${year}-12-31`);
  return { ...balance, carriedOut: carriedOutOf(policy, end) };
}

export interface Shortfall {
  /** The first day the bookings are not covered. */
  date: string;
  /** Days short on that day (positive). */
  short: number;
}

/**
 * The first day from `fromYear` on where the bookings are not covered: on each booked day, carried
 * (unless lapsed) plus accrued must cover everything booked up to that day. Checking only booked
 * days suffices: cover only falls when days are booked or carried days lapse, and a lapse never
 * takes away more than the carried days left unused. Null when everything is covered.
 */
export function firstShortfall(policy: LeavePolicy, employment: Employment, days: BookedDays, fromYear: number): Shortfall | null {
  const booked = days.filter((d) => d.cost > 0 && Number(d.date.slice(0, 4)) >= fromYear);
  const years = [...new Set(booked.map((d) => Number(d.date.slice(0, 4))))].sort((a, b) => a - b);
  for (const year of years) {
    const dates = [...new Set(booked.filter((d) => d.date.startsWith(`${year}-`)).map((d) => d.date))].sort();
    for (const date of dates) {
      const b = leaveBalance(policy, employment, days, year, date);
      const cover = b.carriedIn - b.carriedLapsed + b.accrued - b.taken;
      if (cover < 0) return { date, short: -cover };
    }
  }
  return null;
}
