import { z } from 'zod';
import { notificationEventSchema } from './notification-events';
import { tlsModes } from './notification-views';

/**
 * The email (SMTP) settings and webhook subscriptions as stored in `notifications` documents of
 * kind `email_settings` and `webhook_subscription` — one shape for the PC that writes them and
 * the sync server that sends with them in team mode. Each document is parsed when read back.
 *
 * Secrets are kept twice: `passwordCipher` / `secretCipher` encrypted with this PC's own key (only
 * the PC that stored it can read it), and in team mode `serverSecret`, the same secret sealed for
 * the sync server's outbox key (only the server can read that).
 */
/** The one email settings document (kind `email_settings`): every PC and the server use this id. */
export const EMAIL_SETTINGS_ID = 'email-settings';

export const sealedSecretSchema = z.object({
  /** The server outbox key it is sealed for; another id means the server has a new key. */
  keyId: z.string().min(1).max(100),
  cipher: z.string().min(1).max(4000),
});
export type SealedSecret = z.infer<typeof sealedSecretSchema>;

export const emailSettingsDataSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  tlsMode: z.enum(tlsModes),
  user: z.string(),
  passwordCipher: z.string().optional(),
  serverSecret: sealedSecretSchema.optional(),
  from: z.string(),
  fromName: z.string(),
  appUrl: z.string(),
});
export type EmailSettingsData = z.infer<typeof emailSettingsDataSchema>;

export const webhookDataSchema = z.object({
  name: z.string(),
  url: z.string(),
  events: z.array(notificationEventSchema),
  secretCipher: z.string(),
  serverSecret: sealedSecretSchema.optional(),
  isActive: z.boolean(),
});
export type WebhookData = z.infer<typeof webhookDataSchema>;

/** `GET <SYNC_API_PREFIX>/outbox/key`: the public half of the server's outbox key, for signed-in PCs. */
export const OUTBOX_KEY_PATH = '/outbox/key';
export const SEAL_ALGORITHM = 'X25519-HKDF-SHA256-A256GCM';

export const outboxKeySchema = z.object({
  keyId: z.string().min(1).max(100),
  algorithm: z.literal(SEAL_ALGORITHM),
  /** The raw X25519 public key, base64url. */
  publicKey: z.string().min(1).max(200),
});
export type OutboxKey = z.infer<typeof outboxKeySchema>;

/**
 * What a seal is bound to: the settings document it belongs to. A seal copied into another
 * document (another subscription, the email settings) does not open there.
 */
export const sealContext = (documentId: string): string => `labflow-outbox-secret/v1|${documentId}`;

/**
 * Whether the sync server can read a setting's secret, as Settings → Notifications explains it:
 * - `sealed`: sealed for the server's current key;
 * - `not_needed`: there is no secret (an SMTP relay without sign-in);
 * - `sealing`: this PC can hand it over and will when it next reaches the server;
 * - `needs_admin`: this PC could hand it over, but is signed in to Team sync without the administrator role;
 * - `enter_again`: this PC cannot decrypt it (it was entered on another PC): enter or rotate it here.
 */
export const serverAccessStates = ['sealed', 'not_needed', 'sealing', 'needs_admin', 'enter_again'] as const;
export type ServerAccess = (typeof serverAccessStates)[number];

export interface ServerAccessInput {
  hasSecret: boolean;
  /** The key id of the stored seal, if any. */
  sealKeyId: string | undefined;
  /** The server's current key id, once this PC has fetched it. */
  serverKeyId: string | null;
  canDecryptHere: boolean;
  isSyncAdmin: boolean;
}

export function serverAccessOf(input: ServerAccessInput): ServerAccess {
  if (!input.hasSecret) return 'not_needed';
  // Without the server's key this PC cannot tell a stale seal from a good one; a seal is trusted.
  if (input.sealKeyId !== undefined && (input.serverKeyId === null || input.sealKeyId === input.serverKeyId)) return 'sealed';
  if (!input.canDecryptHere) return 'enter_again';
  return input.isSyncAdmin ? 'sealing' : 'needs_admin';
}

/** Whether a seal must be (re)made: a secret without a seal for the server's current key. */
export const needsSeal = (hasSecret: boolean, seal: SealedSecret | undefined, serverKeyId: string): boolean => hasSecret && seal?.keyId !== serverKeyId;
