import type { AppLink } from './app-link';
import type { ServerAccess } from './channel-settings';
import type { NotificationEvent } from './notification-events';
import type { AttemptLog, OutboxStatus } from './notification-model';

/** An entry of the notification centre, as the UI shows it. */
export interface NotificationView {
  id: string;
  event: NotificationEvent;
  subject: string;
  body: string;
  link?: AppLink;
  at: string;
  isRead: boolean;
  actorName?: string;
  summaryCount?: number;
}

export const tlsModes = ['tls', 'starttls', 'none'] as const;
export type TlsMode = (typeof tlsModes)[number];

/** Email (SMTP) settings without the password; `hasPassword` says whether one is stored (encrypted). */
export interface EmailSettingsView {
  host: string;
  port: number;
  tlsMode: TlsMode;
  user: string;
  hasPassword: boolean;
  from: string;
  fromName: string;
  appUrl: string;
  /** Team mode only: whether the sync server, which sends the email then, can read the password. */
  serverAccess?: ServerAccess;
}

export interface WebhookView {
  id: string;
  name: string;
  url: string;
  events: NotificationEvent[];
  isActive: boolean;
  createdAt: string;
  /** Team mode only: whether the sync server, which sends the calls then, can read the signing secret. */
  serverAccess?: ServerAccess;
}

/** One outbox delivery with its attempts, for the delivery log. */
export interface DeliveryView {
  id: string;
  channel: 'email' | 'webhook';
  /** The email address, or the webhook subscription's id. */
  target: string;
  event: NotificationEvent | '';
  subject: string;
  status: OutboxStatus;
  attempts: number;
  maxAttempts: number;
  lastError?: string;
  nextAttemptAt: string;
  deliveredAt?: string;
  createdAt: string;
  log: AttemptLog[];
}

export interface DesktopSettings {
  /** Closing the window leaves LabFlow running in the tray (reminders keep coming). */
  keepRunningInTray: boolean;
  /** LabFlow starts, hidden to the tray, when the person signs in to this computer. */
  startAtSignIn: boolean;
  /** False in serve mode (LabFlow in a browser): only the installed desktop app can start at sign-in. */
  canStartAtSignIn: boolean;
}

/** Why the start-at-sign-in toggle does nothing here, in the words Settings shows. */
export const START_AT_SIGN_IN_DESKTOP_ONLY = 'Starting at sign-in applies to the installed LabFlow desktop app. This LabFlow runs in a browser, which the computer does not start.';
