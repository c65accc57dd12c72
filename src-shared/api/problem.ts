import type { ErrorCode } from '../core/error-codes';
import type { AppError } from '../core/result';

/**
 * Errors over HTTP as RFC 9457 problem details (`application/problem+json`). The contract's typed
 * error travels unchanged — `code`, `message` as `detail`, `field` — so a script handles the same
 * codes the UI does; only the status is HTTP's. `errors` lists every input problem with its field
 * in the request's own names (`initial_variables.x`) and where it was (`body`, `query`, `path`).
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The contract's error code (src-shared/core/error-codes.ts). */
  code: ErrorCode;
  field?: string;
  errors?: ProblemField[];
  /** The path of the request that failed. */
  instance?: string;
  /** Internal errors: the id that finds the details in the host's log. */
  errorId?: string;
}

export interface ProblemField {
  field: string;
  in: 'body' | 'query' | 'path' | 'header';
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Where the problem types are described (the interactive docs list each code's meaning). */
export const PROBLEM_TYPE_BASE = 'https://labflow.org/problems/';

/**
 * HTTP status of each error code. 422 for input that parsed but breaks a rule of the domain, 409 for
 * a state that does not allow the action; 404 also for what the person may not read (read scope
 * never tells a stranger that a record exists). Keyed by string, not `ErrorCode`, so codes other
 * modules are adding (attachments') can be listed before they land.
 */
const statusOfCode: Readonly<Record<string, number>> = {
  invalid_input: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  session_expired: 401,
  already_exists: 409,
  invalid_state: 409,
  dependency_cycle: 409,
  task_blocked: 409,
  dependency_violation: 409,
  unknown_command: 404,
  malformed_message: 400,
  message_too_large: 413,
  database_unavailable: 503,
  internal: 500,
  not_your_step: 403,
  not_your_role: 403,
  unknown_action: 422,
  step_not_active: 409,
  instance_closed: 409,
  instance_incident: 409,
  self_approval_not_allowed: 403,
  duplicate_approver: 409,
  signature_required: 422,
  signature_invalid: 422,
  timer_not_due: 409,
  invalid_definition: 422,
  definition_not_published: 409,
  definition_retired: 409,
  instance_already_running: 409,
  missing_step_mapping: 422,
  // Like an Idempotency-Key sent again with another body (IETF httpapi-idempotency-key-header).
  command_id_reused: 422,
  rate_limited: 429,
  account_locked: 423,
  server_unreachable: 503,
  sync_protocol_mismatch: 409,
  file_too_large: 413,
  file_corrupt: 422,
  file_missing: 409,
};

/** Codes added to the contract later than this table answer 400 until they are given a status here. */
export const httpStatusOf = (code: string): number => statusOfCode[code] ?? 400;

const titles: Partial<Record<number, string>> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict with the current state',
  412: 'Changed since you read it',
  413: 'Too large',
  422: 'Not valid',
  423: 'Locked',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Something went wrong',
  503: 'Unavailable',
};

/** The problem document for a contract error (or an HTTP-level one given its own status). */
export function problemOf(error: AppError, options: { status?: number; instance?: string; errors?: ProblemField[]; type?: string } = {}): Problem {
  const status = options.status ?? httpStatusOf(error.code);
  const errorId = (error.details as { errorId?: unknown } | undefined)?.errorId;
  return {
    type: `${PROBLEM_TYPE_BASE}${options.type ?? error.code}`,
    title: titles[status] ?? 'Error',
    status,
    detail: error.message,
    code: error.code,
    ...(error.field ? { field: error.field } : {}),
    ...(options.errors?.length ? { errors: options.errors } : {}),
    ...(options.instance ? { instance: options.instance } : {}),
    ...(typeof errorId === 'string' ? { errorId } : {}),
  };
}
