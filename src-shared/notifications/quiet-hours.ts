import { minutesOfDay } from '../scheduler/due-time';
import type { QuietHours } from './preferences';

const minuteMs = 60_000;
const dayMinutes = 24 * 60;

/**
 * When the person's quiet hours end, if `now` falls inside them; null otherwise. A window whose
 * end is before its start runs over midnight (22:00–07:00). Start equal to end means no quiet
 * hours. During quiet hours desktop pop-ups are left out and emails wait until the end; the
 * notification centre still gets everything.
 */
export function quietHoursEnd(quiet: QuietHours, now: Date): Date | null {
  if (!quiet.isEnabled) return null;
  const start = minutesOfDay(quiet.start);
  const end = minutesOfDay(quiet.end);
  if (start === end) return null;
  const localMs = now.getTime() + quiet.utcOffsetMinutes * minuteMs;
  const minute = Math.floor(localMs / minuteMs);
  const ofDay = ((minute % dayMinutes) + dayMinutes) % dayMinutes;
  const isQuiet = start < end ? ofDay >= start && ofDay < end : ofDay >= start || ofDay < end;
  if (!isQuiet) return null;
  const minutesLeft = (((end - ofDay) % dayMinutes) + dayMinutes) % dayMinutes;
  return new Date((minute + minutesLeft) * minuteMs - quiet.utcOffsetMinutes * minuteMs);
}
