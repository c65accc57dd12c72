/** How many backups to keep: the newest of each of the last `daily` days and of the last `weekly` weeks. */
export interface RetentionPolicy {
  daily: number;
  weekly: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4 };

export interface BackupStamp {
  id: string;
  /** When it was taken, ISO 8601 in UTC. */
  takenAt: string;
}

/** The Monday (UTC) of an ISO day's week, as `YYYY-MM-DD`: weeks start on Monday. */
function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return new Date(date.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Which backups retention keeps and which it removes. Pure: no clock — "the last 7 days" are the 7
 * newest days that have a backup, so a PC that was off for a month keeps its last week of backups
 * instead of deleting everything. A backup counts for its day and for its week, so the newest
 * backup is both today's and this week's; failed backups are the caller's to leave out.
 */
export function applyRetention(backups: readonly BackupStamp[], policy: RetentionPolicy = DEFAULT_RETENTION): { keep: string[]; remove: string[] } {
  const newestFirst = [...backups].sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.id < b.id ? 1 : -1));
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const backup of newestFirst) {
    const day = backup.takenAt.slice(0, 10);
    const week = weekOf(day);
    if (!days.has(day) && days.size < policy.daily) {
      days.add(day);
      keep.add(backup.id);
    }
    if (!weeks.has(week) && weeks.size < policy.weekly) {
      weeks.add(week);
      keep.add(backup.id);
    }
  }
  return { keep: newestFirst.filter((b) => keep.has(b.id)).map((b) => b.id), remove: newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id) };
}
