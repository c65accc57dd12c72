import { randomInt } from 'node:crypto';
import type { HostFeature } from '../host/feature';
import { createBroadcastNotifier } from './desktop-notifier';
import { createDesktopRelay, type DesktopRelay } from './desktop-relay';
import { deliveryCommandHandlers, deliveryQueryHandlers } from './delivery-handlers';
import { notificationCommandHandlers, notificationQueryHandlers } from './notification-handlers';
import { tuningOf } from './notifications-tuning';
import { createDeliveryChannels } from './outbox/delivery-channels';
import { startOutboxDispatcher } from './outbox/outbox-dispatcher';
import { startServerSealing } from './server-secrets';
import { TEAM_SYNC_SETTINGS_KEY } from '../sync/sync-settings-store';
import { localDocument$ } from '../database/local-document';

/**
 * Notifications in the host: the notification centre and settings (commands, live queries), and
 * in the background the desktop relay (pop-ups, tray count), the outbox dispatcher (email,
 * webhooks) and, in team mode, the sealing of channel secrets for the sync server. Features notify people with `notify()` from ./notify.ts.
 */
export function createNotificationsFeature(): HostFeature {
  // The unread-count query tells the relay who is signed in here; the relay exists once started.
  const relay: { current?: DesktopRelay } = {};
  return {
    name: 'notifications',
    commands: { ...notificationCommandHandlers(), ...deliveryCommandHandlers() },
    queries: { ...notificationQueryHandlers(relay), ...deliveryQueryHandlers() },
    start(services, broadcast) {
      const tuning = tuningOf(services.platform.notifications);
      const notifier = services.platform.desktopNotifier ?? createBroadcastNotifier(broadcast);
      relay.current = createDesktopRelay(services.db, notifier, services.log);
      // In team mode the sync server delivers the outbox once per notification (DESIGN.md §4);
      // PCs that all delivered what reached them would send every email once per PC.
      let isTeamMode = false;
      const teamMode = localDocument$(services.db, TEAM_SYNC_SETTINGS_KEY).subscribe((doc) => {
        const wasTeamMode = isTeamMode;
        isTeamMode = doc !== null;
        if (wasTeamMode && !isTeamMode) dispatcher?.kick();
      });
      // eslint-disable-next-line prefer-const -- assigned after the team-mode watch that refers to it
      let dispatcher: ReturnType<typeof startOutboxDispatcher> | undefined;
      dispatcher = startOutboxDispatcher({
        services,
        send: createDeliveryChannels(services, tuning),
        tuning,
        isEnabled: services.platform.isOutboxEnabled ?? (() => !isTeamMode),
        random: () => randomInt(0, 1_000_000) / 1_000_000,
      });
      // …which needs the secrets: an administrator's PC seals what it can decrypt for the server.
      const sealing = startServerSealing(services);
      return {
        settle: () => dispatcher?.settle() ?? Promise.resolve(true),
        async dispose() {
          teamMode.unsubscribe();
          sealing.dispose();
          await dispatcher?.dispose();
          relay.current?.dispose();
          relay.current = undefined;
        },
      };
    },
  };
}
