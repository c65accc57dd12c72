import type { HostFeature } from '../host/feature';
import { hrQueryHandlers } from './hr-queries';

/**
 * HR (src-shared/hr): its records are written through the generic record commands, judged by their
 * kinds; this feature answers HR's screens — a person's leave and balances, the team leave
 * calendar, HR's employee list with the training matrix.
 */
export const hrFeature: HostFeature = {
  name: 'hr',
  queries: { ...hrQueryHandlers },
};
