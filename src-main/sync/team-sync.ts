import { BehaviorSubject, combineLatest, map, Subscription, type Observable } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { pushAfter, syncCollections } from '../../src-shared/sync/collections';
import type { SessionTokens } from '../../src-shared/sync/protocol';
import { standaloneStatus, type ChangesSentAs, type SyncStatusView } from '../../src-shared/sync/sync-status';
import type { HostServices } from '../host/handler-types';
import { replicateCollection, type CollectionReplication } from './collection-replication';
import { fetchAllPeople, serverApi, ServerUnreachableError, unlockOnServer, type Fetch } from './server-api';
import { createServerSession, type ServerSession } from './server-session';
import { createSyncSettingsStore, type RefusedChange, type TeamSyncSettings } from './sync-settings-store';
import { finishPersonMerges, linkPeopleByEmail } from './link-people';
import { fetchOutboxKey, forgetOutboxKey } from './outbox-key-store';
import { createPersonSessions } from './person-sessions';
import { createOutageLog } from './outage-log';
import { createSyncStatusTracker } from './sync-status-tracker';
import { createConsistencyChecks } from './consistency-checks';
import { createDigestCheck } from './digest-check';
import { createAuthorSending } from './author-sending';
import { staysOnThisPc } from './push-sender';
import { waitingChanges } from './waiting-changes';

export interface TeamSyncOptions {
  fetch?: Fetch;
  /** Wait between retries of a failed pull or push. */
  retryTimeMs?: number;
  /** Longest wait, before a push, for the collections it depends on to be in sync. */
  pushOrderTimeoutMs?: number;
  /** A live stream silent this long is reconnected (the server sends heartbeats). */
  silenceTimeoutMs?: number;
  /** Longest wait between reconnection attempts of a live stream. */
  maxBackoffMs?: number;
  /** How often every collection's consistency check runs besides after each reconnect (default 10 minutes). */
  consistencyCheckMs?: number;
  onStatus?(status: SyncStatusView): void;
}

export interface ConnectInput {
  serverUrl: string;
  email: string;
  password: string;
  setupToken?: string | undefined;
}

/**
 * Team sync on this PC: signs in to the server, replicates every collection (src-shared/sync's
 * registry) while signed in, and turns what the replications report into one status. Resumes on
 * start from the stored sign-in, so it works offline and catches up when the server is back.
 */
/**
 * What went wrong, in words: RxDB wraps the handler's error (its own message starts with a blank
 * line and a code such as RC_PULL), so the first inner error's message is the one to show.
 */
export function describeReplicationError(error: Error): string {
  const inner = (error as { parameters?: { errors?: { message?: string }[] } }).parameters?.errors?.[0]?.message;
  const own = error.message.split('\n').map((line) => line.trim()).find(Boolean);
  return (inner ?? own ?? 'The sync server did not answer as expected.').split('\n')[0] ?? '';
}

export function createTeamSync(services: HostServices, options: TeamSyncOptions = {}) {
  const fetchFn = options.fetch ?? fetch;
  const store = createSyncSettingsStore(services.db);
  const people = createPersonSessions({ db: services.db, fetch: fetchFn, clock: services.clock, log: services.log });
  const status$ = new BehaviorSubject<SyncStatusView>(standaloneStatus);
  let settings: TeamSyncSettings | null = null;
  let session: ServerSession | null = null;
  let replications: CollectionReplication[] = [];
  const byName = new Map<string, CollectionReplication>();
  /** Each person's changes go with their own sign-in: the PC account's person with the PC's session, others with theirs (person-sessions.ts). */
  const sessionFor = (personId: string): ServerSession | null => (settings && session && personId === settings.tokens.person.id && !session.isEnded ? session : people.sessionFor(personId));
  const authorSending = createAuthorSending({ services, sessionFor, replicationOf: (name) => byName.get(name)?.state });
  let waiting: SyncStatusView['waiting'] = [];
  let subscriptions = new Subscription();
  let refused: RefusedChange[] = [];
  let isDisposed = false;
  const outages = createOutageLog(services.log, services.clock);
  const checks = createConsistencyChecks({
    log: services.log,
    clock: services.clock,
    intervalMs: options.consistencyCheckMs ?? 10 * 60_000,
    awaitSettled: (name) => waitAtMost(byName.get(name)?.state.awaitInSync() ?? Promise.resolve(), 30_000),
    load: () => store.loadChecks(),
    save: (totals) => services.runExclusive(() => store.saveChecks(totals)),
    onChange: () => publish(),
  });
  const tracker = createSyncStatusTracker({
    clock: services.clock,
    setTimer: (run, ms) => {
      const timer = setTimeout(run, ms);
      return () => clearTimeout(timer);
    },
    context: () => ({
      settings,
      refused,
      consistency: checks.totals(),
      waiting,
      toReceive: replications.reduce((sum, r) => sum + r.toReceive() + r.heldDocuments(), 0),
    }),
    onSynced: (at) => {
      if (!settings || settings.lastSyncedAt === at) return;
      settings = { ...settings, lastSyncedAt: at };
      const snapshot = settings;
      void services.runExclusive(() => store.save(snapshot)).catch((error: unknown) => services.log.warn('could not store the sync state', { error: String(error) }));
    },
    emit: (next) => {
      if (isDisposed) return;
      status$.next(next);
      options.onStatus?.(next);
    },
  });
  const { pending, active, streamsDown, unreachable } = tracker.state;
  const publish = () => {
    if (!isDisposed) tracker.changed();
  };

  /** Audit entries this PC never sends (push-sender.ts), judged with the directory as it is now. */
  const auditStayingHere = async () => {
    const known = new Set((await services.db.people.find().exec()).map((doc) => doc.primary));
    return (entry: Record<string, unknown>) => staysOnThisPc(entry, (personId) => known.has(personId));
  };

  const onRefused = (collection: string) => (refusals: { id: string; message: string }[], documents: Record<string, unknown>[]) => {
    const at = services.clock().toISOString();
    const items = refusals.map((r) => ({ collection, id: r.id, message: r.message, at, document: documents.find((d) => String(d.id ?? d.passportId) === r.id) ?? {} }));
    services.log.warn('the sync server refused changes', { collection, ids: refusals.map((r) => r.id) });
    void services.runExclusive(() => store.addRefused(items)).then((all) => {
      refused = all;
      publish();
    });
  };

  /** Whose changes wait, in Settings → Team sync; and someone signing in here lets theirs go. */
  function watchWaiting(): Subscription {
    const names$ = services.db.people.find({ selector: { kind: 'person' } }).$.pipe(map((docs) => new Map(docs.map((d) => [d.id, String(d.get('name'))]))));
    return combineLatest([authorSending.parked.rows$, people.people$, names$]).subscribe(([rows, , names]) => {
      authorSending.onSignIns();
      waiting = waitingChanges(rows, (id) => names.get(id) ?? id, (id) => sessionFor(id) !== null);
      publish();
    });
  }

  async function stopReplications() {
    subscriptions.unsubscribe();
    subscriptions = new Subscription();
    const stopping = replications;
    replications = [];
    byName.clear();
    await checks.stop();
    await Promise.all(stopping.map((r) => r.cancel().catch(() => undefined)));
    tracker.clearReplications();
    outages.reset();
  }

  async function startReplications(current: TeamSyncSettings) {
    tracker.state.endedMessage = null;
    tracker.state.isStarting = true;
    // Rows that wait for their authors are taken up before anything is pushed (parked-rows.ts).
    await authorSending.start(current.serverUrl);
    session = createServerSession({
      serverUrl: current.serverUrl,
      tokens: current.tokens,
      fetch: fetchFn,
      clock: services.clock,
      onRotated: async (tokens: SessionTokens) => {
        if (!settings) return;
        settings = { ...settings, tokens };
        const snapshot = settings;
        await services.runExclusive(() => store.save(snapshot));
      },
      onEnded: (message) => {
        tracker.state.endedMessage = message;
        services.log.warn('the sync server ended this PC’s sign-in', { message });
        void stopReplications().then(publish);
        publish();
      },
    });
    const identifierBase = `labflow-${hashOf(current.serverUrl)}`;
    // What the server judges a push against goes first (collections.ts `pushAfter`); never for longer than a while, so a stuck collection stalls no other.
    const afterDependencies = (name: string) => () =>
      waitAtMost(Promise.all((pushAfter[name] ?? []).map((dependency) => byName.get(dependency)?.state.awaitInSync())), options.pushOrderTimeoutMs ?? 30_000);
    for (const spec of syncCollections) {
      const collection = services.db[spec.name as keyof typeof services.db.collections];
      if (!collection) continue;
      const replication = replicateCollection({
        collection,
        spec,
        all: syncCollections,
        session,
        // Every change with its author's own sign-in; without one it waits (push-sender.ts).
        authors: authorSending.authors,
        onAnswered: (ids) => authorSending.onAnswered(spec.name, ids),
        identifier: `${identifierBase}-${spec.name}`,
        isLive: true,
        retryTimeMs: options.retryTimeMs ?? 5000,
        silenceTimeoutMs: options.silenceTimeoutMs ?? 45_000,
        maxBackoffMs: options.maxBackoffMs ?? 30_000,
        onRefused: onRefused(spec.name),
        ...(pushAfter[spec.name] ? { beforePush: afterDependencies(spec.name) } : {}),
        onPushed: (ids) => {
          for (const id of ids) pending.delete(`${spec.name}/${id}`);
          publish();
        },
        onRequestSucceeded: () => outages.succeeded(spec.name),
        onReachability: (isReachable, reason) => {
          const wasUnreachable = unreachable.has(spec.name);
          // Back online: people who signed in here meanwhile are signed in to the server, so their changes can go.
          if (isReachable && wasUnreachable) void people.retryPending();
          if (isReachable) unreachable.delete(spec.name);
          else {
            unreachable.add(spec.name);
            tracker.state.lastError = reason ?? null;
          }
          if (wasUnreachable !== !isReachable) publish();
        },
        onStreamState: (isUp, reason) => {
          if (isUp) {
            streamsDown.delete(spec.name);
            outages.succeeded(spec.name);
            // After every reconnect: does this PC hold what the server holds?
            checks.request(spec.name);
          } else {
            streamsDown.add(spec.name);
            tracker.state.lastError = reason ?? null;
          }
          publish();
        },
      });
      replications.push(replication);
      byName.set(spec.name, replication);
      subscriptions.add(replication.state.active$.subscribe((isActive) => {
        if (isActive) active.add(spec.name);
        else active.delete(spec.name);
        publish();
      }));
      checks.add(spec.name, createDigestCheck({
        collection,
        spec,
        all: syncCollections,
        send: (path, init) => replication.send(path, init),
        lastSeenSeq: () => replication.lastSeenSeq(),
        // Changes that wait for their author's sign-in differ from the server's on purpose (parked-rows.ts).
        isPending: (id) => pending.has(`${spec.name}/${id}`) || authorSending.parked.get(spec.name, id) !== null,
        deliver: (documents) => replication.deliver(documents),
        ...(spec.name === 'audit' ? { staysHere: auditStayingHere } : {}),
      }));
      subscriptions.add(replication.state.error$.subscribe((error) => {
        tracker.state.lastError = describeReplicationError(error);
        // Retries repeat the same error every few seconds while offline: one line per outage (outage-log.ts).
        outages.failed(spec.name, tracker.state.lastError, (error as { code?: string }).code);
      }));
      subscriptions.add(collection.eventBulks$.subscribe((bulk: { context: string; events: { documentId: string }[] }) => {
        if (bulk.context.startsWith('replication-')) return;
        for (const event of bulk.events) pending.add(`${spec.name}/${event.documentId}`);
        publish();
      }));
    }
    subscriptions.add(watchWaiting());
    const started = session;
    checks.start();
    void Promise.all(replications.map((r) => r.state.awaitInitialReplication())).then(() => {
      tracker.state.isStarting = false;
      publish();
      // Caught up, so the server is reachable: fetch its outbox key (administrators' PCs seal channel secrets with it).
      if (session === started && !isDisposed) void fetchOutboxKey(started, services);
    }, () => undefined);
    publish();
  }

  return {
    /** The status as people see it: paced, so it changes at most once a second (sync-status-tracker.ts). */
    status$,
    /** The status as it stands this moment, for a new subscriber and command results. */
    statusNow: (): SyncStatusView => tracker.now(),

    /** Resumes team sync from the stored sign-in (no network needed to start). */
    async start(): Promise<void> {
      // A merge of local people with the team's cut short by a crash is completed before anything is pushed.
      await services.runExclusive(() => finishPersonMerges(services));
      settings = await store.load();
      refused = await store.loadRefused();
      await checks.open();
      if (settings) await people.open(settings.serverUrl);
      if (settings) await startReplications(settings);
      publish();
    },

    /**
     * Settings → Team sync → Sign in, by a local administrator (sync-feature.ts). Runs inside a
     * command (the write queue). With a set-up token the joiner becomes the server's first
     * administrator under their own id, name and email, so only their own account can.
     */
    async connect(input: ConnectInput, actor: { id: string; name: string; email: string }): Promise<Result<SyncStatusView>> {
      const status = await serverApi.status(fetchFn, input.serverUrl);
      if (!status.ok) return status;
      let signedIn: Result<SessionTokens>;
      if (status.value.needsSetup) {
        if (!input.setupToken) return fail('invalid_state', 'This server has no administrator yet. Enter the set-up token it printed when it started to become its administrator.', { field: 'setupToken' });
        if (input.email.trim().toLowerCase() !== actor.email.trim().toLowerCase()) {
          return fail('invalid_input', 'Set up the server with your own email and password: you become its administrator.', { field: 'email' });
        }
        signedIn = await serverApi.setup(fetchFn, input.serverUrl, { setupToken: input.setupToken, id: actor.id, name: actor.name, email: input.email, password: input.password });
      } else {
        signedIn = await serverApi.signIn(fetchFn, input.serverUrl, input.email, input.password);
      }
      if (!signedIn.ok) return signedIn;
      await stopReplications();
      const tokens = signedIn.value;
      const serverPeople = await fetchAllPeople(fetchFn, input.serverUrl, tokens.accessToken);
      if (!serverPeople.ok) return serverPeople;
      await linkPeopleByEmail(services, serverPeople.value, actor);
      settings = { serverUrl: input.serverUrl, tokens, lastSyncedAt: settings?.serverUrl === input.serverUrl ? settings.lastSyncedAt : null };
      await store.save(settings);
      await checks.open();
      // The people's own sign-ins are for one server; joining another forgets them.
      await people.open(input.serverUrl);
      services.log.info('joined team sync', { serverUrl: input.serverUrl, personId: tokens.person.id });
      await startReplications(settings);
      return ok(tracker.now());
    },

    /** Stops syncing and forgets the sign-in; every record stays on this PC. */
    async disconnect(): Promise<Result<SyncStatusView>> {
      const ending = session;
      await stopReplications();
      if (ending && !ending.isEnded) await ending.signOut().catch(() => undefined);
      session = null;
      settings = null;
      tracker.state.endedMessage = null;
      pending.clear();
      await people.forgetAll();
      await store.clear();
      await checks.open();
      await forgetOutboxKey(services.db);
      publish();
      return ok(tracker.now());
    },

    /**
     * A person signed in on this PC with `password`: signs them in to the team's server too, so
     * their changes go with their own identity (person-sessions.ts). True when the server accepted
     * the password, which also lets someone an administrator added on another PC sign in here for
     * the first time (this PC has their person, not their hash). False when not in a team, the
     * server is unreachable or refuses; never throws. The PC account's person needs no second
     * sign-in: for them the server is asked only when `isPasswordCheck` (no local password yet).
     */
    async signInPerson(person: { id: string; email: string }, password: string, isPasswordCheck = false): Promise<boolean> {
      if (!settings) return false;
      if (person.id !== settings.tokens.person.id) return people.signIn(person, password);
      if (!isPasswordCheck) return true;
      const result = await serverApi.signIn(fetchFn, settings.serverUrl, person.email, password);
      if (!result.ok) return false;
      await serverApi.signOut(fetchFn, settings.serverUrl, result.value.refreshToken);
      return true;
    },

    /** Settings → Team sync's line for one person: whether their changes go with their own server sign-in or wait for one. */
    changesSentAs$(personId: string | null): Observable<ChangesSentAs> {
      return combineLatest([status$, people.people$]).pipe(
        map(([status]): ChangesSentAs => {
          if (!personId || status.phase === 'standalone' || !settings) return null;
          return sessionFor(personId) ? 'own_sign_in' : 'waits_for_sign_in';
        }),
      );
    },

    /**
     * Asks the server to end `personId`'s sign-in locks, with `adminId`'s own sign-in (the server
     * checks they are an administrator). Null when not in a team.
     */
    async unlockSignIn(adminId: string, personId: string): Promise<Result<number> | null> {
      if (!settings) return null;
      const via = sessionFor(adminId);
      if (!via) return fail('unauthenticated', 'You are not signed in to the sync server on this PC: sign out and in again while it is reachable, then unlock.');
      return unlockOnServer(via, personId);
    },

    /**
     * The sign-in that file transfers (src-main/files/blob-replication.ts) go with: the person's own
     * when they have one on this PC, otherwise the PC's account; null when not in a team.
     */
    serverSession(personId?: string): ServerSession | null {
      if (!session || session.isEnded || !settings) return null;
      return (personId ? people.sessionFor(personId) : null) ?? session;
    },

    /** Retries at once: re-syncs every collection. */
    syncNow(): Result<SyncStatusView> {
      if (!settings) return fail('invalid_state', 'Team sync is not set up on this PC.');
      if (tracker.state.endedMessage) return fail('unauthenticated', tracker.state.endedMessage);
      for (const r of replications) r.state.reSync();
      authorSending.retryWaiting();
      return ok(tracker.now());
    },

    async dispose(): Promise<void> {
      isDisposed = true;
      await stopReplications();
      tracker.dispose();
      authorSending.dispose();
      people.dispose();
      status$.complete();
    },
  };
}

export type TeamSync = ReturnType<typeof createTeamSync>;

/** Waits for `work`, but no longer than `ms`; its failure counts as done. */
export async function waitAtMost(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([work.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

/** A short stable name for a server, so each server gets its own replication checkpoints. */
function hashOf(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) >>> 0;
  return h.toString(36);
}

export { ServerUnreachableError };
