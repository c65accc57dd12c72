import type { HostFeature } from '../host/feature';
import { tuningOf } from '../notifications/notifications-tuning';
import { reminderRules } from './reminder-rules';
import type { ReminderRule } from './reminder-rule';
import { createScheduler } from './scheduler';

/** The scheduler as a host feature: started once the database is open, stopped when the host closes. */
export function createSchedulerFeature(rules: () => ReminderRule[] = reminderRules): HostFeature {
  return {
    name: 'scheduler',
    start(services) {
      const scheduler = createScheduler({
        services,
        rules: rules(),
        tuning: tuningOf(services.platform.notifications),
        monotonic: services.platform.monotonic ?? (() => performance.now()),
      });
      return { dispose: () => scheduler.dispose(), settle: () => scheduler.settle() };
    },
  };
}
