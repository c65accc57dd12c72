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
  unknown_command: 'unknown_command',
  malformed_message: 'malformed_message',
  message_too_large: 'message_too_large',
  database_unavailable: 'database_unavailable',
  internal: 'internal',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
