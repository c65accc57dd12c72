import { isPlanDate } from '../projects/plan-dates';

/**
 * Planning dates ('YYYY-MM-DD') have no time of day. Reminders need an instant: the lab's
 * configured time of day on that date, in a fixed offset from UTC — as the workflow working
 * calendar does, so every PC computes the same instant without a time-zone database.
 */
export interface LocalTimeSettings {
  /** 'HH:MM', e.g. '17:00': when a thing due "on" a date is due. */
  dueTimeOfDay: string;
  /** Minutes east of UTC (e.g. 60 for CET in winter). */
  utcOffsetMinutes: number;
}

export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const minutesOfDay = (hhmm: string): number => {
  const match = TIME_OF_DAY.exec(hhmm);
  if (!match) throw new Error(`Not a time of day: ${hhmm}`);
  return Number(match[1]) * 60 + Number(match[2]);
};

/** The instant (epoch ms) of `date` at the configured local time; undefined for a malformed date. */
export function dueInstant(date: string, settings: LocalTimeSettings): number | undefined {
  if (!isPlanDate(date)) return undefined;
  return Date.parse(`${date}T00:00:00Z`) + (minutesOfDay(settings.dueTimeOfDay) - settings.utcOffsetMinutes) * 60_000;
}
