import { z } from 'zod';
import { command, query } from '../bridge/define';
import { planDateSchema, recordIdSchema } from './document-fields';
import type { PlanItemDocument } from './plan-views';
import type {
  AllocationView, BudgetView, ExportView, GanttView, MilestoneView, ProjectDashboard, RiskRegisterView, UtilisationView,
} from './plan-views';
import type { Deliverable, Milestone } from './plan-item-model';
import {
  budgetLineDataSchema, deliverableDataSchema, deliverableStatusSchema, milestoneDataSchema, resourceAllocationDataSchema, riskDataSchema,
} from './plan-item-model';
import { riskRatingSchema } from './risk-matrix';

/**
 * A project's plan between UI and host: milestones, deliverables, risks, resource allocations and
 * budget lines (`plan_items`, see plan-item-model), plus the derived views — dashboard, Gantt data,
 * risk register with heatmap, budget vs actual, team utilisation — and exports.
 *
 * Plan items are changed by the project's owner and administrators (`forbidden` otherwise); the
 * kind-specific `data` is validated with the kind's schema (`invalid_input` naming the field, e.g.
 * `data.periodEnd`). Updates replace `data` whole: the UI sends the item as edited.
 */

const id = recordIdSchema;
const title = z.string().trim().min(1, 'Enter a title.').max(500, 'A title has at most 500 characters.');

/** New criteria may come without an id; the host gives them one. */
const milestoneInputData = milestoneDataSchema.extend({
  completionCriteria: z
    .array(z.object({ id: id.optional(), text: z.string().trim().min(1, 'Describe the criterion.').max(500), isMet: z.boolean().default(false) }))
    .max(100)
    .default([]),
});

const planItemInput = <T extends { projectId?: z.ZodType; id?: z.ZodType }>(key: T) =>
  z.discriminatedUnion('kind', [
    z.object({ ...key, kind: z.literal('milestone'), title, data: milestoneInputData }),
    z.object({ ...key, kind: z.literal('deliverable'), title, data: deliverableDataSchema }),
    z.object({ ...key, kind: z.literal('risk'), title, data: riskDataSchema }),
    z.object({ ...key, kind: z.literal('resource_allocation'), title, data: resourceAllocationDataSchema }),
    z.object({ ...key, kind: z.literal('budget_line'), title, data: budgetLineDataSchema }),
  ]);

export const planItemCreateSchema = planItemInput({ projectId: id });
export const planItemUpdateSchema = planItemInput({ id });
export type PlanItemCreateInput = z.input<typeof planItemCreateSchema>;
export type PlanItemUpdateInput = z.input<typeof planItemUpdateSchema>;

export const planContract = {
  /** Milestones, deliverables (the spec's POST /milestones[/deliverables]), risks, allocations, budget lines. */
  'plan-items/create': command<PlanItemDocument>()(planItemCreateSchema),
  /** The spec's PUT /milestones/{id}, /risks/{id}, …: title and the whole `data`; `kind` must match. */
  'plan-items/update': command<PlanItemDocument>()(planItemUpdateSchema),
  'plan-items/remove': command<{ id: string }>()(z.object({ id })),
  /** Ticks one completion criterion (project team may do this too: they do the work). */
  'milestones/set-criterion': command<Milestone>()(z.object({ id, criterionId: id, isMet: z.boolean() })),
  /** Links or unlinks a task to a milestone's "done when" list. */
  'milestones/link-task': command<Milestone>()(z.object({ id, taskId: id, isLinked: z.boolean() })),
  'deliverables/set-status': command<Deliverable>()(z.object({ id, status: deliverableStatusSchema })),

  /** Progress, budget vs actual with 80%/100% warnings, milestones, risk heatmap, overdue and blocked tasks. */
  'projects/dashboard': query<ProjectDashboard>()(z.object({ id })),
  /** The spec's generate_project_gantt(project_id). */
  'projects/gantt': query<GanttView>()(z.object({ projectId: id })),
  /** The spec's export_to_mermaid_gantt(project_id), or the plan as CSV. */
  'projects/export': query<ExportView>()(z.object({ projectId: id, format: z.enum(['mermaid', 'csv']) })),
  'milestones/list': query<MilestoneView[]>()(z.object({ projectId: id })),
  'deliverables/list': query<Deliverable[]>()(z.object({ projectId: id })),
  /** The register (optionally one heatmap cell's risks) and the heatmap of open risks. */
  'risks/list': query<RiskRegisterView>()(
    z.object({ projectId: id, probability: riskRatingSchema.optional(), impact: riskRatingSchema.optional(), includeClosed: z.boolean().default(true) }),
  ),
  'allocations/list': query<AllocationView[]>()(z.object({ projectId: id })),
  'budget/overview': query<BudgetView>()(z.object({ projectId: id })),
  /**
   * The spec's calculate_team_utilization(user_ids, start_date, end_date): per person per ISO week,
   * over all projects. Without `personIds`, the project's team (owner included) when `projectId` is given.
   */
  'utilisation/team': query<UtilisationView>()(
    z.object({ personIds: z.array(id).max(200).optional(), projectId: id.optional(), start: planDateSchema, end: planDateSchema }),
  ),
};
