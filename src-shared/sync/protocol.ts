import type { ErrorCode } from '../core/error-codes';
import type { BucketDigest, DigestEntry } from './digest';

/**
 * The sync protocol between a desktop host and the sync server (DESIGN.md §5): RxDB's replication
 * protocol per collection over HTTP. Bump SYNC_PROTOCOL_VERSION whenever a message shape changes;
 * the server refuses clients of another version with `sync_protocol_mismatch`.
 */
export const SYNC_PROTOCOL_VERSION = 2;

/** Every sync route lives under this prefix; the version is in the path so old clients fail loudly. */
export const SYNC_API_PREFIX = `/sync/v${SYNC_PROTOCOL_VERSION}`;

/** Header a client sends with its protocol version. */
export const SYNC_VERSION_HEADER = 'x-labflow-sync-version';

/** Largest pull batch a client may ask for; larger `limit`s are clamped. */
export const MAX_PULL_BATCH = 1000;
/** Largest push batch the server accepts in one request. */
export const MAX_PUSH_BATCH = 200;
/** Request bodies larger than this are refused with 413 before they are parsed. */
export const MAX_SYNC_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Where a reader is in one collection's change feed: the server-assigned sequence of the last
 * document seen plus its id. `scope` fingerprints what the reader was allowed to read when the
 * checkpoint was made; when it no longer matches, the server replays the feed from the start so
 * documents the reader lost access to are removed from their PCs.
 */
export interface SyncCheckpoint {
  seq: number;
  id: string;
  scope: string;
}

/** A document on the wire: the stored fields plus RxDB's `_deleted` flag. */
export type WireDocument = Record<string, unknown> & { _deleted: boolean };

export interface PullResponse {
  documents: WireDocument[];
  checkpoint: SyncCheckpoint | null;
  /**
   * Changes of the collection after `checkpoint` (for collections with read rules an upper bound:
   * some may be withheld), when the pull asked with SYNC_COUNT_HEADER. What "documents left to
   * sync" counts while a PC catches up. Absent from servers before it existed.
   */
  remaining?: number;
}

/** A pull sends this header (any value) to have `remaining` counted: once per catch-up, not per page. */
export const SYNC_COUNT_HEADER = 'x-labflow-count-remaining';

/**
 * `GET /:collection/digest`: what the signed-in reader may read of the collection, summarised per
 * bucket of ids (digest.ts), and the newest change it covers (`seq`: a PC whose checkpoint is
 * behind it has not seen everything yet and compares later). Servers before the consistency check
 * answer 404; a PC then skips it.
 */
export interface CollectionDigest {
  seq: number;
  buckets: BucketDigest[];
}

/** `GET /:collection/digest/entries?buckets=3,17`: the entries of those buckets. */
export interface DigestEntries {
  seq: number;
  entries: DigestEntry[];
}

/** Most ids `POST /:collection/documents` takes at once, and most buckets one entries request lists. */
export const MAX_DOCUMENTS_BY_ID = 500;

/**
 * `POST /:collection/documents` with `{ids}`: the server's current version of each id it has, with
 * the sequence number it was stored under; a document the reader may not read comes as its
 * tombstone, one the server never had is left out.
 */
export interface DocumentsById {
  documents: { seq: number; document: WireDocument }[];
}

/** Most audit entries one pushed row may name in `auditIds`. */
export const MAX_AUDIT_IDS_PER_ROW = 500;

export interface PushRow {
  assumedMasterState?: WireDocument | null;
  newDocumentState: WireDocument;
  /**
   * The ids of this PC's audit entries, written by the pusher, that led from the assumed state to
   * this one (the last of them is the document's `auditId`). The server keeps them as claims: an
   * audit entry pushed later is accepted only when a change it describes was (protocol 2).
   */
  auditIds?: string[];
  /**
   * The row's author has no sign-in on this PC, so another person's sign-in carries it only to ask
   * whether it changes anything: the server answers as usual when it does not, and lists it in
   * `waiting` when it does, storing nothing (protocol 2).
   */
  isProbe?: boolean;
}

/** Why the server refused one pushed document; shown to the person and never retried. */
export interface RefusedWrite {
  collection: string;
  id: string;
  code: ErrorCode;
  message: string;
}

/**
 * The server's answer to a push. `conflicts` follows RxDB: the server's current document for every
 * row it did not take as sent (a real conflict, a field-level merge, or a refused write, whose
 * master is a tombstone when the server never had the document). `refused` says why rows were refused.
 */
export interface PushResponse {
  conflicts: WireDocument[];
  refused: RefusedWrite[];
  /**
   * Ids of rows the server neither took nor refused: a probe that would change something (it needs
   * its author's own sign-in), or a row that cannot be judged yet (a workflow event after a gap, a
   * timer not yet due by the server's clock). The PC keeps them and sends them again later.
   */
  waiting?: string[];
}

/** One live event on the Server-Sent Events stream (`event: changes`). */
export type StreamEvent = PullResponse;

export const checkpointToQuery = (checkpoint: SyncCheckpoint | null | undefined): Record<string, string> =>
  checkpoint ? { seq: String(checkpoint.seq), id: checkpoint.id, scope: checkpoint.scope } : {};

/** What sign-in, set-up and refresh return. The refresh token is single-use: each refresh returns the next. */
export interface SessionTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  person: { id: string; name: string; email: string; roles: string[] };
}

/** `GET /auth/status`: whether the server still waits for its first administrator. */
export interface ServerStatus {
  needsSetup: boolean;
  protocolVersion: number;
}
