import { combineLatest, map, type Observable } from 'rxjs';
import { OUTBOX_KEY_PATH, outboxKeySchema, type OutboxKey } from '../../src-shared/notifications/channel-settings';
import { SYNC_API_PREFIX } from '../../src-shared/sync/protocol';
import type { LabDatabase } from '../database/open-database';
import type { HostServices } from '../host/handler-types';
import type { ServerSession } from './server-session';
import { TEAM_SYNC_SETTINGS_KEY } from './sync-settings-store';
import { localDocument$ } from '../database/local-document';

/** The sync server's public outbox key, as this PC last fetched it (a local document, never replicated). */
const OUTBOX_KEY_LOCAL = 'team-sync-outbox-key';

/** What the outbox needs to know about team sync on this PC. */
export interface TeamOutboxState {
  isTeamMode: boolean;
  /** The server's outbox key, once fetched from it. */
  serverKey: OutboxKey | null;
  /** The person this PC is signed in to the sync server as: their pushes are what the server judges. */
  account: { id: string; name: string; roles: readonly string[] } | null;
}

const accountOf = (data: unknown): TeamOutboxState['account'] => {
  const person = (data as { tokens?: { person?: { id?: unknown; name?: unknown; roles?: unknown } } } | undefined)?.tokens?.person;
  if (typeof person?.id !== 'string' || typeof person.name !== 'string' || !Array.isArray(person.roles)) return null;
  return { id: person.id, name: person.name, roles: person.roles.filter((r): r is string => typeof r === 'string') };
};

/** Team sync as the outbox sees it, live. Standalone: not in team mode, no key, no account. */
export function teamOutboxState$(db: LabDatabase): Observable<TeamOutboxState> {
  return combineLatest([localDocument$(db, TEAM_SYNC_SETTINGS_KEY), localDocument$(db, OUTBOX_KEY_LOCAL)]).pipe(
    map(([team, key]) => {
      if (!team) return { isTeamMode: false, serverKey: null, account: null };
      const parsed = key ? outboxKeySchema.safeParse(key.toJSON().data) : null;
      return { isTeamMode: true, serverKey: parsed?.success ? parsed.data : null, account: accountOf(team.toJSON().data) };
    }),
  );
}

/** The server's outbox key while in team mode (for sealing a secret as it is saved). */
export async function readOutboxKey(db: LabDatabase): Promise<OutboxKey | null> {
  if (!(await db.getLocal(TEAM_SYNC_SETTINGS_KEY))) return null;
  const doc = await db.getLocal(OUTBOX_KEY_LOCAL);
  const parsed = doc ? outboxKeySchema.safeParse(doc.toJSON().data) : null;
  return parsed?.success ? parsed.data : null;
}

/**
 * Asks the server for its outbox key and keeps it when it is new. Called once the replications
 * first caught up; a failure is logged and tried again at the next start or sign-in.
 */
export async function fetchOutboxKey(session: ServerSession, services: Pick<HostServices, 'db' | 'log' | 'runExclusive'>): Promise<void> {
  const { db, log } = services;
  try {
    const response = await session.fetch(`${SYNC_API_PREFIX}${OUTBOX_KEY_PATH}`, { method: 'GET' });
    const parsed = response.ok ? outboxKeySchema.safeParse(await response.json()) : null;
    if (!parsed?.success) {
      log.warn('the sync server sent no usable outbox key; secrets are handed to it later', { status: response.status });
      return;
    }
    // The request ran outside the write queue; only the write waits in it.
    await services.runExclusive(async () => {
      const current = await db.getLocal(OUTBOX_KEY_LOCAL);
      if (current && JSON.stringify(current.toJSON().data) === JSON.stringify(parsed.data)) return;
      await db.upsertLocal(OUTBOX_KEY_LOCAL, parsed.data);
    });
  } catch (error) {
    log.warn('could not fetch the sync server’s outbox key', { error: error instanceof Error ? error.message : String(error) });
  }
}

export async function forgetOutboxKey(db: LabDatabase): Promise<void> {
  await (await db.getLocal(OUTBOX_KEY_LOCAL))?.remove();
}
