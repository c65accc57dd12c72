import { z } from 'zod';
import { command, query } from '../bridge/define';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import type { RecordView } from '../records/record-contract';
import type { ChecklistItem } from './exit-checklist';
import { exitTypes } from './exit-kind';

/**
 * Exits between UI and host. Recording one lists what the person holds (instruments they are
 * custodian of, open tasks assigned to them) as checklist lines; HR hands each over in place to a
 * colleague, ticks the rest off, writes the exit interview and the settlement's finance reference
 * through the generic record commands. Access ends by itself after the last day.
 */
export interface ExitRow {
  id: string;
  number: string;
  personId: string;
  personName: string;
  exitType: string;
  exitTypeLabel: string;
  noticeDate: string;
  lastDay: string;
  status: string;
  statusLabel: string;
  checklist: ChecklistItem[];
  exitInterviewNotes: string;
  settlementReference: string;
  /** The first day without access, and whether the person is still active in this PC's directory. */
  accessEndsOn: string;
  isPersonActive: boolean;
}

export interface ExitsView {
  exits: ExitRow[];
}

export const exitContract = {
  'hr/exit/record': command<RecordView>()(
    z.object({
      personId: recordIdSchema,
      exitType: z.enum(exitTypes.map((t) => t.value) as [string, ...string[]], { error: 'Choose why the person leaves.' }),
      noticeDate: planDateSchema,
      lastDay: planDateSchema,
    }),
  ),
  /** Ticks a checklist line off for today (or reopens it). */
  'hr/exit/tick': command<RecordView>()(z.object({ id: recordIdSchema, itemId: z.string().min(1).max(40), isDone: z.boolean() })),
  /** Hands an instrument or a task over to `toPersonId` and ticks its line off. */
  'hr/exit/hand-over': command<RecordView>()(z.object({ id: recordIdSchema, itemId: z.string().min(1).max(40), toPersonId: recordIdSchema })),
  'hr/exits': query<ExitsView>()(z.object({})),
};
