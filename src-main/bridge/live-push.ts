import type { Result } from '../../src-shared/core/result';
import { diffValue, type LivePatch } from '../../src-shared/bridge/live-patch';
import type { HostMessage } from '../../src-shared/bridge/protocol';

/** Patches up to this size are sent without measuring the whole result they replace. */
const SMALL_PATCH_CHARS = 16_384;

export interface LivePush {
  push(result: Result<unknown>): void;
  /** The UI could not apply a patch: send the last result whole. */
  resync(): void;
}

/**
 * Sends one subscription's results. Without `patches` every result goes whole, as protocol 1 did.
 * With it, a result after the first is sent as a patch against the last one sent, or not at all when
 * nothing changed; whole when the patch would be bigger than about half of the result, or when either
 * result is an error.
 */
export function createLivePush(id: string, send: (message: HostMessage) => void, isPatching: boolean): LivePush {
  let seq = 0;
  let last: Result<unknown> | undefined;
  const sendWhole = (result: Result<unknown>) => send({ t: 'data', id, result, seq: ++seq });
  const isWorthSending = (patch: LivePatch, value: unknown) => {
    if ('v' in patch) return false;
    const size = JSON.stringify(patch).length;
    return size <= SMALL_PATCH_CHARS || size * 2 < JSON.stringify(value).length;
  };
  return {
    push(result) {
      if (!isPatching) return send({ t: 'data', id, result });
      const previous = last;
      last = result;
      if (previous?.ok && result.ok) {
        const patch = diffValue(previous.value, result.value);
        if (patch === undefined) return;
        if (isWorthSending(patch, result.value)) return send({ t: 'patch', id, base: seq, seq: ++seq, patch });
      }
      sendWhole(result);
    },
    resync() {
      if (last) sendWhole(last);
    },
  };
}
