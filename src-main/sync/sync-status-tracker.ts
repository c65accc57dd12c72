import { derivePhase, type SyncStatusView } from '../../src-shared/sync/sync-status';
import type { ConsistencyTotals } from './consistency-checks';
import { createStatusPacer } from './status-pacer';
import type { RefusedChange, TeamSyncSettings } from './sync-settings-store';

/** Least time between two changes of what the status chip shows. */
export const STATUS_INTERVAL_MS = 1000;
/** How long every replication must have been idle before the phase says "up to date". */
export const QUIET_MS = 1000;

export interface StatusTrackerOptions {
  clock: () => Date;
  setTimer(run: () => void, ms: number): () => void;
  /** What only team sync knows, read when the status is computed. */
  context(): { settings: TeamSyncSettings | null; refused: readonly RefusedChange[]; consistency: ConsistencyTotals; waiting: SyncStatusView['waiting']; toReceive: number };
  /** The phase became "up to date" at `at`: remembered as the last successful sync. */
  onSynced(at: string): void;
  emit(view: SyncStatusView): void;
}

/**
 * What team sync tells a person (Settings → Team sync and the status chip), from what the
 * replications report. The replications report many small events (each page, each push of twelve
 * collections), so the status is paced (status-pacer.ts): it changes at most once a second, and
 * says "up to date" only once everything has been idle for a moment, so catching up does not make
 * the chip flicker between "syncing" and "up to date". `now()` is the status as it stands, for
 * command results.
 */
export function createSyncStatusTracker(options: StatusTrackerOptions) {
  const state = {
    /** `collection/id` of local changes the server has not answered yet. */
    pending: new Set<string>(),
    active: new Set<string>(),
    streamsDown: new Set<string>(),
    unreachable: new Set<string>(),
    endedMessage: null as string | null,
    isStarting: false,
    lastError: null as string | null,
  };
  let lastBusyAt = -Infinity;
  let lastPhase: SyncStatusView['phase'] = 'standalone';
  const now = () => options.clock().getTime();
  const isBusy = (toReceive: number) => state.active.size > 0 || state.pending.size > 0 || toReceive > 0;

  function compute(): SyncStatusView {
    const { settings, refused, consistency, waiting, toReceive } = options.context();
    const phase = derivePhase({
      isConfigured: settings !== null,
      endedMessage: state.endedMessage,
      isStarting: state.isStarting,
      isUnreachable: state.unreachable.size > 0 || state.streamsDown.size > 0,
      isActive: isBusy(toReceive) || now() - lastBusyAt < QUIET_MS,
      pendingChanges: state.pending.size,
      toReceive,
    });
    // While syncing, the count of what is left and the quiet moment change without an event: look again in a second.
    if (phase === 'syncing') pacer.recheckAt(now() + STATUS_INTERVAL_MS);
    const lastSyncedAt = phase === 'up_to_date' && lastPhase !== 'up_to_date' ? options.clock().toISOString() : (settings?.lastSyncedAt ?? null);
    return {
      phase,
      serverUrl: settings?.serverUrl ?? null,
      account: settings ? settings.tokens.person : null,
      pendingChanges: state.pending.size,
      toReceive,
      lastSyncedAt,
      changesSentAs: null,
      error: state.endedMessage ?? (phase === 'offline' ? `The sync server cannot be reached${state.lastError ? ` (${state.lastError})` : ''}. Changes are kept on this PC and sent when it is back.` : null),
      refused: refused.slice(-20).map(({ document: _doc, ...view }) => view).reverse(),
      waiting,
      consistency,
    };
  }

  const pacer = createStatusPacer<SyncStatusView>({
    minIntervalMs: STATUS_INTERVAL_MS,
    clock: now,
    compute,
    isSame: (a, b) => JSON.stringify(a) === JSON.stringify(b),
    setTimer: options.setTimer,
    emit(view) {
      if (view.phase === 'up_to_date' && lastPhase !== 'up_to_date' && view.lastSyncedAt) options.onSynced(view.lastSyncedAt);
      lastPhase = view.phase;
      options.emit(view);
    },
  });

  return {
    state,
    /** Something the status depends on changed. */
    changed(): void {
      if (isBusy(options.context().toReceive)) lastBusyAt = now();
      else if (Number.isFinite(lastBusyAt)) pacer.recheckAt(lastBusyAt + QUIET_MS);
      pacer.request();
    },
    now: compute,
    /** The replications stopped: nothing of theirs is active, down or unreachable any more. */
    clearReplications(): void {
      state.active.clear();
      state.streamsDown.clear();
      state.unreachable.clear();
    },
    dispose: () => pacer.dispose(),
  };
}

export type SyncStatusTracker = ReturnType<typeof createSyncStatusTracker>;
