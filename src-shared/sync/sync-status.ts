/**
 * What the desktop tells a person about team sync (Settings → Team sync and the status chip).
 * - standalone: no server set up; nothing leaves this PC.
 * - offline: a server is set up but cannot be reached; changes wait here and go when it is back.
 * - connecting: signing in / opening the live stream.
 * - syncing: sending or receiving changes.
 * - up_to_date: everything sent and received; live changes arrive as they happen.
 * - error: sync stopped until the person acts (signed out by the server, refused sign-in …).
 */
export const syncPhases = ['standalone', 'offline', 'connecting', 'syncing', 'up_to_date', 'error'] as const;
export type SyncPhase = (typeof syncPhases)[number];

export interface SyncAccountView {
  id: string;
  name: string;
  email: string;
  roles: string[];
}

/** A write the server refused: kept on this PC (nothing disappears without a trace) and shown. */
export interface RefusedChangeView {
  collection: string;
  id: string;
  message: string;
  at: string;
}

/**
 * How the signed-in person's changes reach the server: with their own sign-in (the server judges
 * them), or not yet — they have no server sign-in on this PC, so their changes wait until they sign
 * in while the server is reachable. Null standalone or signed out.
 */
export type ChangesSentAs = 'own_sign_in' | 'waits_for_sign_in' | null;

/**
 * Changes on this PC that wait (issue 18), per person: for that person's own server sign-in
 * (`sign_in`: they sign in here while the server is reachable), or for the server to be able to
 * judge them (`server`: e.g. a workflow step after one that waits; sent again by themselves).
 */
export interface WaitingChangesView {
  personId: string;
  personName: string;
  count: number;
  waitsFor: 'sign_in' | 'server';
}

export interface SyncStatusView {
  phase: SyncPhase;
  serverUrl: string | null;
  account: SyncAccountView | null;
  /** Local changes not yet accepted by the server. */
  pendingChanges: number;
  /** Changes still to receive while catching up (the server's count when the catch-up began, less what arrived). */
  toReceive: number;
  /** When everything was last sent and received (ISO UTC). */
  lastSyncedAt: string | null;
  /** For the person asking (sync/status is per UI connection). */
  changesSentAs: ChangesSentAs;
  /** The current problem in words, when there is one. */
  error: string | null;
  refused: RefusedChangeView[];
  /**
   * The consistency check, which compares this PC's documents with the server's now and then and
   * fetches again any this PC holds differently: when it last did, and how many documents it has
   * found different since this PC joined.
   */
  consistency: { lastCheckedAt: string | null; differences: number };
  /** Changes that wait to be sent, by person. */
  waiting: WaitingChangesView[];
}

export const standaloneStatus: SyncStatusView = {
  phase: 'standalone',
  serverUrl: null,
  account: null,
  pendingChanges: 0,
  toReceive: 0,
  lastSyncedAt: null,
  changesSentAs: null,
  error: null,
  refused: [],
  consistency: { lastCheckedAt: null, differences: 0 },
  waiting: [],
};

/** A conflict the server resolved: which record, which fields kept which value, whose version lost. */
export interface ConflictView {
  id: string;
  at: string;
  collection: string;
  recordId: string;
  /** Who pushed the losing version. */
  byId: string;
  fields: { field: string; kept: unknown; lost: unknown }[];
  /** What the record is called (and its code, for records found by code); null when it is not on this PC. */
  record: { title: string; code?: string } | null;
}

export interface PhaseInputs {
  isConfigured: boolean;
  /** Why the server ended this PC's sign-in, when it did. */
  endedMessage: string | null;
  /** Signing in or opening the live streams for the first time since start. */
  isStarting: boolean;
  /** The server could not be reached on the last attempt (a pull, push or stream). */
  isUnreachable: boolean;
  /** A pull or push is running, or ran less than a moment ago (catching up comes in bursts: the phase does not flicker between them). */
  isActive: boolean;
  pendingChanges: number;
  toReceive: number;
}

/** The phase a person sees, from what the replications report. Pure. */
export function derivePhase(inputs: PhaseInputs): SyncPhase {
  if (!inputs.isConfigured) return 'standalone';
  if (inputs.endedMessage) return 'error';
  if (inputs.isUnreachable) return 'offline';
  if (inputs.isStarting) return 'connecting';
  if (inputs.isActive || inputs.pendingChanges > 0 || inputs.toReceive > 0) return 'syncing';
  return 'up_to_date';
}
