import { addDays } from '../projects/plan-dates';

/**
 * When a leaving person's access ends: they work through their last day, and from the next day
 * their account is deactivated — by a scheduler rule on the PCs holding the exit record
 * (src-main/hr/exit-deactivation-rule.ts) and, whatever any PC did, by the sync server, which
 * refuses their sign-in, tokens and streams once this day has come (sync-server/auth/people-directory.ts).
 * A withdrawn exit ends nothing. Pure: both sides give their own exit records and today's date.
 */
export interface ExitFacts {
  status: string;
  data: { lastDay?: unknown };
}

/** Exits that still stand: notified, checklist running or completed. */
export const isLiveExit = (exit: ExitFacts): boolean => exit.status !== 'withdrawn' && typeof exit.data.lastDay === 'string';

/** The first day without access: the day after the earliest last day of a live exit, or null. */
export function accessEndsOn(exits: readonly ExitFacts[]): string | null {
  const lastDays = exits.filter(isLiveExit).map((e) => String(e.data.lastDay)).sort();
  return lastDays[0] ? addDays(lastDays[0], 1) : null;
}

/** True once the person has left: `today` ('YYYY-MM-DD') is past the last day of a live exit. */
export const hasLeft = (exits: readonly ExitFacts[], today: string): boolean => {
  const ends = accessEndsOn(exits);
  return ends !== null && today >= ends;
};
