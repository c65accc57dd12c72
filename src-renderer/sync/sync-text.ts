import type { ChangesSentAs, SyncPhase, WaitingChangesView } from '../../src-shared/sync/sync-status';
import { formatDateTime } from '../../src-shared/format/display-format';

/** How each sync phase is shown: the chip label, its colour and the sentence behind it. */
export const phaseText: Record<SyncPhase, { label: string; color: 'default' | 'success' | 'warning' | 'error' | 'info'; hint: string }> = {
  standalone: { label: 'Standalone', color: 'default', hint: 'This PC works on its own; nothing is sent anywhere. Team sync can be set up in Settings.' },
  offline: { label: 'Offline', color: 'warning', hint: 'The sync server cannot be reached. Everything keeps working here; changes are sent when it is back.' },
  connecting: { label: 'Connecting…', color: 'info', hint: 'Signing in to the sync server and catching up.' },
  syncing: { label: 'Syncing…', color: 'info', hint: 'Sending and receiving changes.' },
  up_to_date: { label: 'Up to date', color: 'success', hint: 'Everything is sent and received; changes from other PCs arrive as they happen.' },
  error: { label: 'Sync stopped', color: 'error', hint: 'Team sync needs attention: open Settings → Team sync.' },
};

/** An instant in LabFlow's one format ("2 Mar 2026, 14:05"), or 'never'. */
export const formatTime = (iso: string | null): string => (iso ? formatDateTime(iso) : 'never');

const count = (n: number) => n.toLocaleString('en-GB');

/** What the status chip adds to the phase: documents left while syncing, changes waiting otherwise. */
export function countText(phase: SyncPhase, pendingChanges: number, toReceive: number): string {
  if (phase === 'standalone') return '';
  if (phase === 'syncing' && pendingChanges + toReceive > 0) return ` · ${count(pendingChanges + toReceive)} left`;
  return pendingChanges > 0 ? ` · ${count(pendingChanges)} pending` : '';
}

/** Settings → Team sync's line on the consistency check. */
export function consistencyText(consistency: { lastCheckedAt: string | null; differences: number }): string {
  if (!consistency.lastCheckedAt) return 'Consistency check: not run yet (it compares this PC with the server after every reconnect and every 10 minutes).';
  const found = consistency.differences === 0 ? 'no document has differed from the server' : `${count(consistency.differences)} ${consistency.differences === 1 ? 'document was' : 'documents were'} found different from the server and fetched again`;
  return `Consistency check: last run ${formatTime(consistency.lastCheckedAt)}; since this PC joined, ${found}.`;
}

/** Settings → Team sync's line on how the signed-in person's changes reach the server. */
export function changesSentAsText(sentAs: ChangesSentAs): string | null {
  if (sentAs === 'own_sign_in') return 'Your changes go to the server with your own sign-in.';
  if (sentAs === 'waits_for_sign_in') return 'You are not signed in to the sync server on this PC, so your changes wait here: sign out and in again while the server is reachable to send them.';
  return null;
}

/** One line per person whose changes wait on this PC (issue 18). */
export function waitingText(waiting: WaitingChangesView): string {
  const changes = `${waiting.personName}’s ${waiting.count === 1 ? 'change waits' : `${waiting.count} changes wait`}`;
  return waiting.waitsFor === 'sign_in'
    ? `${changes} for ${waiting.personName} to sign in on this PC while the server is reachable.`
    : `${changes} for the server, which cannot take ${waiting.count === 1 ? 'it' : 'them'} yet (for example a workflow step after one that waits); LabFlow sends ${waiting.count === 1 ? 'it' : 'them'} again every minute.`;
}
