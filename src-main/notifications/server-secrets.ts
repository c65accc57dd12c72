import { combineLatest, debounceTime, type Subscription } from 'rxjs';
import { needsSeal, sealContext, serverAccessOf, type SealedSecret, type ServerAccess } from '../../src-shared/notifications/channel-settings';
import type { StoredNotification } from '../../src-shared/notifications/notification-model';
import { isAdmin } from '../../src-shared/people/roles';
import type { HostServices } from '../host/handler-types';
import type { SecretStore } from '../security/secret-store';
import { readOutboxKey, teamOutboxState$, type TeamOutboxState } from '../sync/outbox-key-store';
import type { StoredEmailSettings, StoredWebhook } from './notification-store';
import { sealForServer } from './outbox/server-seal';

/**
 * Handing channel secrets to the sync server (team mode, where the server sends email and webhook
 * calls). A secret stays encrypted with this PC's key (`passwordCipher`, `secretCipher`) and is
 * also sealed for the server's outbox key (`serverSecret`) in the same synced settings document.
 */

type ChannelSettings = StoredNotification<StoredEmailSettings> | StoredNotification<StoredWebhook>;

/** This PC's encrypted copy of a settings document's secret, if it has one. */
const localCipherOf = (doc: ChannelSettings): string | undefined =>
  doc.kind === 'email_settings' ? (doc.data as StoredEmailSettings).passwordCipher : (doc.data as StoredWebhook).secretCipher;

const canDecrypt = (store: SecretStore | undefined, cipher: string): boolean => {
  try {
    store?.decrypt(cipher);
    return store !== undefined;
  } catch {
    return false;
  }
};

/** `{serverSecret}` for a secret being saved, when this PC knows the server's key (team mode); else nothing. */
export async function sealedForServer(services: Pick<HostServices, 'db'>, plainText: string, documentId: string): Promise<{ serverSecret?: SealedSecret }> {
  const key = await readOutboxKey(services.db);
  return key ? { serverSecret: sealForServer(key, plainText, sealContext(documentId)) } : {};
}

/** Whether the server can read this setting's secret, for Settings → Notifications; undefined when standalone. */
export function serverAccessFor(team: TeamOutboxState, doc: ChannelSettings, store: SecretStore | undefined): ServerAccess | undefined {
  if (!team.isTeamMode) return undefined;
  const cipher = localCipherOf(doc);
  return serverAccessOf({
    hasSecret: Boolean(cipher),
    sealKeyId: doc.data.serverSecret?.keyId,
    serverKeyId: team.serverKey?.keyId ?? null,
    canDecryptHere: cipher !== undefined && canDecrypt(store, cipher),
    isSyncAdmin: team.account !== null && isAdmin(team.account.roles),
  });
}

/**
 * Seals for the server whatever this PC can: in team mode, signed in to the server as an
 * administrator (only their settings writes are accepted there), every email or webhook secret this
 * PC can decrypt whose seal is missing or for another server key — after joining a team, at start,
 * when the server's key changes and when settings arrive. Secrets entered on other PCs are left to
 * those PCs (or to being entered again).
 */
export function startServerSealing(services: HostServices): { dispose(): void } {
  const { db, log } = services;
  const settings$ = db.notifications.find({ selector: { kind: { $in: ['email_settings', 'webhook_subscription'] } } }).$;
  let isRunning = false;
  let isRunAgain = false;
  let latest: { team: TeamOutboxState; docs: ChannelSettings[] } | null = null;

  async function sealOne(team: TeamOutboxState, id: string): Promise<void> {
    const store = services.platform.secretStore;
    const key = team.serverKey;
    const account = team.account;
    if (!store || !key || !account) return;
    await services.runExclusive(async () => {
      // Read again inside the write queue: the document may have changed since the query fired.
      const current = (await db.notifications.findOne(id).exec())?.toJSON() as ChannelSettings | undefined;
      const cipher = current ? localCipherOf(current) : undefined;
      if (!current || !cipher || !needsSeal(true, current.data.serverSecret, key.keyId) || !canDecrypt(store, cipher)) return;
      const serverSecret = sealForServer(key, store.decrypt(cipher), sealContext(id));
      await services.writer.update('notifications', id, { data: { ...current.data, serverSecret } }, { actor: { id: account.id, name: account.name }, command: 'notifications/seal-for-server', now: services.clock() });
      log.info('sealed a channel secret for the sync server', { id, keyId: key.keyId });
    });
  }

  async function sealAll(): Promise<void> {
    if (isRunning) {
      isRunAgain = true;
      return;
    }
    if (!latest) return;
    const { team, docs } = latest;
    isRunning = true;
    try {
      const key = team.serverKey;
      if (!team.isTeamMode || !key || !team.account || !isAdmin(team.account.roles)) return;
      const due = docs.filter((doc) => {
        const cipher = localCipherOf(doc);
        return cipher !== undefined && needsSeal(true, doc.data.serverSecret, key.keyId) && canDecrypt(services.platform.secretStore, cipher);
      });
      for (const doc of due) await sealOne(team, doc.id);
    } catch (error) {
      log.error('could not seal channel secrets for the sync server', error);
    } finally {
      isRunning = false;
    }
    if (isRunAgain) {
      isRunAgain = false;
      await sealAll();
    }
  }

  const subscription: Subscription = combineLatest([teamOutboxState$(db), settings$])
    .pipe(debounceTime(50))
    .subscribe(([team, docs]) => {
      latest = { team, docs: docs.map((d) => d.toJSON() as ChannelSettings) };
      void sealAll();
    });
  return { dispose: () => subscription.unsubscribe() };
}
