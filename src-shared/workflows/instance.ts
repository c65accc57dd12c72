import type { CommandStamp } from './command-fingerprint';
import type { RecordSnapshot } from './record-binding';

/**
 * The state of a running workflow instance and the inputs that change it. An instance is plain JSON
 * (stored whole in `workflow_instances.state`); it only ever changes by applying workflow events
 * (see `workflow-events.ts`), which is what lets `replay` rebuild it from the history.
 */

export const instanceStatuses = ['running', 'completed', 'rejected', 'cancelled', 'incident'] as const;
export type InstanceStatus = (typeof instanceStatuses)[number];

export const isClosed = (status: InstanceStatus): boolean => status === 'completed' || status === 'rejected' || status === 'cancelled';

/** Every open incident of an instance, oldest first (each belongs to the step of its token). */
export const openIncidents = (instance: Pick<WorkflowInstance, 'incident' | 'otherIncidents'>): Incident[] =>
  instance.incident ? [instance.incident, ...(instance.otherIncidents ?? [])] : [];

/** Who may act on an active step: named people, holders of a role, or both. */
export interface Assignees {
  users: string[];
  roles: string[];
}

/** One branch of a parallel split that a step runs inside. Tokens carry a stack of these, innermost last. */
export interface ForkFrame {
  /** Unique per split: the id of the token that entered the split step. */
  forkId: string;
  splitStepId: string;
  /** Which branch, 0 … of-1. */
  branch: number;
  of: number;
}

export interface Vote {
  userId: string;
  decision: 'approve' | 'reject';
  /** Approval level (0-based) the vote was cast in. */
  level: number;
  at: string;
}

/** The progress of an approval step: which level is deciding and how it has voted. */
export interface ApprovalProgress {
  level: number;
  votes: Vote[];
  /** Approvals the current level needs. */
  required: number;
  /** Rejections after which the current level can no longer reach its quorum. */
  rejectionsToFail: number;
}

/** An active step: where one line of execution rests, with whom it waits for and until when. */
export interface ActiveStep {
  /** Unique within the instance (`<instanceId>.t<n>`); deadlines and scheduler keys hang off it. */
  token: string;
  stepId: string;
  enteredAt: string;
  forks: ForkFrame[];
  assignees: Assignees;
  approval?: ApprovalProgress;
  dueAt?: string;
  atRiskAt?: string;
  /** Indexes into the step's escalation rules that have fired. */
  escalationsFired: number[];
  isBreached: boolean;
  /** A waiting step's boundary timer: when it fires and moves the step on to its `go` step. */
  boundaryAt?: string;
  /** Timer steps: when the timer fires. */
  wakeAt?: string;
  /** Set while the token waits at a join for its sibling branches. */
  isWaitingAtJoin?: boolean;
}

export interface Incident {
  token: string;
  stepId: string;
  reason: 'no_route' | 'no_assignee' | 'quorum_unreachable' | 'join_mismatch' | 'automatic_loop' | 'unknown_step' | 'bad_timer';
  message: string;
  at: string;
}

export interface WorkflowInstance {
  id: string;
  workflowCode: string;
  definitionVersion: number;
  entityType: string;
  entityId: string;
  status: InstanceStatus;
  variables: Record<string, unknown>;
  /** The record the instance is about as its last run saw it (record-binding.ts); absent when it is about none. */
  record?: RecordSnapshot;
  /** The active steps; several while parallel branches run. */
  activeSteps: ActiveStep[];
  startedBy: string;
  /** Whose request this is; approvers other than this person unless self-approval is allowed. */
  requestedBy: string;
  startedAt: string;
  updatedAt: string;
  endedAt?: string;
  /** The oldest open incident (the one shown first); the status is `incident` while any is open. */
  incident?: Incident;
  /**
   * Incidents opened after `incident` and still open, oldest first; present only while more than
   * one is open, so an instance with one incident at a time looks exactly as it always did.
   */
  otherIncidents?: Incident[];
  /** Client-made command ids already applied, so a repeated command changes nothing. */
  processedCommandIds: string[];
  /**
   * What each command id asked for (command-fingerprint.ts), so the same id with another request is
   * refused as `command_id_reused`. Absent for ids applied before fingerprints were recorded.
   */
  commandFingerprints?: Record<string, string>;
  /** Events applied so far; the next event's sequence number. */
  eventCount: number;
  /** Tokens handed out so far; the next token's number. */
  tokenCount: number;
}

/** Who acts. The runtime fills it from the signed-in session; the engine trusts it. */
export interface Actor {
  userId: string;
  name?: string;
  roles: readonly string[];
}

/** The engine itself (timers, escalations, automatic steps). */
export const systemActor: Actor = { userId: 'system', name: 'LabFlow', roles: [] };

export const signatureMeanings = ['reviewed', 'approved', 'rejected', 'responsible'] as const;
export type SignatureMeaning = (typeof signatureMeanings)[number];

/** An electronic signature the runtime has verified (password re-entered); the engine binds it into the event. */
export interface Signature {
  meaning: SignatureMeaning;
  /** The signer: the person who acts (the sync server refuses a signature by anyone else). Absent on events signed before it was recorded. */
  signerId?: string;
  signerName: string;
  signedAt: string;
}

export interface AdvanceCommand {
  /** Made by the client; repeating a command with the same id is a no-op. */
  commandId: string;
  action: string;
  /** The active step acted on (step id or token); needed only when the actor has several. */
  stepId?: string;
  data?: Record<string, unknown>;
  comments?: string;
  signature?: Signature;
}

/** Finds a person for an `assignee_type: 'variable'` (or any) assignee when a step starts. */
export type AssigneeResolver = (request: {
  assigneeType: 'role' | 'user' | 'variable';
  assigneeValue: string | string[];
  instance: WorkflowInstance;
  stepId: string;
}) => Assignees | null;

export interface EngineOptions {
  /** Resolves assignees when a step starts; the default reads user ids from variables and takes roles and users as written. */
  resolveAssignees?: AssigneeResolver;
  /** The instance's record as it is now, read by the runtime before the run; recorded in the run's first event when it changed. */
  record?: RecordSnapshot;
  /** Whether an id is an active person (step form `person` fields); any id is taken when absent. */
  isPerson?: (id: string) => boolean;
  /** Whether an id names a file attached to this instance (step form `file` fields); any well-formed id is taken when absent. */
  isAttachment?: (id: string) => boolean;
  /**
   * A start's stamp (command-fingerprint.ts) taken by the runtime from the request as the client sent
   * it, before defaults were filled in, so a retry of it matches; made from the input when absent.
   */
  command?: CommandStamp;
}
