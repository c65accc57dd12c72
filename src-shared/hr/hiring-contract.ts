import { z } from 'zod';
import { command, query } from '../bridge/define';
import { recordIdSchema } from '../projects/document-fields';
import type { RecordView } from '../records/record-contract';
import type { HiringView } from './hiring-views';
import { hireInputSchema, type HireResult } from './hire';
import { interviewInputSchema } from './interviews';

/**
 * Hiring between UI and host. Requisitions, candidates and scorecards are created and changed
 * through `records/*`, judged by their kinds; a requisition is approved by the HIRING workflow
 * bound to it. Beyond those: the Hiring tab's view, and a candidate's move on the board, which
 * writes the stage and a rejection's reason in one audited write.
 */
export const hiringContract = {
  /** The requisitions and candidates the asker may read, with the candidates' scorecard averages. */
  'hr/hiring': query<HiringView>()(z.object({})),
  /** Moves a candidate to another stage of the pipeline (candidate-pipeline.ts says which moves there are). */
  'hr/candidates/move': command<RecordView>()(
    z.object({ id: recordIdSchema, to: z.string().min(1, 'Choose a stage.').max(40), reason: z.string().max(2000, 'Keep the reason under 2,000 characters.').default('') }),
  ),
  /**
   * Schedules an interview of a candidate at the interview stage: a private meeting with the
   * interviewers (they are invited and see it in their calendar) and one draft scorecard each.
   */
  'hr/interviews/schedule': command<{ meetingId: string; scorecardIds: string[] }>()(interviewInputSchema),
  /**
   * Hires a candidate with an accepted offer: creates the person (ordinary roles, no password — an
   * administrator sets it), their employee record from the requisition and the offer, marks the
   * candidate hired and starts onboarding. HR only; a second Hire is refused, naming the person.
   */
  'hr/hire': command<HireResult>()(hireInputSchema),
};
