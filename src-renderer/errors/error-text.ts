import type { AppError } from '../../src-shared/core/result';

/** Errors whose message comes from the host are shown as they are; these codes get a friendlier fallback. */
const fallback: Partial<Record<AppError['code'], string>> = {
  unauthenticated: 'Sign in first.',
  session_expired: 'Your session timed out. Sign in again.',
  forbidden: 'You do not have permission to do that.',
  database_unavailable: 'LabFlow cannot reach its database right now.',
  internal: 'Something went wrong. Nothing was changed.',
};

export const errorText = (error: AppError | undefined): string => (error ? error.message || fallback[error.code] || error.code : '');

/** The error for one form field, when the host named that field. */
export const fieldError = (error: AppError | undefined, field: string): string | undefined =>
  error?.field === field ? error.message : undefined;

/** The error when it is about no particular field (shown above the form's buttons). */
export const formError = (error: AppError | undefined, fields: string[]): string | undefined =>
  error && (!error.field || !fields.includes(error.field)) ? errorText(error) : undefined;
