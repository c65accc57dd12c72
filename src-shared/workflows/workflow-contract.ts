import { z } from 'zod';
import { command, query } from '../bridge/define';
import type { DefinitionProblem, DefinitionStatus, StepType, WorkflowDefinition } from './definition-schema';
import { assigneeTypes, definitionStatuses } from './definition-schema';
import { instanceStatuses, signatureMeanings, type InstanceStatus, type SignatureMeaning } from './instance';
import type { RecordRefView } from './record-ref';
import type { SlaState, SlaViolation } from './sla';
import type { StepFormField } from './step-form';
import type { DataChanges, WorkflowEventType } from './workflow-events';
import type { InstanceMigrationPlan, StepToMap } from './migration-preview';

/**
 * Workflows between UI and host: definitions (draft → published → retired, one document per
 * version), instances and their history, the signed-in person's work, SLA violations. Every command
 * that writes carries a client-made `commandId`; sending it again changes nothing and returns the
 * same kind of result. Refusals are typed (`not_your_step`, `not_your_role`, `unknown_action`,
 * `instance_closed`, `signature_required`, `signature_invalid`, …, see core/error-codes.ts) and
 * write nothing.
 */

// ── Input pieces ────────────────────────────────────────────────────────────────────────────────

/** Made by the client once per user intent (e.g. a UUID); a repeat is a no-op. */
const commandId = z.string().trim().min(1, 'A command needs an id.').max(80);
const instanceId = z.string().min(1).max(40);
const workflowCode = z.string().trim().min(1, 'Give a workflow code.').max(80);
const versionNumber = z.number().int().min(1);
const stepRef = z.string().min(1).max(120);
const variables = z.record(z.string(), z.unknown());
const comments = z.string().trim().max(4000);
/** The definition as JSON; its shape is checked by the engine (`invalid_definition` lists every problem). */
const definitionJson = z.unknown();

/** An electronic signature: the signer re-enters the password and states what the signature means. */
export const signatureInputSchema = z.object({
  password: z.string().min(1, 'Enter your password to sign.').max(200),
  meaning: z.enum(signatureMeanings),
});
export type SignatureInput = z.infer<typeof signatureInputSchema>;

/** Where a new draft comes from: pasted JSON, a built-in template, or an existing definition. */
export const definitionSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('json'), definition: definitionJson }),
  z.object({
    kind: z.literal('template'),
    templateCode: workflowCode,
    /** The copy's own code and name; the template's when absent (refused if that code exists). */
    workflowCode: workflowCode.optional(),
    name: z.string().trim().min(1).max(200).optional(),
  }),
  z.object({
    kind: z.literal('definition'),
    code: workflowCode,
    /** The newest version when absent. */
    version: versionNumber.optional(),
    workflowCode,
    name: z.string().trim().min(1).max(200).optional(),
  }),
]);
export type DefinitionSource = z.infer<typeof definitionSourceSchema>;

const slaStates = ['on_track', 'at_risk', 'breached', 'no_sla'] as const;

// ── Views ───────────────────────────────────────────────────────────────────────────────────────

export interface PersonRef {
  id: string;
  /** The person's name; the id when the directory does not know it. */
  name: string;
}

/** One stored version of a workflow. */
export interface DefinitionVersionView {
  /** The document id (`workflow_definitions`). */
  id: string;
  code: string;
  version: number;
  status: DefinitionStatus;
  name: string;
  category?: string;
  description?: string;
  /** Exactly as saved (the spec's JSON format), with `version` and `status`. */
  definition: WorkflowDefinition;
  /** Empty for published and retired versions; a draft may be saved with problems. */
  problems: DefinitionProblem[];
  createdAt: string;
  createdBy: PersonRef;
  updatedAt: string;
  updatedBy: PersonRef;
}

/** One workflow (all versions of a code) in the definitions list. */
export interface DefinitionSummaryView {
  code: string;
  name: string;
  category?: string;
  description?: string;
  /** The record kind its instances are about (`record_kind`), when it names one. */
  recordKind?: string;
  /** published: a version starts instances; draft: never published; retired: starts no more. */
  status: DefinitionStatus;
  /** The version new instances start from; null when none is published. */
  publishedVersion: number | null;
  latestVersion: number;
  /** The draft's version when one is being edited. */
  draftVersion: number | null;
  stepCount: number;
  updatedAt: string;
}

export interface DefinitionVersionsView {
  code: string;
  /** Newest first. */
  versions: DefinitionVersionView[];
  /** Whether the signed-in person may edit, publish, retire and migrate (administrators). */
  canManage: boolean;
}

export interface TemplateView {
  code: string;
  name: string;
  category?: string;
  description?: string;
  stepCount: number;
  definition: WorkflowDefinition;
}

export interface PublishResultView {
  definition: DefinitionVersionView;
  /** False when the content equals the published version already (nothing was written). */
  isNew: boolean;
}

export interface ExportView {
  code: string;
  version: number;
  /** Pretty-printed JSON in the spec's format, ready to save as a file. */
  json: string;
}

export interface MigrationResultView {
  migrated: string[];
  /** Instances left on their version, with the reason (e.g. `missing_step_mapping`). */
  skipped: { instanceId: string; code: string; message: string }[];
}

/** What moving running instances to `toVersion` would do (the migration screen, `workflows migrate --dry-run`). */
export interface MigrationPlanView {
  code: string;
  name: string;
  toVersion: number;
  /** Published versions, newest first: where instances may move. */
  publishedVersions: number[];
  /** Running instances per version other than the target (what may be chosen). */
  runningByVersion: { version: number; count: number }[];
  /** The active steps of the chosen instances, each with the target steps it may become. */
  stepsToMap: StepToMap[];
  /** The mapping of every step whose id and type the target keeps. */
  suggestedMapping: Record<string, string>;
  /** The mapping the plan below used (the given one, with the suggestions when asked). */
  stepMapping: Record<string, string>;
  instances: (InstanceMigrationPlan & { label: string; startedAt: string })[];
}

export interface AssigneesView {
  users: PersonRef[];
  roles: string[];
}

export interface ActiveStepView {
  token: string;
  stepId: string;
  stepName: string;
  stepType: StepType;
  enteredAt: string;
  assignees: AssigneesView;
  dueAt?: string;
  atRiskAt?: string;
  slaState: SlaState;
  isBreached: boolean;
  /** Timer steps: when they fire. */
  wakeAt?: string;
  /** A boundary timer: when the step is left if nobody acts, and the step the work goes to then. */
  movesOn?: { at: string; toStepName: string };
  isWaitingAtJoin: boolean;
  /** Approval steps: the deciding level and its votes so far. */
  approval?: { level: number; levelName?: string; levelCount: number; required: number; approvals: number; rejections: number };
}

export interface InstanceSummaryView {
  id: string;
  code: string;
  workflowName: string;
  definitionId: string;
  definitionVersion: number;
  entityType: string;
  entityId: string;
  /** The record it is about, when it is about one this person may read. */
  record?: RecordRefView;
  status: InstanceStatus;
  /** The worst SLA state of the active steps. */
  slaState: SlaState;
  activeSteps: ActiveStepView[];
  variables: Record<string, unknown>;
  startedAt: string;
  startedBy: PersonRef;
  requestedBy: PersonRef;
  updatedAt: string;
  endedAt?: string;
  /** The oldest open incident (kept for readers of one incident; `incidents` lists them all). */
  incident?: { stepId: string; reason: string; message: string; at: string };
  /** Every open incident, oldest first, each with the step it stopped; the other steps go on. */
  incidents?: IncidentView[];
}

export interface IncidentView {
  /** The stopped step's token: what `resolve-incident` takes as `incident`. */
  token: string;
  stepId: string;
  stepName: string;
  reason: string;
  message: string;
  at: string;
}

export interface TimelineEntryView {
  id: string;
  seq: number;
  type: WorkflowEventType;
  at: string;
  actor: PersonRef;
  stepId?: string;
  stepName?: string;
  toSteps?: string[];
  action?: string;
  comments?: string;
  dataChanges?: DataChanges;
  /** The electronic signature bound into the event: who, when and what it means. */
  signature?: { meaning: SignatureMeaning; signerName: string; signedAt: string };
  /** One readable line, e.g. "Ada Admin approved Manager approval". */
  summary: string;
}

/** What the signed-in person may do on one active step. */
export interface AvailableActionView {
  token: string;
  stepId: string;
  stepName: string;
  actions: string[];
  /** Actions that need an electronic signature (password and meaning). */
  signatureActions: string[];
  /** The step's form (step-form.ts `fieldsForAction` picks an action's fields); empty when it has none. */
  form: StepFormField[];
}

export interface InstanceDetailView {
  instance: InstanceSummaryView;
  definition: DefinitionVersionView;
  /** Oldest first. */
  timeline: TimelineEntryView[];
  availableActions: AvailableActionView[];
  canCancel: boolean;
  canReassign: boolean;
  canComment: boolean;
  canResolveIncident: boolean;
}

export interface MyWorkItemView {
  instanceId: string;
  code: string;
  workflowName: string;
  entityType: string;
  entityId: string;
  token: string;
  stepId: string;
  stepName: string;
  stepType: StepType;
  enteredAt: string;
  dueAt?: string;
  slaState: SlaState;
  isOverdue: boolean;
  /** Whether it waits for this person by name or through one of their roles. */
  assignedVia: 'user' | 'role';
  actions: string[];
  signatureActions: string[];
  /** The step's form; empty when it has none. */
  form: StepFormField[];
  /** The record it is about, when it is about one this person may read. */
  record?: RecordRefView;
  requestedBy: PersonRef;
}

/** The spec's SLAViolation, with whether and when the late step was finished. */
export interface SlaViolationView extends SlaViolation {
  /** The `sla_breached` event. */
  id: string;
  workflow_name: string;
  /** True while the late step is still open. */
  is_open: boolean;
}

// ── The contract ────────────────────────────────────────────────────────────────────────────────

export const workflowContract = {
  /** Administrators: a new workflow as a draft (its code must be new). Drafts may have problems; publish checks them. */
  'workflows/definitions/create': command<DefinitionVersionView>()(z.object({ commandId, source: definitionSourceSchema })),
  /** Administrators: saves the edited definition as the code's draft (the next version when none is open). */
  'workflows/definitions/update': command<DefinitionVersionView>()(z.object({ commandId, code: workflowCode, definition: definitionJson })),
  /** Every problem of a definition, each with its path; saves nothing. Empty when valid. */
  'workflows/definitions/validate': command<DefinitionProblem[]>()(z.object({ definition: definitionJson })),
  /**
   * Administrators: publishes the draft (or the given version). New instances start from it; running
   * ones keep theirs. `invalid_definition` lists every problem.
   */
  'workflows/definitions/publish': command<PublishResultView>()(z.object({ commandId, code: workflowCode, version: versionNumber.optional() })),
  /** Administrators: the workflow starts no new instances; running ones go on. */
  'workflows/definitions/retire': command<DefinitionVersionView[]>()(z.object({ commandId, code: workflowCode })),
  /** Administrators: a definition file saved as the draft of its code, and published when asked (`isNew` false when unchanged). */
  'workflows/definitions/import': command<PublishResultView>()(
    z.object({ commandId, definition: definitionJson, publish: z.boolean().default(false) }),
  ),
  /** A version (the published one, else the newest) as JSON in the spec's format. */
  'workflows/definitions/export': command<ExportView>()(z.object({ code: workflowCode, version: versionNumber.optional() })),
  /**
   * Administrators: moves running instances of one version to another with an explicit step mapping
   * (old step id → new step id for every active step; `missing_step_mapping` otherwise).
   */
  /**
   * Administrators: previews moving running instances of `code` to `toVersion` (every version but
   * the target, or only `fromVersion`, or only `instanceIds`) with a step mapping; writes nothing.
   */
  'workflows/definitions/plan-migration': command<MigrationPlanView>()(
    z.object({
      code: workflowCode,
      toVersion: versionNumber,
      fromVersion: versionNumber.optional(),
      /** Old step id → new step id; '' leaves a step unmapped on purpose. */
      stepMapping: z.record(z.string(), z.string()).default({}),
      /** Map every step not named in `stepMapping` to the target's step of the same id and type. */
      suggest: z.boolean().default(false),
      instanceIds: z.array(instanceId).max(10_000).optional(),
    }),
  ),
  'workflows/definitions/migrate-instances': command<MigrationResultView>()(
    z.object({
      commandId,
      code: workflowCode,
      fromVersion: versionNumber,
      toVersion: versionNumber,
      stepMapping: z.record(z.string(), z.string()),
      /** Only these instances; every running instance of `fromVersion` when absent. */
      instanceIds: z.array(instanceId).max(10_000).optional(),
      comments: comments.optional(),
    }),
  ),

  /**
   * Starts the published version of a workflow for a record (one running instance per record unless
   * the definition allows more). A workflow about a record kind starts only from a record of that
   * kind the person may read (`entityType` = the kind, `entityId` = the record); so does any
   * workflow started for a declared record kind. `not_found` when the record is not shared with them.
   */
  'workflows/instances/start': command<InstanceSummaryView>()(
    z.object({
      commandId,
      code: workflowCode,
      entityType: z.string().trim().min(1, 'Say what the workflow is about.').max(40),
      entityId: z.string().trim().min(1, 'Say which record the workflow is about.').max(40),
      variables: variables.optional(),
      /** Someone else's request started on their behalf. */
      requestedBy: z.string().min(1).max(40).optional(),
    }),
  ),
  /**
   * Acts on an active step: `action` (e.g. complete, approve, reject), variables in `data`, `comments`.
   * Approve and reject on approval steps (and every action on steps that require it) need `signature`.
   */
  'workflows/instances/advance': command<InstanceSummaryView>()(
    z.object({
      commandId,
      instanceId,
      action: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'An action is a lower-case word like approve.'),
      /** The step (id or token); needed only when several wait for this person. */
      stepId: stepRef.optional(),
      data: variables.optional(),
      comments: comments.optional(),
      signature: signatureInputSchema.optional(),
    }),
  ),
  /** Administrators, and whoever started or requested it. */
  'workflows/instances/cancel': command<InstanceSummaryView>()(z.object({ commandId, instanceId, reason: comments.optional() })),
  /** Administrators, and the step's assignees (delegation). */
  'workflows/instances/reassign': command<InstanceSummaryView>()(
    z.object({
      commandId,
      instanceId,
      stepId: stepRef,
      to: z.object({ assignee_type: z.enum(assigneeTypes), assignee_value: z.union([z.string().min(1).max(200), z.array(z.string().min(1).max(200)).min(1).max(100)]) }),
      reason: comments.optional(),
    }),
  ),
  'workflows/instances/comment': command<InstanceSummaryView>()(
    z.object({ commandId, instanceId, comments: comments.min(1, 'Write a comment first.'), stepId: stepRef.optional() }),
  ),
  /**
   * Administrators: retries the step where an incident stopped the instance, or sends it to `goTo`, after correcting `data`.
   * `incident` (step id or token) picks one of several open incidents; the oldest open one otherwise.
   */
  'workflows/instances/resolve-incident': command<InstanceSummaryView>()(
    z.object({ commandId, instanceId, incident: stepRef.optional(), goTo: stepRef.optional(), data: variables.optional(), comments: comments.optional() }),
  ),

  /** One row per workflow code, by name. Retired workflows only when asked. */
  'workflows/definitions/list': query<DefinitionSummaryView[]>()(
    z.object({
      status: z.enum(definitionStatuses).optional(),
      includeRetired: z.boolean().default(false),
      /** Only workflows about this record kind (those a record page offers). */
      recordKind: z.string().max(40).optional(),
    }),
  ),
  /** Every version of one code, newest first; `not_found` when the code is unknown. */
  'workflows/definitions/get': query<DefinitionVersionsView>()(z.object({ code: workflowCode })),
  /** The built-in templates an administrator may copy. */
  'workflows/templates/list': query<TemplateView[]>()(z.object({})),
  /** Active steps waiting for the signed-in person (by name or role), most urgent first; none about a record they may not read. */
  'workflows/my-work': query<MyWorkItemView[]>()(z.object({})),
  /** Instances, newest first, filtered. */
  'workflows/instances/list': query<InstanceSummaryView[]>()(
    z.object({
      code: workflowCode.optional(),
      status: z.enum(instanceStatuses).optional(),
      slaState: z.enum(slaStates).optional(),
      entityType: z.string().max(40).optional(),
      entityId: z.string().max(40).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  ),
  /** One instance with its definition version, history and what the signed-in person may do; `not_found` when unknown. */
  'workflows/instances/get': query<InstanceDetailView>()(z.object({ instanceId })),
  /** Recorded SLA breaches, newest first (the spec's GET sla-violations). */
  'workflows/sla-violations': query<SlaViolationView[]>()(
    z.object({
      code: workflowCode.optional(),
      isOpenOnly: z.boolean().default(false),
      /** ISO time: only breaches detected since. */
      since: z.string().max(30).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
  ),
};

export type WorkflowContract = typeof workflowContract;
