import type { HostFeature } from '../host/feature';
import { hiringCommandHandlers } from './hiring-commands';
import { hiringQueryHandlers } from './hiring-queries';
import { hrQueryHandlers } from './hr-queries';
import { interviewCommandHandlers } from './interview-commands';

/**
 * HR (src-shared/hr): its records are written through the generic record commands, judged by their
 * kinds; this feature answers HR's screens — a person's leave and balances, the team leave
 * calendar, HR's employee list with the training matrix, the Hiring tab — moves candidates
 * along the hiring pipeline and schedules their interviews.
 */
export const hrFeature: HostFeature = {
  name: 'hr',
  commands: { ...hiringCommandHandlers, ...interviewCommandHandlers },
  queries: { ...hrQueryHandlers, ...hiringQueryHandlers },
};
