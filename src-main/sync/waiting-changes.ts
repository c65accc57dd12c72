import type { WaitingChangesView } from '../../src-shared/sync/sync-status';
import { SYSTEM_AUTHOR } from '../../src-shared/sync/system-author';
import type { ParkedRow } from './parked-rows';

/**
 * Settings → Team sync's "whose changes wait" (issue 18): the waiting rows counted per person, and
 * what they wait for — that person's sign-in when they have none here, else the server. LabFlow's
 * own changes (timers, the scheduler) go with the PC's account, so they only ever wait for the
 * server. Pure.
 */
export function waitingChanges(rows: readonly ParkedRow[], nameOf: (personId: string) => string, hasSession: (personId: string) => boolean): WaitingChangesView[] {
  const counts = new Map<string, WaitingChangesView>();
  for (const row of rows) {
    const isLabflow = row.authorId === SYSTEM_AUTHOR;
    const waitsFor = isLabflow || hasSession(row.authorId) ? 'server' : 'sign_in';
    const key = `${row.authorId}|${waitsFor}`;
    const known = counts.get(key);
    if (known) known.count++;
    else counts.set(key, { personId: row.authorId, personName: isLabflow ? 'LabFlow itself' : nameOf(row.authorId), count: 1, waitsFor });
  }
  return [...counts.values()].sort((a, b) => (a.waitsFor === b.waitsFor ? a.personName.localeCompare(b.personName) : a.waitsFor === 'sign_in' ? -1 : 1));
}
