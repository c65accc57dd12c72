import { z } from 'zod';
import { riskRatingSchema } from './risk-matrix';
import { isInOrder, type DocumentRule } from '../core/document-rule';
import { baseDocumentSchema, checkDateOrder, moneySchema, planDateSchema, recordIdSchema } from './document-fields';

/**
 * Schemas of the `plan_items` collection: milestones, deliverables, risks, resource allocations and
 * budget lines. Each is stored as `{kind, projectId, title, data}` (db/schemas.ts), so the
 * kind-specific fields live in `data`.
 */

const title = z.string().trim().min(1, 'Enter a title.').max(500, 'A title has at most 500 characters.');
const notes = z.string().max(5000).default('');

// ---- milestone -------------------------------------------------------------------------------

export const milestoneStatusSchema = z.enum(['pending', 'reached', 'missed']);
export type MilestoneStatus = z.infer<typeof milestoneStatusSchema>;

export const completionCriterionSchema = z.object({
  id: recordIdSchema,
  text: z.string().trim().min(1, 'Describe the criterion.').max(500),
  isMet: z.boolean().default(false),
});

export const milestoneDataSchema = z.object({
  description: notes,
  dueDate: planDateSchema,
  status: milestoneStatusSchema.default('pending'),
  completionCriteria: z.array(completionCriterionSchema).max(100).default([]),
  linkedTaskIds: z.array(recordIdSchema).max(500).default([]),
});

// ---- deliverable -----------------------------------------------------------------------------

export const deliverableTypeSchema = z.enum(['document', 'report', 'dataset', 'sample', 'method', 'software', 'presentation', 'other']);
export const deliverableStatusSchema = z.enum(['planned', 'in_progress', 'submitted', 'accepted', 'rejected']);

export const deliverableDataSchema = z.object({
  description: notes,
  type: deliverableTypeSchema,
  ownerId: recordIdSchema.optional(),
  dueDate: planDateSchema.optional(),
  status: deliverableStatusSchema.default('planned'),
  /** Where the output lives (document system, data share). Only http(s): the UI opens it externally. */
  link: z.url({ protocol: /^https?$/, error: 'Enter an http(s) link.' }).max(2000).optional(),
  milestoneId: recordIdSchema.optional(),
});

// ---- risk ------------------------------------------------------------------------------------

export const riskCategorySchema = z.enum(['technical', 'schedule', 'budget', 'resource', 'quality', 'safety', 'regulatory', 'other']);
export const riskStatusSchema = z.enum(['open', 'mitigating', 'occurred', 'closed']);

/** The level is not stored: it is always `riskLevel(probability, impact)`, so it cannot go stale. */
export const riskDataSchema = z.object({
  description: notes,
  category: riskCategorySchema.default('other'),
  probability: riskRatingSchema,
  impact: riskRatingSchema,
  status: riskStatusSchema.default('open'),
  ownerId: recordIdSchema.optional(),
  mitigation: notes,
  contingency: notes,
  reviewDate: planDateSchema.optional(),
});

// ---- resource allocation ---------------------------------------------------------------------

const period = { periodStart: planDateSchema, periodEnd: planDateSchema, taskId: recordIdSchema.optional() };
const hours = z.number().positive('Allocate more than 0 hours.').max(100_000);

/** Who or what is booked for the project, for which period, and how much of it (hours over the whole period, or a quantity of material). */
export const resourceAllocationDataSchema = z
  .discriminatedUnion('resourceType', [
    z.object({ resourceType: z.literal('person'), personId: recordIdSchema, hours, ...period }),
    z.object({ resourceType: z.literal('equipment'), equipmentId: recordIdSchema, hours, ...period }),
    z.object({
      resourceType: z.literal('material'),
      materialName: z.string().trim().min(1).max(200),
      quantity: z.number().positive('Allocate a quantity above 0.'),
      unit: z.string().trim().min(1, 'Enter a unit, e.g. mL.').max(20),
      ...period,
    }),
  ])
  .superRefine((a, ctx) => checkDateOrder(a, ctx, 'periodStart', 'periodEnd'));

// ---- budget line -----------------------------------------------------------------------------

export const budgetCategorySchema = z.enum(['personnel', 'equipment', 'consumables', 'services', 'travel', 'overhead', 'other']);
export type BudgetCategory = z.infer<typeof budgetCategorySchema>;

const isSameCurrency = (planned: unknown, actual: unknown): boolean =>
  (planned as { currency?: unknown } | undefined)?.currency === (actual as { currency?: unknown } | undefined)?.currency;
const differentCurrencies = 'Planned and actual use different currencies.';

/** A planned amount for a cost category and the costs recorded against it so far. */
export const budgetLineDataSchema = z
  .object({ category: budgetCategorySchema, planned: moneySchema, actual: moneySchema, notes })
  .refine((line) => isSameCurrency(line.planned, line.actual), { message: differentCurrencies, path: ['actual', 'currency'] });

// ---- the stored documents --------------------------------------------------------------------

const planItem = <K extends string, D extends z.ZodType>(kind: K, data: D) =>
  baseDocumentSchema.extend({ kind: z.literal(kind), projectId: recordIdSchema, title, data });

export const milestoneSchema = planItem('milestone', milestoneDataSchema);
export const deliverableSchema = planItem('deliverable', deliverableDataSchema);
export const riskSchema = planItem('risk', riskDataSchema);
export const resourceAllocationSchema = planItem('resource_allocation', resourceAllocationDataSchema);
export const budgetLineSchema = planItem('budget_line', budgetLineDataSchema);

export const planItemSchema = z.discriminatedUnion('kind', [milestoneSchema, deliverableSchema, riskSchema, resourceAllocationSchema, budgetLineSchema]);

export type Milestone = z.output<typeof milestoneSchema>;
export type Deliverable = z.output<typeof deliverableSchema>;
export type Risk = z.output<typeof riskSchema>;
export type ResourceAllocation = z.output<typeof resourceAllocationSchema>;
export type BudgetLine = z.output<typeof budgetLineSchema>;
export type PlanItem = z.output<typeof planItemSchema>;

type Doc = Record<string, unknown>;
const dataOf = (item: Doc): Doc => (item.data && typeof item.data === 'object' ? (item.data as Doc) : {});

/**
 * The cross-field rules of the stored plan items, as the data schemas above check them: a resource
 * allocation's period in order, a budget line in one currency. The sync server's merge keeps them
 * (core/document-rule.ts), since `data` merges field by field.
 */
export const planItemRules: readonly DocumentRule[] = [
  {
    fields: ['data.periodStart', 'data.periodEnd'],
    path: 'data.periodEnd',
    message: 'The period cannot end before it starts.',
    holds: (item) => item.kind !== 'resource_allocation' || isInOrder(dataOf(item).periodStart, dataOf(item).periodEnd),
  },
  {
    fields: ['data.planned', 'data.actual'],
    path: 'data.actual',
    message: differentCurrencies,
    holds: (item) => item.kind !== 'budget_line' || isSameCurrency(dataOf(item).planned, dataOf(item).actual),
  },
];
