/** Every error code the host, the bridge and the sync server may return. The UI maps them to text in one place. */
export const ErrorCode = {
  invalid_input: 'invalid_input',
  not_found: 'not_found',
  conflict: 'conflict',
  forbidden: 'forbidden',
  unauthenticated: 'unauthenticated',
  session_expired: 'session_expired',
  already_exists: 'already_exists',
  invalid_state: 'invalid_state',
  /** Adding the dependency would make tasks wait on each other in a circle. */
  dependency_cycle: 'dependency_cycle',
  /** The task cannot start or finish yet: predecessors or subtasks are still open. */
  task_blocked: 'task_blocked',
  /** The change would break a finish-to-start rule (e.g. reopening a task whose successor already started). */
  dependency_violation: 'dependency_violation',
  unknown_command: 'unknown_command',
  malformed_message: 'malformed_message',
  message_too_large: 'message_too_large',
  database_unavailable: 'database_unavailable',
  internal: 'internal',
  // Workflow engine (src-shared/workflows): each names why an action on an instance was refused.
  not_your_step: 'not_your_step',
  not_your_role: 'not_your_role',
  unknown_action: 'unknown_action',
  step_not_active: 'step_not_active',
  instance_closed: 'instance_closed',
  instance_incident: 'instance_incident',
  self_approval_not_allowed: 'self_approval_not_allowed',
  duplicate_approver: 'duplicate_approver',
  signature_required: 'signature_required',
  /** The password re-entered to sign did not match; nothing was signed. */
  signature_invalid: 'signature_invalid',
  timer_not_due: 'timer_not_due',
  invalid_definition: 'invalid_definition',
  definition_not_published: 'definition_not_published',
  definition_retired: 'definition_retired',
  instance_already_running: 'instance_already_running',
  missing_step_mapping: 'missing_step_mapping',
  /** A client sent a command id it had already used for a different request; nothing was done. */
  command_id_reused: 'command_id_reused',
  // Team sync (src-shared/sync, sync-server).
  /** Too many attempts in a short time; try again later. */
  rate_limited: 'rate_limited',
  /** Sign-in is locked after repeated failures. */
  account_locked: 'account_locked',
  /** The sync server cannot be reached. */
  server_unreachable: 'server_unreachable',
  /** Desktop and server speak different sync protocol versions. */
  sync_protocol_mismatch: 'sync_protocol_mismatch',
  // Attachments (src-shared/files).
  /** The file is larger than attachments may be (50 MB). */
  file_too_large: 'file_too_large',
  /** The file's content does not match its SHA-256: damaged on disk or in transit. */
  file_corrupt: 'file_corrupt',
  /** The file is not on this PC (yet): it waits for the sync server. */
  file_missing: 'file_missing',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
