import type { DesktopNotifier } from '../notifications/desktop-notifier';
import type { NotificationsTuning } from '../notifications/notifications-tuning';
import type { LoginItems } from '../notifications/start-at-sign-in';
import type { SecretStore } from '../security/secret-store';

/**
 * What differs between the desktop, serve mode and tests, passed in by the composition root
 * (Electron's main.ts, serve-main.ts, test fixtures). Everything is optional: a host without a
 * secret store refuses to store passwords, one without a desktop notifier pushes toasts to the UI.
 */
export interface HostPlatform {
  secretStore?: SecretStore;
  /** The data folder; attachments live in `<dataDir>/attachments`. Without one, files cannot be stored. */
  dataDir?: string;
  desktopNotifier?: DesktopNotifier;
  /** The operating system's login items (desktop app only): "Start LabFlow when I sign in to this computer". */
  loginItems?: LoginItems;
  /** The address people open LabFlow at, for links in emails when the email settings name none. */
  appUrl?: () => string;
  /** Monotonic milliseconds (performance.now); tests pass their own to simulate sleep. */
  monotonic?: () => number;
  /** Timings of background work, shortened by tests and benchmarks. */
  notifications?: Partial<NotificationsTuning>;
  /** Leads written per batch by the CSV import (1,000); tests make it small to see several batches. */
  leadImportBatchSize?: number;
  /** False in team mode, where the sync server delivers the outbox instead. */
  isOutboxEnabled?: () => boolean;
  /**
   * Replaces the data with a verified backup (Settings → Backups): called from a command, it returns
   * at once; afterwards the composition root closes this host, restores (backup-keeper.ts's
   * restoreAndRecord) and opens a new host on the restored data. Absent, restoring from the UI is refused.
   */
  restoreData?: (backupPath: string, backupRoot: string) => void;
}
