/**
 * The periods the win rate is read over: calendar quarters or years, named as people say them
 * ("Q1 2026", "2026"), with their first and last day (YYYY-MM-DD, both included). Pure: "today" is
 * passed in by the screen.
 */
export type PeriodKind = 'quarter' | 'year';

export interface Period {
  /** "2026-Q1" or "2026". */
  id: string;
  label: string;
  from: string;
  to: string;
}

const LAST_DAY_OF_QUARTER = ['03-31', '06-30', '09-30', '12-31'] as const;
const FIRST_DAY_OF_QUARTER = ['01-01', '04-01', '07-01', '10-01'] as const;

/** The quarter or year a day (YYYY-MM-DD) falls in. */
export function periodOf(kind: PeriodKind, day: string): Period {
  const year = day.slice(0, 4);
  if (kind === 'year') return { id: year, label: year, from: `${year}-01-01`, to: `${year}-12-31` };
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  return { id: `${year}-Q${quarter + 1}`, label: `Q${quarter + 1} ${year}`, from: `${year}-${FIRST_DAY_OF_QUARTER[quarter]}`, to: `${year}-${LAST_DAY_OF_QUARTER[quarter]}` };
}

/**
 * The periods a person can choose: the one `today` is in and every one in which an opportunity was
 * closed, newest first, each once.
 */
export function periodsToChoose(kind: PeriodKind, closedOn: readonly (string | undefined)[], today: string): Period[] {
  const byId = new Map<string, Period>();
  for (const day of [today, ...closedOn]) {
    if (!day) continue;
    const period = periodOf(kind, day);
    byId.set(period.id, period);
  }
  return [...byId.values()].sort((a, b) => b.from.localeCompare(a.from));
}
