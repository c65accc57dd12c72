import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { map, type Observable } from 'rxjs';
import { formatApiToken, parseApiToken, type TokenScope } from '../../src-shared/api/api-token-model';
import type { LabDatabase } from '../database/open-database';
import { localDocument$ } from '../database/local-document';

/**
 * API tokens, kept in a local document of this host's database (never replicated). A token is a
 * key to this host's API: syncing it would make every PC of the team accept it and spread key
 * material to the server and every PC, and revoking it here must stop it here at once, offline
 * too. The secret is never stored: a SHA-256 of it is (the secret is 32 random bytes, so a slow
 * password hash would only slow every call down without making a guess any less hopeless).
 */
export interface StoredApiToken {
  id: string;
  name: string;
  personId: string;
  scopes: TokenScope[];
  secretHash: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const TOKENS_KEY = 'api-tokens';
/** Last use is written at most this often per token: a busy integration must not turn every read into a write. */
const LAST_USED_EVERY_MS = 60_000;

const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

const sameHash = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
};

/** 12 characters of [a-z0-9], the token's public id. */
const newTokenId = (): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
};

function createApiTokenStore(db: LabDatabase) {
  let cache: StoredApiToken[] | undefined;
  // Changes one at a time: each reads the list the previous one left.
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(change: () => Promise<T>): Promise<T> => {
    const result = turn.then(change, change);
    turn = result.catch(() => undefined);
    return result;
  };
  const read = async (): Promise<StoredApiToken[]> => {
    if (!cache) {
      const doc = await db.getLocal<{ items: StoredApiToken[] }>(TOKENS_KEY);
      cache = doc ? [...(doc.toJSON().data as { items: StoredApiToken[] }).items] : [];
    }
    return cache;
  };
  const save = async (items: StoredApiToken[]): Promise<void> => {
    cache = items;
    await db.upsertLocal(TOKENS_KEY, { items });
  };

  return {
    all: read,
    all$: (): Observable<StoredApiToken[]> => localDocument$<{ items: StoredApiToken[] }>(db, TOKENS_KEY).pipe(map((doc) => (doc ? [...(doc.toJSON().data as { items: StoredApiToken[] }).items] : []))),

    /** A new token; the returned text (with its secret) is shown once and exists nowhere else. */
    create: (fields: Omit<StoredApiToken, 'id' | 'secretHash' | 'revokedAt' | 'lastUsedAt'>): Promise<{ token: StoredApiToken; text: string }> =>
      exclusive(async () => {
        const id = newTokenId();
        const secret = randomBytes(32).toString('base64url');
        const token: StoredApiToken = { ...fields, id, secretHash: hashOf(secret), revokedAt: null, lastUsedAt: null };
        await save([...(await read()), token]);
        return { token, text: formatApiToken(id, secret) };
      }),

    revoke: (id: string, nowIso: string): Promise<StoredApiToken | null> =>
      exclusive(async () => {
        const items = await read();
        const token = items.find((t) => t.id === id);
        if (!token || token.revokedAt) return token ?? null;
        const revoked = { ...token, revokedAt: nowIso };
        await save(items.map((t) => (t.id === id ? revoked : t)));
        return revoked;
      }),

    /** The stored token whose secret `text` carries, or null (unknown id or wrong secret alike). */
    async match(text: string): Promise<StoredApiToken | null> {
      const parsed = parseApiToken(text);
      if (!parsed) return null;
      const token = (await read()).find((t) => t.id === parsed.id);
      return token && sameHash(token.secretHash, hashOf(parsed.secret)) ? token : null;
    },

    /** Notes a use; written only when the last note is a minute old. */
    noteUse: (id: string, now: Date): Promise<void> =>
      exclusive(async () => {
        const items = await read();
        const token = items.find((t) => t.id === id);
        if (!token || (token.lastUsedAt && now.getTime() - Date.parse(token.lastUsedAt) < LAST_USED_EVERY_MS)) return;
        await save(items.map((t) => (t.id === id ? { ...t, lastUsedAt: now.toISOString() } : t)));
      }),
  };
}

export type ApiTokenStore = ReturnType<typeof createApiTokenStore>;

// One store per database, shared by the token commands and the HTTP adapter: a revocation must
// reach the cache the adapter checks. A test process may run several hosts, hence per database.
const stores = new WeakMap<LabDatabase, ApiTokenStore>();

export function apiTokenStoreOf(db: LabDatabase): ApiTokenStore {
  let store = stores.get(db);
  if (!store) {
    store = createApiTokenStore(db);
    stores.set(db, store);
  }
  return store;
}
