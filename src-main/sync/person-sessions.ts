import { createHash } from 'node:crypto';
import { BehaviorSubject } from 'rxjs';
import type { SessionTokens } from '../../src-shared/sync/protocol';
import type { LabDatabase } from '../database/open-database';
import type { Logger } from '../logging/logger';
import { serverApi, type Fetch } from './server-api';
import { createServerSession, type ServerSession } from './server-session';

/**
 * The local document (never replicated) with the server sign-ins of the people who signed in on this
 * PC: refresh tokens only, kept like the PC account's in `team-sync` (a plain local document in the
 * PC's database), so their changes keep going with their own identity after a restart.
 */
const PEOPLE_SESSIONS_KEY = 'team-sync-people';
/** How long a password that could not reach the server is kept (in memory) to sign its person in later. */
const PENDING_HOURS = 12;

interface StoredPersonSession {
  person: SessionTokens['person'];
  refreshToken: string;
}

interface StoredPeopleSessions {
  serverUrl: string;
  people: StoredPersonSession[];
}

export interface PersonSessionsOptions {
  db: LabDatabase;
  fetch: Fetch;
  clock: () => Date;
  log: Logger;
}

interface Entry extends StoredPersonSession {
  session: ServerSession;
}

/**
 * Each person's own sign-in to the sync server on this PC (the PC account's is team-sync's).
 * Access tokens stay in memory; refresh tokens are stored before a rotated one is used. A sign-in
 * the server ends (refresh refused, person deactivated) is dropped and logged: that person's
 * changes then wait until they sign in here again while the server is reachable (parked-rows.ts).
 *
 * Someone who signs in here while the server cannot be reached is signed in to it as soon as it
 * can: their password is kept in memory (never stored) until then, for at most PENDING_HOURS.
 */
export function createPersonSessions(options: PersonSessionsOptions) {
  const { db, log } = options;
  const entries = new Map<string, Entry>();
  /** Ids of the people who have a server sign-in on this PC, live. */
  const people$ = new BehaviorSubject<ReadonlySet<string>>(new Set());
  let serverUrl: string | null = null;
  let writing: Promise<void> = Promise.resolve();
  /**
   * Passwords (as salted fingerprints, in memory) the server refused for a person: not tried again,
   * so someone whose PC and server passwords differ does not lock their server account by signing
   * in here every day.
   */
  const refused = new Set<string>();
  const fingerprint = (url: string, personId: string, password: string) => createHash('sha256').update(`${url}\u0000${personId}\u0000${password}`).digest('base64url');

  const changed = () => people$.next(new Set(entries.keys()));
  /** Passwords of people whose sign-in could not reach the server, in memory only, tried again when it is reachable. */
  const pending = new Map<string, { person: { id: string; email: string }; password: string; until: number }>();

  /** Stores the current sign-ins; writes one after another, so an older snapshot never lands last. */
  const persist = (): Promise<void> => {
    const snapshot: StoredPeopleSessions | null = serverUrl && entries.size > 0 ? { serverUrl, people: [...entries.values()].map(({ person, refreshToken }) => ({ person, refreshToken })) } : null;
    const done = writing.then(async () => {
      if (snapshot) await db.upsertLocal<StoredPeopleSessions>(PEOPLE_SESSIONS_KEY, snapshot);
      else await (await db.getLocal(PEOPLE_SESSIONS_KEY))?.remove();
    });
    writing = done.catch(() => undefined);
    return done;
  };

  const keep = (url: string, tokens: SessionTokens) => {
    const id = tokens.person.id;
    const entry: Entry = {
      person: tokens.person,
      refreshToken: tokens.refreshToken,
      session: createServerSession({
        serverUrl: url,
        tokens,
        fetch: options.fetch,
        clock: options.clock,
        onRotated: async (rotated) => {
          if (entries.get(id) !== entry) return;
          entry.refreshToken = rotated.refreshToken;
          await persist();
        },
        onEnded: (message) => {
          if (entries.get(id) !== entry) return;
          entries.delete(id);
          log.warn('a person’s server sign-in ended; their changes wait until they sign in again', { personId: id, message });
          changed();
          void persist().catch((error: unknown) => log.warn('could not store the people’s server sign-ins', { error: String(error) }));
        },
      }),
    };
    entries.set(id, entry);
  };

  return {
    people$,

    /** Takes up the stored sign-ins for `url`; those for another server are forgotten. */
    async open(url: string): Promise<void> {
      if (serverUrl === url) return;
      entries.clear();
      serverUrl = url;
      const stored = (await db.getLocal<StoredPeopleSessions>(PEOPLE_SESSIONS_KEY))?.toJSON().data as StoredPeopleSessions | undefined;
      if (stored?.serverUrl === url) {
        // No access token after a restart: the first request refreshes (and stores the rotated token).
        for (const { person, refreshToken } of stored.people) keep(url, { person, refreshToken, accessToken: '', accessTokenExpiresAt: new Date(0).toISOString() });
      } else if (stored) await persist();
      changed();
    },

    /**
     * Signs `person` in to the server with the password they just gave this PC and keeps the sign-in.
     * False (and nothing kept) when the server is unreachable, refuses the password or knows that
     * email as someone else; never throws.
     */
    async signIn(person: { id: string; email: string }, password: string): Promise<boolean> {
      const url = serverUrl;
      if (!url) return false;
      if (this.sessionFor(person.id)) return true;
      const key = fingerprint(url, person.id, password);
      if (refused.has(key)) return false;
      const result = await serverApi.signIn(options.fetch, url, person.email, password);
      if (!result.ok) {
        if (result.error.code === 'unauthenticated') refused.add(key);
        if (result.error.code === 'server_unreachable') pending.set(person.id, { person, password, until: options.clock().getTime() + PENDING_HOURS * 3_600_000 });
        else pending.delete(person.id);
        log.info('no server sign-in for this person; their changes wait for one', { personId: person.id, code: result.error.code });
        return false;
      }
      pending.delete(person.id);
      if (result.value.person.id !== person.id || serverUrl !== url) {
        log.warn('the server’s sign-in is for someone else; not kept', { personId: person.id, serverPersonId: result.value.person.id });
        await serverApi.signOut(options.fetch, url, result.value.refreshToken);
        return false;
      }
      keep(url, result.value);
      changed();
      await persist().catch((error: unknown) => log.warn('could not store the people’s server sign-ins', { error: String(error) }));
      return true;
    },

    /**
     * Tries again the sign-ins that could not reach the server (call when it is reachable again).
     * Resolves with how many people are now signed in.
     */
    async retryPending(): Promise<number> {
      const nowMs = options.clock().getTime();
      let signedIn = 0;
      for (const [id, waiting] of [...pending]) {
        if (waiting.until < nowMs) pending.delete(id);
        else if (await this.signIn(waiting.person, waiting.password)) signedIn++;
      }
      return signedIn;
    },

    /** The person's own server sign-in, or null (then their changes wait, parked-rows.ts). */
    sessionFor(personId: string): ServerSession | null {
      const entry = entries.get(personId);
      return entry && !entry.session.isEnded ? entry.session : null;
    },

    /** Team sync → Disconnect: signs every person out of the server (when it answers) and forgets them. */
    async forgetAll(): Promise<void> {
      const ending = [...entries.values()];
      entries.clear();
      pending.clear();
      serverUrl = null;
      changed();
      await Promise.all(ending.map((e) => e.session.signOut().catch(() => undefined)));
      await persist();
    },

    dispose(): void {
      people$.complete();
    },
  };
}

export type PersonSessions = ReturnType<typeof createPersonSessions>;
