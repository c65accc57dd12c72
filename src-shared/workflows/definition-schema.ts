import { z } from 'zod';
import { fail, ok, type Result } from '../core/result';
import { recordEffectsSchema } from './record-binding';
import { routingSchema } from './routing-rules';
import { stepFormSchema } from './step-form';

/**
 * The workflow definition format: the feature spec's format as written (`workflow_code`, `steps[]`
 * with `step_id`, `next_steps`, `conditions`, `initial_step`, `sla_config`) plus LabFlow's
 * extensions, all optional so a spec definition loads unchanged. The schema checks shape only and
 * never rewrites the input (no defaults, no transforms), so a parsed definition exports as it came;
 * meaning (references, reachability, split/join pairs) is checked by `validateDefinition`.
 */

export const stepTypes = ['task', 'approval', 'parallel', 'join', 'notify', 'timer', 'decision', 'end'] as const;
export type StepType = (typeof stepTypes)[number];

/** Steps a person acts on; every other type is run through by the engine at once (timers wait for `fireTimer`). */
export const humanStepTypes: readonly StepType[] = ['task', 'approval'];

const stepIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'A step id is 1–80 letters, digits, "_" or "-".');
const nameSchema = z.string().trim().min(1, 'Enter a name.').max(200);

export const assigneeTypes = ['role', 'user', 'variable'] as const;
export type AssigneeType = (typeof assigneeTypes)[number];
/** `user` may list several people; `variable` names an instance variable (or a value the resolver knows, e.g. `requester_department_head`). */
const assigneeValueSchema = z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(100)]);

export const quorumKinds = ['any', 'all', 'n_of_m'] as const;
export type QuorumKind = (typeof quorumKinds)[number];

const quorumFields = {
  quorum: z.enum(quorumKinds).optional(),
  /** Approvals needed when the quorum is `n_of_m`. */
  n: z.number().int().min(1).optional(),
  /** How many approvers there are when the assignee is a role (a role has no fixed head count). */
  m: z.number().int().min(1).optional(),
};

const approvalLevelSchema = z
  .object({ name: nameSchema.optional(), assignee_type: z.enum(assigneeTypes), assignee_value: assigneeValueSchema, ...quorumFields })
  .strict();
export type ApprovalLevel = z.infer<typeof approvalLevelSchema>;

const approvalConfigSchema = z
  .object({
    ...quorumFields,
    /** Sequential levels inside one step (e.g. head of department, then finance); without levels the step's own assignee decides. */
    levels: z.array(approvalLevelSchema).min(1).max(10).optional(),
    allow_self_approval: z.boolean().optional(),
  })
  .strict();
export type ApprovalConfig = z.infer<typeof approvalConfigSchema>;

const timerConfigSchema = z
  .object({
    after_hours: z.number().positive().max(24 * 366 * 5).optional(),
    /** Name of a variable holding an ISO-8601 date-time to wait until. */
    until_variable: z.string().min(1).max(80).optional(),
  })
  .strict();

/**
 * A timer on a waiting step (task or approval), distinct from SLA escalations: when it fires the
 * step is left and the token goes to `go` (e.g. "no answer from the supplier in 10 working days →
 * chase"). Hours are working hours of the definition's calendar when `working_hours` is set.
 */
const boundaryTimerSchema = z
  .object({
    after_hours: z.number().positive().max(24 * 366 * 5),
    working_hours: z.boolean().optional(),
    go: z.string(),
  })
  .strict();
export type BoundaryTimer = z.infer<typeof boundaryTimerSchema>;

export const stepSchema = z
  .object({
    step_id: stepIdSchema,
    name: nameSchema,
    type: z.enum(stepTypes),
    description: z.string().max(2000).optional(),
    assignee_type: z.enum(assigneeTypes).optional(),
    assignee_value: assigneeValueSchema.optional(),
    next_steps: z.array(z.string()).optional(),
    /** Action-based routing: action name → steps it leads to; `[]` ends the instance (as rejected for `reject`). */
    conditions: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'An action is a lower-case word like approve.'), z.array(z.string())).optional(),
    /** Data-based routing, used after the step when its action has no entry in `conditions`. */
    routing: routingSchema.optional(),
    approval: approvalConfigSchema.optional(),
    /** Approving or rejecting needs an electronic signature (the meaning, bound into the event). */
    require_signature: z.boolean().optional(),
    timer: timerConfigSchema.optional(),
    boundary_timer: boundaryTimerSchema.optional(),
    /** Text a `notify` step sends. */
    message: z.string().max(2000).optional(),
    /** How an `end` step closes the instance; `completed` when absent. */
    outcome: z.enum(['completed', 'rejected']).optional(),
    /** The form a person fills in to act on this step (step-form.ts); checked before the step moves on. */
    form: stepFormSchema.optional(),
    /** What the step's outcome does to the workflow's record, per action (record-binding.ts). */
    record_effects: recordEffectsSchema.optional(),
    /**
     * Acting on the step uses an instrument that must be ready for use (src-shared/equipment/
     * step-instrument-gate.ts): the one the form field `field` names, or, without it, the
     * equipment record the workflow is about.
     */
    ready_instrument: z.object({ field: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,79}$/, 'Name the form field that holds the instrument.').optional() }).strict().optional(),
  })
  .strict();
export type StepDefinition = z.infer<typeof stepSchema>;

export const escalationActions = ['notify', 'reassign', 'auto_act'] as const;
export type EscalationAction = (typeof escalationActions)[number];

export const escalationRuleSchema = z
  .object({
    /** Fires when this share of the SLA has passed (1–100). */
    at_percent: z.number().gt(0).max(100).optional(),
    /** Fires this many hours after the deadline (0 = at the breach). */
    after_breach_hours: z.number().min(0).optional(),
    action: z.enum(escalationActions),
    to_type: z.enum(assigneeTypes).optional(),
    to_value: assigneeValueSchema.optional(),
    /** For `auto_act`: the action taken on the assignees' behalf (e.g. approve, reject, complete). */
    auto_action: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/).optional(),
    comments: z.string().max(2000).optional(),
  })
  .strict();
export type EscalationRule = z.infer<typeof escalationRuleSchema>;

export const slaEntrySchema = z
  .object({
    duration_hours: z.number().positive().max(24 * 366 * 5),
    /** The spec writes `{}`; LabFlow takes a list, or an object of named rules. */
    escalation_rules: z.union([z.array(escalationRuleSchema), z.record(z.string(), escalationRuleSchema)]).optional(),
    /** Share of the SLA after which the step counts as at risk; 75 when absent. */
    at_risk_percent: z.number().gt(0).lt(100).optional(),
  })
  .strict();
export type SlaEntry = z.infer<typeof slaEntrySchema>;

export const workingCalendarSchema = z
  .object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    hours: z.object({ start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/), end: z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/) }).strict(),
    holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(),
    /**
     * A location of HR's public holiday calendars (src-shared/hr/workflow-holidays.ts): publishing
     * copies its whole-day holidays into `holidays`, so each published version carries the days it
     * counts with and host, server and replay agree without reading HR's records.
     */
    holiday_location: z.string().trim().min(1).max(100).optional(),
    /** The lab's offset from UTC in minutes (e.g. 60 for CET); fixed, so a daylight-saving switch moves hours by one. */
    utc_offset_minutes: z.number().int().min(-14 * 60).max(14 * 60).optional(),
  })
  .strict();
export type WorkingCalendar = z.infer<typeof workingCalendarSchema>;

export const definitionStatuses = ['draft', 'published', 'retired'] as const;
export type DefinitionStatus = (typeof definitionStatuses)[number];

export const definitionSchema = z.object({
  workflow_code: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{1,79}$/, 'A workflow code is 2–80 letters, digits, "_" or "-", starting with a letter.'),
  name: nameSchema,
  category: z.string().max(80).optional(),
  description: z.string().max(4000).optional(),
  version: z.number().int().min(1).optional(),
  status: z.enum(definitionStatuses).optional(),
  steps: z.array(stepSchema).min(1, 'A workflow needs at least one step.').max(500),
  initial_step: z.string(),
  sla_config: z.record(z.string(), slaEntrySchema).optional(),
  working_calendar: workingCalendarSchema.optional(),
  /** More than one running instance per record (entity_type + entity_id); one when absent. */
  allow_multiple_instances: z.boolean().optional(),
  /** The record kind instances are about (src-shared/records): each starts from one record of it, may read and change it. */
  record_kind: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'A record kind is a lower-case name like leave_request.').optional(),
});
export type WorkflowDefinition = z.infer<typeof definitionSchema>;

export interface DefinitionProblem {
  /** Where in the definition, e.g. `steps[2].next_steps[0]`. */
  path: string;
  stepId?: string;
  message: string;
}

/** `['steps', 2, 'next_steps', 0]` → `steps[2].next_steps[0]`. */
export function formatPath(parts: readonly PropertyKey[]): string {
  return parts.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

/** Shape problems of a definition as the validator reports them (path, step, message). */
export function shapeProblems(input: unknown, error: z.ZodError): DefinitionProblem[] {
  return error.issues.map((issue) => {
    const problem: DefinitionProblem = { path: formatPath(issue.path), message: issue.message };
    const [first, index] = issue.path;
    const steps = typeof input === 'object' && input !== null ? (input as { steps?: unknown }).steps : undefined;
    if (first === 'steps' && typeof index === 'number' && Array.isArray(steps)) {
      const stepId = (steps[index] as { step_id?: unknown } | undefined)?.step_id;
      if (typeof stepId === 'string') problem.stepId = stepId;
    }
    return problem;
  });
}

/** Parses the shape of a definition; `invalid_definition` with the problems in `details` when it does not fit. */
export function parseDefinition(input: unknown): Result<WorkflowDefinition> {
  const parsed = definitionSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const problems = shapeProblems(input, parsed.error);
  return fail('invalid_definition', problems[0]?.message ?? 'The definition does not fit the format.', {
    field: problems[0]?.path,
    details: problems,
  });
}
