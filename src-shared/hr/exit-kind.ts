import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { hr, hrPrivate } from './hr-who';

/**
 * A person leaving: resignation or termination, the last day, the exit checklist (equipment and keys
 * returned, tasks and records handed over, deactivation), the exit interview and the final settlement
 * handed to finance. Read by HR and the person only: the manager sees the employee record turn
 * "Leaving" with its last day, never the interview or the settlement.
 */
export const exitTypes = [
  { value: 'resignation', label: 'Resignation' },
  { value: 'termination', label: 'Termination' },
  { value: 'end_of_contract', label: 'End of contract' },
  { value: 'retirement', label: 'Retirement' },
] as const;

const checklistItem = z.object({
  id: z.string().min(1).max(40),
  label: z.string().trim().min(1).max(300),
  /** Who does it: hr, it, manager, the person … (a role or 'manager'). */
  owner: z.string().max(60).default('hr'),
  doneOn: z.union([z.literal(''), planDateSchema]).default(''),
});

const exitData = z.object({
  personId: recordIdSchema,
  exitType: z.enum(exitTypes.map((t) => t.value) as [string, ...string[]]),
  noticeDate: planDateSchema,
  lastDay: planDateSchema,
  checklist: z.array(checklistItem).max(100).default([]),
  exitInterviewNotes: z.string().trim().max(20000).default(''),
  settlement: moneySchema.nullable().default(null),
  /** The finance record or reference the settlement was handed to. */
  settlementReference: z.string().trim().max(200).default(''),
})
  .refine((d) => d.lastDay >= d.noticeDate, { message: 'The last day cannot be before the notice.', path: ['lastDay'] });
export type ExitData = z.infer<typeof exitData>;

/** Items of the checklist still open. */
export const openExitItems = (d: Pick<ExitData, 'checklist'>) => d.checklist.filter((i) => !i.doneOn);

export const exitKind = defineRecordKind<ExitData>({
  kind: 'exit',
  module: 'hr',
  label: 'Exit',
  pluralLabel: 'Exits',
  version: 1,
  data: exitData as z.ZodType<ExitData>,
  title: (d) => `Leaving on ${d.lastDay}`,
  statuses: [
    { id: 'notified', label: 'Notified', tone: 'info' },
    { id: 'in_progress', label: 'Checklist running', tone: 'warning' },
    { id: 'completed', label: 'Completed', tone: 'success', isReadOnly: true },
    { id: 'withdrawn', label: 'Withdrawn', isReadOnly: true },
  ],
  initialStatus: 'notified',
  transitions: [
    { from: ['notified'], to: 'in_progress', label: 'Start checklist', who: hr },
    { from: ['in_progress'], to: 'completed', label: 'Complete exit', who: hr, requires: ['settlementReference'] },
    { from: ['notified', 'in_progress'], to: 'withdrawn', label: 'Withdraw', who: hr, needsReason: true },
  ],
  number: { prefix: 'EXIT', isYearly: true },
  columns: { personId: (d) => d.personId, date: (d) => d.lastDay },
  fields: [
    { field: 'personId', label: 'Person', type: 'person', isDefaultColumn: true, isRequired: true },
    { field: 'exitType', label: 'Reason', type: 'choice', choices: exitTypes, isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'noticeDate', label: 'Notice given', type: 'date', isEditable: true, isRequired: true },
    { field: 'lastDay', label: 'Last day', type: 'date', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'exitInterviewNotes', label: 'Exit interview', type: 'text', isEditable: true, isMultiline: true },
    { field: 'settlement', label: 'Final settlement', type: 'money', isEditable: true },
    { field: 'settlementReference', label: 'Settlement handed to finance as', type: 'text', isEditable: true },
  ],
  readScope: hrPrivate,
  create: hr,
  edit: [{ fields: '*', who: hr }],
  invariant: {
    reads: () => ({}),
    check({ record }) {
      if (record.status !== 'completed') return null;
      const open = openExitItems(record.data);
      return open.length > 0 ? { message: `Finish the checklist first: ${open.map((i) => i.label).join(', ')}.`, field: 'data.checklist' } : null;
    },
  },
});
