/** A day, in milliseconds: the daily backup is due once this long has passed since the last scheduled one. */
const DAY_MS = 86_400_000;

/**
 * Whether the daily backup is due at `now` (ISO), given when the schedule last took one. Pure: the
 * caller keeps `lastScheduledAt` where a restart and a restore do not lose it, so a PC restarted
 * five times a day still backs up once, and one that was off overnight backs up as soon as it runs.
 * A clock set back (lastScheduledAt in the future) counts as due, or backups would stop for days.
 */
export function isDailyBackupDue(lastScheduledAt: string | null, now: string): boolean {
  if (lastScheduledAt === null) return true;
  const since = Date.parse(now) - Date.parse(lastScheduledAt);
  return Number.isNaN(since) || since >= DAY_MS || since < 0;
}
