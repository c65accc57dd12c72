import { z } from 'zod';
import type { AppError, Result } from '../core/result';

/** Bumped whenever a message shape changes; the host refuses clients of another version. */
export const PROTOCOL_VERSION = 1;

/** Larger messages are refused with `message_too_large` before they are parsed. */
export const MAX_MESSAGE_BYTES = 1_000_000;

const requestId = z.string().min(1).max(64);
const name = z.string().min(1).max(100);

/** Messages a UI sends to the host. Validated on arrival; anything else gets `malformed_message`. */
export const clientMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: requestId, name, input: z.unknown() }),
  z.object({ t: z.literal('subscribe'), id: requestId, name, input: z.unknown() }),
  z.object({ t: z.literal('unsubscribe'), id: requestId }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** Messages the host sends to a UI. */
export type HostMessage =
  | { t: 'result'; id: string; result: Result<unknown> }
  | { t: 'data'; id: string; result: Result<unknown> }
  | { t: 'event'; name: string; payload: unknown }
  | { t: 'error'; id: string | null; error: AppError };
