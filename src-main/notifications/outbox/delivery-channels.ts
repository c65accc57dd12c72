import type { HostServices } from '../../host/handler-types';
import type { NotificationsTuning } from '../notifications-tuning';
import { readEmailSettings, readWebhook } from '../notification-store';
import type { DeliveryChannel } from './outbox-dispatcher';
import { sendEmail } from './email-sender';
import { describeError } from './send-outcome';
import { sendWebhook } from './webhook-sender';

/**
 * Sends a delivery on its channel with the settings as they are now: the SMTP settings and the
 * subscription's address and secret are read at send time (decrypted only for the send), so a
 * corrected password or a rotated secret applies to retries too.
 */
export function createDeliveryChannels(services: HostServices, tuning: NotificationsTuning): DeliveryChannel {
  const decrypt = (cipher: string) => {
    const store = services.platform.secretStore;
    if (!store) throw new Error('This PC has no secret store to decrypt the stored secret.');
    return store.decrypt(cipher);
  };
  return async (delivery, doc) => {
    if (delivery.channel === 'email') {
      const settings = await readEmailSettings(services.db);
      if (!settings) return { isOk: false, detail: 'Email is not set up (Settings → Notifications).' };
      let password: string | undefined;
      try {
        password = settings.data.passwordCipher ? decrypt(settings.data.passwordCipher) : undefined;
      } catch (error) {
        return { isOk: false, detail: `The stored SMTP password cannot be decrypted here (${describeError(error)}); enter it again.` };
      }
      return sendEmail({ ...settings.data, ...(password !== undefined ? { password } : {}) }, delivery, doc.event, tuning.deliveryTimeoutMs);
    }
    const subscription = await readWebhook(services.db, delivery.subscriptionId);
    if (!subscription) return { isOk: false, detail: 'The webhook subscription no longer exists.', isPermanent: true };
    if (!subscription.data.isActive) return { isOk: false, detail: 'The webhook subscription is switched off.', isPermanent: true };
    let secret: string;
    try {
      secret = decrypt(subscription.data.secretCipher);
    } catch (error) {
      return { isOk: false, detail: `The signing secret cannot be decrypted here (${describeError(error)}); rotate it.`, isPermanent: true };
    }
    return sendWebhook(subscription.data.url, secret, delivery, services.clock(), tuning.deliveryTimeoutMs);
  };
}
