import type { ErrorCode } from './error-codes';

/** An expected failure, shown to a person next to the field or action that caused it. */
export interface AppError {
  code: ErrorCode;
  message: string;
  /** The input field the error is about, when there is one (e.g. "email", "steps[2].next_steps"). */
  field?: string;
  details?: unknown;
}

/** Expected failures are values; only bugs throw (STYLE.md §4). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, extra: Omit<AppError, 'code' | 'message'> = {}): { ok: false; error: AppError } => ({
  ok: false,
  error: { code, message, ...extra },
});
