import { map, type Observable } from 'rxjs';
import type { LabDatabase } from '../database/open-database';

/**
 * "Start LabFlow when I sign in to this computer" (issue 17): a setting of this PC, kept as a local
 * document (never replicated: another PC of the team has its own), and applied to the operating
 * system's login items by the desktop app (src-main/electron/login-items.ts). Serve mode has no
 * login items: LabFlow in a browser is not started by the operating system.
 */
export interface LoginItems {
  /** Registers LabFlow to start hidden to the tray when the person signs in, or removes it. Throws when the OS refuses. */
  setStartAtSignIn(isOn: boolean): void;
}

const KEY = 'start-at-sign-in';

interface StoredChoice {
  isOn: boolean;
}

export const startAtSignIn$ = (db: LabDatabase): Observable<boolean> =>
  db.getLocal$<StoredChoice>(KEY).pipe(map((doc) => (doc?.toJSON().data as Partial<StoredChoice> | undefined)?.isOn ?? false));

/** Applies the choice to the OS first: a choice the OS refused is not stored as made. */
export async function saveStartAtSignIn(db: LabDatabase, loginItems: LoginItems, isOn: boolean): Promise<void> {
  loginItems.setStartAtSignIn(isOn);
  await db.upsertLocal<StoredChoice>(KEY, { isOn });
}

/**
 * On every start of the desktop app: registers the stored choice again, so the login item follows
 * the installed program when an update or a move changed its path.
 */
export async function reapplyStartAtSignIn(db: LabDatabase, loginItems: LoginItems): Promise<void> {
  const doc = await db.getLocal<StoredChoice>(KEY);
  if ((doc?.toJSON().data as Partial<StoredChoice> | undefined)?.isOn) loginItems.setStartAtSignIn(true);
}
