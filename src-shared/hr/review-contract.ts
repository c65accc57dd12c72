import { z } from 'zod';
import { command, query } from '../bridge/define';
import { recordIdSchema } from '../projects/document-fields';
import type { RecordView } from '../records/record-contract';
import type { PerformanceReviewData } from './performance-review-kind';
import { startCycleSchema, type ReviewRole } from './review-cycle';

/**
 * Performance reviews between UI and host. HR starts a cycle from a template; the person and their
 * manager fill in the review through the generic record commands (the kind's field rules decide who
 * writes what at which stage); the review meeting is a meeting of the meetings module linked to the
 * review; each of the two signs with an e-signature (password re-entered) through `hr/reviews/sign`.
 */
export interface ReviewRow extends Pick<PerformanceReviewData, 'personId' | 'cycle' | 'dueDate' | 'goals' | 'competencies' | 'selfComments' | 'managerComments' | 'meetingId'> {
  id: string;
  personName: string;
  status: string;
  statusLabel: string;
  /** The reader's part in it (null: HR reading a review of someone HR does not manage is 'hr'). */
  role: ReviewRole;
  isEmployeeSigned: boolean;
  isManagerSigned: boolean;
  /** The weighted goal score from the manager's ratings, once every goal is rated. */
  score: number | null;
}

export const reviewContract = {
  /** HR starts a cycle for the chosen people; people already with a review in that cycle are skipped. */
  'hr/reviews/start-cycle': command<{ created: number; skipped: number }>()(startCycleSchema),
  /** The person or their manager signs the review at sign-off; the second signature completes it. */
  'hr/reviews/sign': command<RecordView>()(z.object({ id: recordIdSchema, password: z.string().min(1, 'Enter your password to sign.').max(200) })),
  /** The reviews the asker may read: their own, their people's, everyone's for HR. */
  'hr/reviews': query<ReviewRow[]>()(z.object({})),
};
