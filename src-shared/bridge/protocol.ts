import { z } from 'zod';
import type { AppError, Result } from '../core/result';
import { livePatchSchema, type LivePatch } from './live-patch';

/** Bumped whenever a message shape changes; the host refuses clients of another version. 2: live-query patches. */
export const PROTOCOL_VERSION = 2;

/** Larger messages are refused with `message_too_large` before they are parsed. */
export const MAX_MESSAGE_BYTES = 1_000_000;

const requestId = z.string().min(1).max(64);
const name = z.string().min(1).max(100);

/** Messages a UI sends to the host. Validated on arrival; anything else gets `malformed_message`. */
export const clientMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: requestId, name, input: z.unknown() }),
  // `patches: true`: after the first result, send `patch` messages against the last one sent.
  z.object({ t: z.literal('subscribe'), id: requestId, name, input: z.unknown(), patches: z.boolean().optional() }),
  z.object({ t: z.literal('unsubscribe'), id: requestId }),
  // A patch did not fit (or arrived out of turn): send the whole current result again.
  z.object({ t: z.literal('resync'), id: requestId }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/**
 * Messages the host sends to a UI. On a subscription with `patches`, every `data` and `patch`
 * carries `seq` (1, 2, …); a patch applies to the result numbered `base`, and a UI holding another
 * one asks for a `resync` instead of applying it.
 */
export type HostMessage =
  | { t: 'result'; id: string; result: Result<unknown> }
  | { t: 'data'; id: string; result: Result<unknown>; seq?: number }
  | { t: 'patch'; id: string; seq: number; base: number; patch: LivePatch }
  | { t: 'event'; name: string; payload: unknown }
  | { t: 'error'; id: string | null; error: AppError };

/** A `patch` message as the UI checks it before applying it: a patch it cannot read is answered with `resync`, never half applied. */
export const patchMessageSchema = z.object({ t: z.literal('patch'), id: requestId, seq: z.number().int().positive(), base: z.number().int().positive(), patch: livePatchSchema }).strict();
