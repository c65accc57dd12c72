import { combineLatest, defer, distinctUntilChanged, map, merge, of, skip, switchMap } from 'rxjs';
import { fail, ok, type Result } from '../../src-shared/core/result';
import { toPersonView } from '../../src-shared/people/person';
import { isAdmin } from '../../src-shared/people/roles';
import { standaloneStatus } from '../../src-shared/sync/sync-status';
import type { LabDatabase } from '../database/open-database';
import type { HostFeature } from '../host/feature';
import type { CommandContext, QueryContext } from '../host/handler-types';
import { findPersonByEmail } from '../people/people-store';
import { conflictListQuery, recordConflictsQuery, reviewConflictCommand } from './record-conflicts-query';
import { createTeamSync, waitAtMost, type TeamSync } from './team-sync';

// One team sync per host, found by the host's database: a test process may run several hosts.
const engines = new WeakMap<LabDatabase, TeamSync>();
const engineOf = (context: QueryContext | CommandContext) => engines.get(context.db);
const notRunning = () => fail('invalid_state', 'Team sync is not running on this host.');

/**
 * Joining a team uploads this PC's records and makes the joiner the PC's account with the server,
 * and leaving stops every person's sync: an administrator's act on this PC (issue 18), checked
 * against the roles the directory holds now.
 */
const localAdministratorOnly = (context: CommandContext) =>
  context.session && isAdmin(context.session.person.roles) ? null : fail('forbidden', 'Only an administrator of this PC can join it to a team or stop its team sync.');

/**
 * For a first local sign-in (no password hash here yet): true when this host is in a team and the
 * team's server accepts the password. The server sign-in is kept, so their changes go as them.
 */
export const checkPasswordWithTeam = async (db: LabDatabase, person: { id: string; email: string }, password: string): Promise<boolean> =>
  (await engines.get(db)?.signInPerson(person, password, true)) ?? false;

/**
 * For a local sign-in checked here: signs the person in to the team's server too, so their changes
 * go with their own identity. Waits at most `waitMs`, then lets it finish in the background.
 */
export async function signInToTeam(db: LabDatabase, person: { id: string; email: string }, password: string, waitMs: number): Promise<void> {
  const signingIn = engines.get(db)?.signInPerson(person, password);
  if (signingIn) await waitAtMost(signingIn, waitMs);
}

/** This host's team sync (its status and server sign-ins), for the files feature's transfers; undefined before it starts. */
export const teamSyncOf = (db: LabDatabase): Pick<TeamSync, 'status$' | 'serverSession'> | undefined => engines.get(db);

/** The team-sync phase of this host ('standalone' when it is not in a team). */
export const teamSyncPhaseOf = (db: LabDatabase) => engines.get(db)?.status$.value.phase ?? standaloneStatus.phase;

/**
 * Settings → People & roles → Unlock sign-in, in team mode: asks the server, with the
 * administrator's own sign-in here, to end the person's sign-in locks. Null standalone.
 */
export async function unlockOnTeamServer(db: LabDatabase, adminId: string, personId: string): Promise<Result<number> | null> {
  const engine = engines.get(db);
  return engine ? engine.unlockSignIn(adminId, personId) : null;
}

/**
 * Joining may have matched the signed-in person with the team's by email (link-people.ts), which
 * removes their local id: the session continues as the team's person, so what they do next is
 * recorded under the id the team knows.
 */
async function continueAsTeamPerson(context: CommandContext): Promise<void> {
  const session = context.session;
  if (!session || (await context.db.people.findOne(session.person.id).exec())) return;
  const person = await findPersonByEmail(context.db, session.person.email);
  if (person) context.sessions.start(toPersonView(person), context.clock().getTime());
}

/** Team sync: Settings → Team sync commands, the status and conflicts queries, and the background replication. */
export const syncFeature: HostFeature = {
  name: 'sync',
  commands: {
    async 'sync/connect'(input, context) {
      const refused = localAdministratorOnly(context);
      if (refused) return refused;
      const engine = engineOf(context);
      if (!engine) return notRunning();
      const result = await engine.connect(input, { ...context.actor, email: context.session?.person.email ?? '' });
      if (result.ok) await continueAsTeamPerson(context);
      return result;
    },
    async 'sync/disconnect'(_input, context) {
      const refused = localAdministratorOnly(context);
      if (refused) return refused;
      const engine = engineOf(context);
      return engine ? engine.disconnect() : notRunning();
    },
    async 'sync/sync-now'(_input, context) {
      const engine = engineOf(context);
      return engine ? engine.syncNow() : notRunning();
    },
    'sync/review-conflict': reviewConflictCommand,
  },
  queries: {
    'sync/status': (_input, context) => {
      const engine = engineOf(context);
      if (!engine) return of(ok(standaloneStatus));
      const sentAs$ = context.sessions.session$.pipe(
        map((session) => session?.person.id ?? null),
        distinctUntilChanged(),
        switchMap((personId) => engine.changesSentAs$(personId)),
      );
      // A new subscriber starts from the status as it stands, not the last paced one (up to a second old).
      const status$ = merge(defer(() => of(engine.statusNow())), engine.status$.pipe(skip(1)));
      return combineLatest([status$, sentAs$]).pipe(map(([status, changesSentAs]) => ok({ ...status, changesSentAs })));
    },
    'sync/conflicts': conflictListQuery,
    'sync/record-conflicts': recordConflictsQuery,
  },
  async start(services, broadcast) {
    // Tests and benchmarks shorten the waits between retries; people never need to.
    const retryTimeMs = Number(process.env.LABFLOW_SYNC_RETRY_MS) || undefined;
    const engine = createTeamSync(services, {
      ...(retryTimeMs ? { retryTimeMs, maxBackoffMs: retryTimeMs * 4 } : {}),
      onStatus: (status) => broadcast('sync/status', { phase: status.phase, pendingChanges: status.pendingChanges }),
    });
    engines.set(services.db, engine);
    await engine.start();
    return {
      async dispose() {
        engines.delete(services.db);
        await engine.dispose();
      },
    };
  },
};
