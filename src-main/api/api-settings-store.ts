import { combineLatest, map, type Observable } from 'rxjs';
import type { LabDatabase } from '../database/open-database';
import { localDocument$ } from '../database/local-document';

/**
 * The API's place on this host, as local documents (never replicated: they are about this PC).
 * `api-settings` is what an administrator chose in Settings → API (desktop app); `api-listener` is
 * what the composition root actually runs — the desktop's listener, or serve mode's `--api` — so
 * the settings page can say where the API answers, or why it does not.
 */
export interface ApiSettings {
  isEnabled: boolean;
  port: number;
  allowRemote: boolean;
}

export interface ApiListenerState {
  controlledBy: 'settings' | 'serve-flag';
  /** The API's base address (`http://127.0.0.1:4790/api/v1`), or null when it is not served. */
  address: string | null;
  /** Why it is not served although enabled (the port is taken …). */
  problem: string | null;
}

const SETTINGS_KEY = 'api-settings';
const LISTENER_KEY = 'api-listener';

export const defaultApiSettings: ApiSettings = { isEnabled: false, port: 4790, allowRemote: false };
const noListener: ApiListenerState = { controlledBy: 'settings', address: null, problem: null };

export const apiSettings$ = (db: LabDatabase): Observable<ApiSettings> =>
  localDocument$<ApiSettings>(db, SETTINGS_KEY).pipe(map((doc) => ({ ...defaultApiSettings, ...((doc?.toJSON().data as Partial<ApiSettings> | undefined) ?? {}) })));

export const apiListener$ = (db: LabDatabase): Observable<ApiListenerState> =>
  localDocument$<ApiListenerState>(db, LISTENER_KEY).pipe(map((doc) => ({ ...noListener, ...((doc?.toJSON().data as Partial<ApiListenerState> | undefined) ?? {}) })));

export const apiPlace$ = (db: LabDatabase) => combineLatest([apiSettings$(db), apiListener$(db)]);

export async function saveApiSettings(db: LabDatabase, settings: ApiSettings): Promise<void> {
  await db.upsertLocal<ApiSettings>(SETTINGS_KEY, settings);
}

/** Called by the composition root whenever what it serves changes. */
export async function reportApiListener(db: LabDatabase, state: ApiListenerState): Promise<void> {
  await db.upsertLocal<ApiListenerState>(LISTENER_KEY, state);
}
