import { z } from 'zod';
import { definitionSchema, definitionStatuses, stepTypes } from '../../workflows/definition-schema';
import { instanceStatuses, signatureMeanings } from '../../workflows/instance';
import { formFieldSchema } from '../../workflows/step-form';
import type {
  ActiveStepView, DefinitionSummaryView, DefinitionVersionView, DefinitionVersionsView, InstanceDetailView, InstanceSummaryView, PublishResultView, SlaViolationView,
  TimelineEntryView,
} from '../../workflows/workflow-contract';
import type { WorkflowEventType } from '../../workflows/workflow-events';
import { exactly } from '../schema-types';

/** The workflow views the API answers (the spec's endpoints), as schemas tied to the contract's types. */

const personRef = z.object({ id: z.string(), name: z.string() });
const slaState = z.enum(['on_track', 'at_risk', 'breached', 'no_sla']);
const time = z.string();

export const definitionVersionSchema = exactly<DefinitionVersionView>()(
  z.object({
    id: z.string(),
    code: z.string(),
    version: z.number().int(),
    status: z.enum(definitionStatuses),
    name: z.string(),
    category: z.string().optional(),
    description: z.string().optional(),
    definition: definitionSchema,
    problems: z.array(z.object({ path: z.string(), stepId: z.string().optional(), message: z.string() })),
    createdAt: time,
    createdBy: personRef,
    updatedAt: time,
    updatedBy: personRef,
  }),
);

export const publishResultSchema = exactly<PublishResultView>()(z.object({ definition: definitionVersionSchema, isNew: z.boolean() }));

export const definitionSummarySchema = exactly<DefinitionSummaryView>()(
  z.object({
    code: z.string(),
    name: z.string(),
    category: z.string().optional(),
    description: z.string().optional(),
    status: z.enum(definitionStatuses),
    publishedVersion: z.number().int().nullable(),
    latestVersion: z.number().int(),
    draftVersion: z.number().int().nullable(),
    stepCount: z.number().int(),
    updatedAt: time,
  }),
);

export const definitionVersionsSchema = exactly<DefinitionVersionsView>()(z.object({ code: z.string(), versions: z.array(definitionVersionSchema), canManage: z.boolean() }));

const activeStepSchema = exactly<ActiveStepView>()(
  z.object({
    token: z.string(),
    stepId: z.string(),
    stepName: z.string(),
    stepType: z.enum(stepTypes),
    enteredAt: time,
    assignees: z.object({ users: z.array(personRef), roles: z.array(z.string()) }),
    dueAt: time.optional(),
    atRiskAt: time.optional(),
    slaState,
    isBreached: z.boolean(),
    wakeAt: time.optional(),
    movesOn: z.object({ at: time, toStepName: z.string() }).optional(),
    isWaitingAtJoin: z.boolean(),
    approval: z
      .object({ level: z.number(), levelName: z.string().optional(), levelCount: z.number(), required: z.number(), approvals: z.number(), rejections: z.number() })
      .optional(),
  }),
);

export const instanceSummarySchema = exactly<InstanceSummaryView>()(
  z.object({
    id: z.string(),
    code: z.string(),
    workflowName: z.string(),
    definitionId: z.string(),
    definitionVersion: z.number().int(),
    entityType: z.string(),
    entityId: z.string(),
    status: z.enum(instanceStatuses),
    slaState,
    activeSteps: z.array(activeStepSchema),
    variables: z.record(z.string(), z.unknown()),
    startedAt: time,
    startedBy: personRef,
    requestedBy: personRef,
    updatedAt: time,
    endedAt: time.optional(),
    incident: z.object({ stepId: z.string(), reason: z.string(), message: z.string(), at: time }).optional(),
    incidents: z.array(z.object({ token: z.string(), stepId: z.string(), stepName: z.string(), reason: z.string(), message: z.string(), at: time })).optional(),
  }),
);

const eventTypes = [
  'instance_started', 'step_entered', 'vote_recorded', 'approval_level_passed', 'step_completed', 'instance_ended', 'incident_raised', 'incident_resolved',
  'step_reassigned', 'comment_added', 'escalation_triggered', 'sla_breached', 'instance_migrated',
] as const satisfies readonly WorkflowEventType[];

const timelineEntrySchema = exactly<TimelineEntryView>()(
  z.object({
    id: z.string(),
    seq: z.number().int(),
    type: z.enum(eventTypes),
    at: time,
    actor: personRef,
    stepId: z.string().optional(),
    stepName: z.string().optional(),
    toSteps: z.array(z.string()).optional(),
    action: z.string().optional(),
    comments: z.string().optional(),
    dataChanges: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).optional(),
    signature: z.object({ meaning: z.enum(signatureMeanings), signerName: z.string(), signedAt: time }).optional(),
    summary: z.string(),
  }),
);

export const instanceDetailSchema = exactly<InstanceDetailView>()(
  z.object({
    instance: instanceSummarySchema,
    definition: definitionVersionSchema,
    timeline: z.array(timelineEntrySchema),
    availableActions: z.array(z.object({ token: z.string(), stepId: z.string(), stepName: z.string(), actions: z.array(z.string()), signatureActions: z.array(z.string()), form: z.array(formFieldSchema) })),
    canCancel: z.boolean(),
    canReassign: z.boolean(),
    canComment: z.boolean(),
    canResolveIncident: z.boolean(),
  }),
);

export const slaViolationSchema = exactly<SlaViolationView>()(
  z.object({
    id: z.string(),
    workflow_name: z.string(),
    is_open: z.boolean(),
    workflow_instance_id: z.string(),
    workflow_code: z.string(),
    definition_version: z.number().int(),
    step_id: z.string(),
    step_name: z.string(),
    token: z.string(),
    entity_type: z.string(),
    entity_id: z.string(),
    assignees: z.object({ users: z.array(z.string()), roles: z.array(z.string()) }),
    expected_completion_time: time,
    actual_completion_time: time.nullable(),
    detected_at: time,
    violation_duration_hours: z.number(),
    escalated: z.boolean(),
    escalation_level: z.number().int(),
  }),
);

/** Results by contract entry. */
export const workflowResults = {
  'workflows/definitions/create': definitionVersionSchema,
  'workflows/definitions/update': definitionVersionSchema,
  'workflows/definitions/publish': publishResultSchema,
  'workflows/definitions/import': publishResultSchema,
  'workflows/definitions/retire': z.array(definitionVersionSchema),
  'workflows/definitions/list': z.array(definitionSummarySchema),
  'workflows/definitions/get': definitionVersionsSchema,
  'workflows/instances/start': instanceSummarySchema,
  'workflows/instances/advance': instanceSummarySchema,
  'workflows/instances/cancel': instanceSummarySchema,
  'workflows/instances/reassign': instanceSummarySchema,
  'workflows/instances/comment': instanceSummarySchema,
  'workflows/instances/resolve-incident': instanceSummarySchema,
  'workflows/instances/list': z.array(instanceSummarySchema),
  'workflows/instances/get': instanceDetailSchema,
  'workflows/sla-violations': z.array(slaViolationSchema),
} satisfies Record<string, z.ZodType>;
