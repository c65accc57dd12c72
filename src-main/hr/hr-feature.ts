import type { HostFeature } from '../host/feature';
import { attendanceCommandHandlers } from './attendance-commands';
import { attendanceQueryHandlers } from './attendance-queries';
import { exitCommandHandlers } from './exit-commands';
import { exitQueryHandlers } from './exit-queries';
import { hiringCommandHandlers } from './hiring-commands';
import { hiringQueryHandlers } from './hiring-queries';
import { hireCommandHandlers } from './hire-commands';
import { onboardingCommandHandlers, onboardingQueryHandlers } from './onboarding-handlers';
import { hrQueryHandlers } from './hr-queries';
import { interviewCommandHandlers } from './interview-commands';
import { reviewCommandHandlers } from './review-commands';
import { reviewQueryHandlers } from './review-queries';
import { trainingQueryHandlers } from './training-query';

/**
 * HR (src-shared/hr): its records are written through the generic record commands, judged by their
 * kinds; this feature answers HR's screens — a person's leave and balances, the team leave
 * calendar, HR's employee list, the public holiday calendars, the Training tab (courses, sessions,
 * the training matrix), the Hiring tab (candidates moved along the pipeline, interviews scheduled)
 * — and attendance: checking in and out, corrections, timesheets and the monthly summary; exits:
 * recording one with its checklist of what the person holds, handing over in place; performance
 * reviews: cycles and e-signatures; hiring a candidate (the person, their employee record) and
 * onboarding: checklist templates turned into dated tasks, progress per new hire.
 */
export const hrFeature: HostFeature = {
  name: 'hr',
  commands: { ...attendanceCommandHandlers, ...exitCommandHandlers, ...reviewCommandHandlers, ...hiringCommandHandlers, ...interviewCommandHandlers, ...hireCommandHandlers, ...onboardingCommandHandlers },
  queries: { ...hrQueryHandlers, ...trainingQueryHandlers, ...attendanceQueryHandlers, ...exitQueryHandlers, ...reviewQueryHandlers, ...hiringQueryHandlers, ...onboardingQueryHandlers },
};
