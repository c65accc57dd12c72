import type { HostFeature } from '../host/feature';
import { hrQueryHandlers } from './hr-queries';
import { trainingQueryHandlers } from './training-query';

/**
 * HR (src-shared/hr): its records are written through the generic record commands, judged by their
 * kinds; this feature answers HR's screens — a person's leave and balances, the team leave
 * calendar, HR's employee list, the public holiday calendars, and the Training tab (courses,
 * sessions, the training matrix).
 */
export const hrFeature: HostFeature = {
  name: 'hr',
  queries: { ...hrQueryHandlers, ...trainingQueryHandlers },
};
