import { map, of } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import { standaloneStatus } from '../../src-shared/sync/sync-status';
import type { LabDatabase } from '../database/open-database';
import type { HostFeature } from '../host/feature';
import type { CommandContext, QueryContext } from '../host/handler-types';
import { conflictListQuery, recordConflictsQuery, reviewConflictCommand } from './record-conflicts-query';
import { createTeamSync, type TeamSync } from './team-sync';

// One team sync per host, found by the host's database: a test process may run several hosts.
const engines = new WeakMap<LabDatabase, TeamSync>();
const engineOf = (context: QueryContext | CommandContext) => engines.get(context.db);
const notRunning = () => fail('invalid_state', 'Team sync is not running on this host.');

/** For local sign-in: true when this host is in a team and the team's server accepts the password. */
export const checkPasswordWithTeam = async (db: LabDatabase, email: string, password: string): Promise<boolean> =>
  (await engines.get(db)?.checkPasswordWithServer(email, password)) ?? false;

/** Team sync: Settings → Team sync commands, the status and conflicts queries, and the background replication. */
export const syncFeature: HostFeature = {
  name: 'sync',
  commands: {
    async 'sync/connect'(input, context) {
      const engine = engineOf(context);
      return engine ? engine.connect(input, context.actor) : notRunning();
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
