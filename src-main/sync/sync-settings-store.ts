import { map, type Observable } from 'rxjs';
import type { SessionTokens } from '../../src-shared/sync/protocol';
import type { RefusedChangeView } from '../../src-shared/sync/sync-status';
import type { LabDatabase } from '../database/open-database';
import type { ConsistencyTotals } from './consistency-checks';
import { localDocument$ } from '../database/local-document';

/**
 * What this PC remembers about team sync, as RxDB local documents (never replicated): the server,
 * the current sign-in (refresh token included, so sync resumes offline-first after a restart) and
 * the writes the server refused, each with the refused document so nothing disappears untraced,
 * and what the consistency checks found.
 */
export interface TeamSyncSettings {
  serverUrl: string;
  tokens: SessionTokens;
  lastSyncedAt: string | null;
}

export interface RefusedChange extends RefusedChangeView {
  document: Record<string, unknown>;
}

/** The local document holding Team sync's settings: present exactly while this PC is in team mode. */
export const TEAM_SYNC_SETTINGS_KEY = 'team-sync';
const SETTINGS_KEY = TEAM_SYNC_SETTINGS_KEY;
const REFUSED_KEY = 'team-sync-refused';
const CHECKS_KEY = 'team-sync-checks';
/** Refused writes kept for the person to see; the oldest go first. */
const MAX_REFUSED = 200;

export function createSyncSettingsStore(db: LabDatabase) {
  return {
    async load(): Promise<TeamSyncSettings | null> {
      const doc = await db.getLocal<TeamSyncSettings>(SETTINGS_KEY);
      return doc ? (doc.toJSON().data as TeamSyncSettings) : null;
    },
    async save(settings: TeamSyncSettings): Promise<void> {
      await db.upsertLocal<TeamSyncSettings>(SETTINGS_KEY, settings);
    },
    async clear(): Promise<void> {
      for (const key of [SETTINGS_KEY, CHECKS_KEY]) await (await db.getLocal(key))?.remove();
    },
    /** What the consistency checks found since this PC joined (consistency-checks.ts). */
    async loadChecks(): Promise<ConsistencyTotals> {
      const doc = await db.getLocal<ConsistencyTotals>(CHECKS_KEY);
      return doc ? (doc.toJSON().data as ConsistencyTotals) : { lastCheckedAt: null, differences: 0 };
    },
    async saveChecks(totals: ConsistencyTotals): Promise<void> {
      await db.upsertLocal<ConsistencyTotals>(CHECKS_KEY, totals);
    },
    async loadRefused(): Promise<RefusedChange[]> {
      const doc = await db.getLocal<{ items: RefusedChange[] }>(REFUSED_KEY);
      return doc ? [...(doc.toJSON().data as { items: RefusedChange[] }).items] : [];
    },
    /** The refused writes, live (the record views show those about them). */
    refused$(): Observable<RefusedChange[]> {
      return localDocument$<{ items: RefusedChange[] }>(db, REFUSED_KEY).pipe(map((doc) => (doc ? [...(doc.toJSON().data as { items: RefusedChange[] }).items] : [])));
    },
    async addRefused(items: RefusedChange[]): Promise<RefusedChange[]> {
      const all = [...(await this.loadRefused()), ...items].slice(-MAX_REFUSED);
      await db.upsertLocal(REFUSED_KEY, { items: all });
      return all;
    },
  };
}

export type SyncSettingsStore = ReturnType<typeof createSyncSettingsStore>;
