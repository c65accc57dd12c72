import { map, of } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import { standaloneStatus, type ConflictView } from '../../src-shared/sync/sync-status';
import type { LabDatabase } from '../database/open-database';
import type { HostFeature } from '../host/feature';
import type { CommandContext, QueryContext } from '../host/handler-types';
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
  },
  queries: {
    'sync/status': (_input, context) => (engineOf(context)?.status$ ?? of(standaloneStatus)).pipe(map((status) => ok(status))),
    'sync/conflicts': (input, context) =>
      context.db.activity
        .find({ selector: input.recordId ? { subjectId: input.recordId, kind: 'conflict' } : { kind: 'conflict' }, sort: [{ at: 'desc' }], limit: input.limit })
        .$.pipe(map((docs) => ok(docs.map((d) => toConflictView(d.toJSON() as Record<string, unknown>))))),
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

function toConflictView(doc: Record<string, unknown>): ConflictView {
  const data = (doc.data ?? {}) as { byId?: string; fields?: ConflictView['fields'] };
  return { id: String(doc.id), at: String(doc.at), collection: String(doc.subjectType), recordId: String(doc.subjectId), byId: data.byId ?? '', fields: data.fields ?? [] };
}
