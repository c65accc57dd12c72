import { map, of } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import { toPersonView } from '../../src-shared/people/person';
import { standaloneStatus } from '../../src-shared/sync/sync-status';
import type { LabDatabase } from '../database/open-database';
import type { HostFeature } from '../host/feature';
import type { CommandContext, QueryContext } from '../host/handler-types';
import { findPersonByEmail } from '../people/people-store';
import { conflictListQuery, recordConflictsQuery, reviewConflictCommand } from './record-conflicts-query';
import { createTeamSync, type TeamSync } from './team-sync';

// One team sync per host, found by the host's database: a test process may run several hosts.
const engines = new WeakMap<LabDatabase, TeamSync>();
const engineOf = (context: QueryContext | CommandContext) => engines.get(context.db);
const notRunning = () => fail('invalid_state', 'Team sync is not running on this host.');

/** For local sign-in: true when this host is in a team and the team's server accepts the password. */
export const checkPasswordWithTeam = async (db: LabDatabase, email: string, password: string): Promise<boolean> =>
  (await engines.get(db)?.checkPasswordWithServer(email, password)) ?? false;

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
      const engine = engineOf(context);
      if (!engine) return notRunning();
      const result = await engine.connect(input, context.actor);
      if (result.ok) await continueAsTeamPerson(context);
      return result;
    },
    async 'sync/disconnect'(_input, context) {
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
    'sync/status': (_input, context) => (engineOf(context)?.status$ ?? of(standaloneStatus)).pipe(map((status) => ok(status))),
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
