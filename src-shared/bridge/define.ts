import type { z } from 'zod';

/**
 * A command changes data (or the session). Its input is validated at the host boundary with `input`;
 * `TResult` is what the handler returns on success. `requiresSession: false` marks the few commands
 * that work before sign-in (first-run setup, sign-in itself).
 */
export interface CommandSpec<TInput extends z.ZodType = z.ZodType, TResult = unknown> {
  kind: 'command';
  input: TInput;
  requiresSession: boolean;
  /** Phantom field carrying the result type; never set at run time. */
  readonly result?: TResult;
}

/** A live query: the host pushes a new result every time the underlying data changes. */
export interface QuerySpec<TInput extends z.ZodType = z.ZodType, TResult = unknown> {
  kind: 'query';
  input: TInput;
  requiresSession: boolean;
  readonly result?: TResult;
}

export const command =
  <TResult>() =>
  <TInput extends z.ZodType>(input: TInput, options: { requiresSession?: boolean } = {}): CommandSpec<TInput, TResult> => ({
    kind: 'command',
    input,
    requiresSession: options.requiresSession ?? true,
  });

export const query =
  <TResult>() =>
  <TInput extends z.ZodType>(input: TInput, options: { requiresSession?: boolean } = {}): QuerySpec<TInput, TResult> => ({
    kind: 'query',
    input,
    requiresSession: options.requiresSession ?? true,
  });

export type InputOf<S> = S extends CommandSpec<infer I, unknown> | QuerySpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<S> = S extends CommandSpec<infer I, unknown> | QuerySpec<infer I, unknown> ? z.output<I> : never;
export type ResultOf<S> = S extends CommandSpec<z.ZodType, infer R> | QuerySpec<z.ZodType, infer R> ? R : never;
