import { z } from 'zod';
import { recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { scoreSchema } from './bid-evaluation';
import { procurementManager } from './equipment-who';

/**
 * One evaluator's scores of an RFQ's bids: one record per evaluator, so evaluators scoring at the
 * same time on different PCs never conflict. Only the RFQ's evaluators score, themselves, while the
 * RFQ is in evaluation; a submitted evaluation no longer changes. The matrix (bid-evaluation.ts)
 * combines them.
 */
const bidEvaluationData = z
  .object({
    rfqId: recordIdSchema,
    evaluatorId: recordIdSchema,
    scores: z.array(scoreSchema).max(2000).default([]),
    comments: z.string().trim().max(5000).default(''),
  })
  .refine((d) => new Set(d.scores.map((s) => `${s.bidId}|${s.criterionId}`)).size === d.scores.length, { message: 'A bid is scored twice on one criterion.', path: ['scores'] });
export type BidEvaluationData = z.infer<typeof bidEvaluationData>;

export const bidEvaluationKind = defineRecordKind<BidEvaluationData>({
  kind: 'bid_evaluation',
  module: 'equipment',
  label: 'Bid evaluation',
  pluralLabel: 'Bid evaluations',
  version: 1,
  data: bidEvaluationData as z.ZodType<BidEvaluationData>,
  title: () => 'Bid evaluation',
  statuses: [
    { id: 'in_progress', label: 'Scoring', tone: 'info' },
    { id: 'submitted', label: 'Submitted', tone: 'success', isReadOnly: true },
  ],
  initialStatus: 'in_progress',
  transitions: [{ from: ['in_progress'], to: 'submitted', label: 'Submit scores', who: 'subject' }],
  columns: { parentId: (d) => d.rfqId, personId: (d) => d.evaluatorId },
  fields: [
    { field: 'evaluatorId', label: 'Evaluator', type: 'person', isDefaultColumn: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'comments', label: 'Comments', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { parent: 'rfq' },
  create: 'subject',
  edit: [{ fields: ['scores', 'comments'], who: 'subject', inStatuses: ['in_progress'] }],
  remove: { who: { anyOf: ['subject', procurementManager] }, inStatuses: ['in_progress'] },
  invariant: {
    reads: (d) => ({ ids: [{ collection: 'records', id: d.rfqId }], byParent: [{ kind: 'bid_evaluation', parentId: d.rfqId }] }),
    check({ record, previous, lookup }) {
      const rfq = lookup.get('records', record.data.rfqId);
      if (rfq?.kind !== 'rfq') return { message: 'Choose the RFQ these scores are for.', field: 'data.rfqId' };
      if (rfq.status !== 'evaluation') return { message: `${String(rfq.number || 'The RFQ')} is not in evaluation: scores are given after bidding closes and before the award.` };
      const evaluators = ((rfq.data as { evaluatorIds?: string[] } | undefined)?.evaluatorIds ?? []) as string[];
      if (!evaluators.includes(record.data.evaluatorId)) return { message: `You are not an evaluator of ${String(rfq.number || 'this RFQ')}.`, field: 'data.evaluatorId' };
      if (!previous && lookup.byParent('bid_evaluation', record.data.rfqId).some((e) => e.id !== record.id && e.personId === record.data.evaluatorId)) {
        return { message: 'You have scored this RFQ already; change those scores instead.' };
      }
      return null;
    },
  },
});
