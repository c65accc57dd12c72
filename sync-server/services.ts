import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIdSource } from '../src-shared/core/ids';
import { syncCollections, type SyncCollection } from '../src-shared/sync/collections';
import type { SqlDatabase } from './db/sql-database';
import { createAccessTokens, type AccessTokenIssuer } from './auth/access-tokens';
import { createRefreshTokens, type RefreshTokens } from './auth/refresh-tokens';
import { createSignInLimiter } from './auth/sign-in-limiter';
import { resolveSigningSecret } from './auth/signing-secret';
import { createChangeFeed, type ChangeFeed } from './replication/change-feed';
import { createDocumentValidator, type DocumentValidator } from './replication/document-validator';
import { createDigestIndex, type DigestIndex } from './replication/digest-index';
import { loadOutboxKey, type LoadedOutboxKey } from './outbox/outbox-key';
import { createBlobFolder, type BlobFolder } from './blobs/blob-folder';

/** Everything the routes use, built once per server process (STYLE.md §9: plain factory injection). */
export interface ServerServices {
  db: SqlDatabase;
  collections: SyncCollection[];
  accessTokens: AccessTokenIssuer;
  refreshTokens: RefreshTokens;
  signInLimiter: ReturnType<typeof createSignInLimiter>;
  changeFeed: ChangeFeed;
  validator: DocumentValidator;
  /** Per-collection content hashes for the consistency check's digests. */
  digests: DigestIndex;
  /** The key pair PCs seal channel secrets (SMTP password, webhook secrets) for; the public half is served to them. */
  outboxKey: LoadedOutboxKey;
  /** Attachment bytes (sync-server/blobs/): a folder beside the data. */
  blobs: BlobFolder;
  clock: () => Date;
  newId: () => string;
  heartbeatMs: number;
  close(): Promise<void>;
}

export interface ServiceOptions {
  jwtSecret?: string | undefined;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlDays?: number;
  heartbeatMs?: number;
  /** Defaults to every LabFlow collection; tests register extra ones. */
  collections?: SyncCollection[];
  clock?: () => Date;
  signInAttemptsPerWindow?: number;
  /** Where attachment bytes are kept; a fresh temporary folder when absent (tests). */
  blobDir?: string;
}

/** Builds the server's services on a migrated database. */
export async function createServerServices(db: SqlDatabase, options: ServiceOptions = {}): Promise<ServerServices> {
  const clock = options.clock ?? (() => new Date());
  const collections = options.collections ?? syncCollections;
  const secret = await resolveSigningSecret(db, options.jwtSecret);
  const outboxKey = await loadOutboxKey(db, secret);
  const changeFeed = await createChangeFeed(db);
  return {
    db,
    collections,
    accessTokens: createAccessTokens(secret, options.accessTokenTtlSeconds ?? 600),
    refreshTokens: createRefreshTokens(db, options.refreshTokenTtlDays ?? 30),
    signInLimiter: createSignInLimiter({ maxAttempts: options.signInAttemptsPerWindow ?? 100, windowMs: 5 * 60_000 }),
    changeFeed,
    validator: createDocumentValidator(collections),
    digests: createDigestIndex(db, collections),
    outboxKey,
    blobs: createBlobFolder(options.blobDir ?? mkdtempSync(join(tmpdir(), 'labflow-blobs-'))),
    clock,
    newId: createIdSource(() => clock().getTime(), (n) => randomBytes(n)),
    heartbeatMs: options.heartbeatMs ?? 15_000,
    close: () => changeFeed.close(),
  };
}
