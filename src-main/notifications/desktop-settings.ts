import type { LabDatabase } from '../database/open-database';
import { DESKTOP_SETTINGS_ID } from './notification-store';

/**
 * Follows the "keep running in the tray" setting for Electron's main process, which must decide
 * synchronously when the window closes. Calls `onChange` with the current value and every change;
 * returns the unsubscribe function. On by default.
 */
export function watchKeepRunningInTray(db: LabDatabase, onChange: (isOn: boolean) => void): () => void {
  const subscription = db.notifications.findOne(DESKTOP_SETTINGS_ID).$.subscribe((doc) => {
    onChange((doc?.get('data') as { keepRunningInTray?: boolean } | undefined)?.keepRunningInTray ?? true);
  });
  return () => subscription.unsubscribe();
}
