import { z } from 'zod';
import { moneySchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { salesManager } from './crm-who';
import { defaultPipelineStages, pipelineStageSchema, removedStageProblem, stageListProblems } from './pipeline-stages';

/**
 * The sales settings: pipeline stages with their default probabilities, the discount above which a
 * quotation needs approval, the tax rounding rule and quotation validity. A record (one per
 * installation) so it syncs, is audited, and is enforced by the sync server like any record: only
 * sales managers and admins change it. Every settings record has the parent `crm`, so invariants of
 * other kinds find it with `byParent('sales_settings', 'crm')` without knowing its id.
 */
export const salesSettingsParent = 'crm';

export const salesSettingsData = z
  .object({
    scope: z.literal(salesSettingsParent).default(salesSettingsParent),
    stages: z.array(pipelineStageSchema).max(20).default([...defaultPipelineStages]),
    /** A quotation with a line discounted above this needs approval (workflow against the quotation). */
    discountApprovalAbovePercent: z.number().min(0).max(100).default(10),
    taxRounding: z.enum(['per_line', 'per_total']).default('per_line'),
    quotationValidityDays: z.number().int().min(1).max(365).default(30),
    defaultCurrency: moneySchema.shape.currency.default('EUR'),
  })
  .superRefine((d, ctx) => {
    for (const message of stageListProblems(d.stages)) ctx.addIssue({ code: 'custom', message, path: ['stages'] });
  });
export type SalesSettingsData = z.infer<typeof salesSettingsData>;

/** The settings in force: the stored record's data, or the defaults before anyone saved any. */
export const salesSettingsOf = (stored: readonly Record<string, unknown>[]): SalesSettingsData => {
  const parsed = salesSettingsData.safeParse(stored[0]?.data ?? {});
  return parsed.success ? parsed.data : salesSettingsData.parse({});
};

export const salesSettingsKind = defineRecordKind<SalesSettingsData>({
  kind: 'sales_settings',
  module: 'crm',
  label: 'Sales settings',
  pluralLabel: 'Sales settings',
  version: 1,
  data: salesSettingsData as z.ZodType<SalesSettingsData>,
  title: () => 'Sales settings',
  statuses: [{ id: 'active', label: 'In force' }],
  initialStatus: 'active',
  transitions: [],
  columns: { parentId: (d) => d.scope },
  fields: [
    { field: 'discountApprovalAbovePercent', label: 'Discounts above this need approval (%)', type: 'number', isEditable: true },
    { field: 'taxRounding', label: 'Tax rounding', type: 'choice', choices: [{ value: 'per_line', label: 'Per line' }, { value: 'per_total', label: 'Per total, by tax rate' }], isEditable: true },
    { field: 'quotationValidityDays', label: 'Quotations valid for (days)', type: 'number', isEditable: true },
    { field: 'defaultCurrency', label: 'Default currency', type: 'text', isEditable: true },
  ],
  create: salesManager,
  edit: [{ fields: ['stages', 'discountApprovalAbovePercent', 'taxRounding', 'quotationValidityDays', 'defaultCurrency'], who: salesManager }],
  invariant: {
    // Every open opportunity: a stage they are in must not be removed (they would drop off the board).
    reads: () => ({ byParent: [{ kind: 'sales_settings', parentId: salesSettingsParent }], byStatus: [{ kind: 'opportunity', status: 'open' }] }),
    check: ({ record, previous, lookup }) => {
      if (lookup.byParent('sales_settings', salesSettingsParent).some((other) => other.id !== record.id)) return { message: 'The sales settings exist already; change those instead.' };
      // Until settings are saved the defaults are in force, so a first save is judged against them.
      const before = previous ? (previous.data as SalesSettingsData).stages : defaultPipelineStages;
      const stranded = removedStageProblem(before, record.data.stages, lookup.byStatus?.('opportunity', 'open') ?? []);
      return stranded ? { message: stranded, field: 'data.stages' } : null;
    },
  },
});
