/**
 * Keeps server documents away from RxDB while this PC's push of the same documents is unanswered.
 *
 * RxDB's downstream skips a server document when the PC holds a write of it that the server has
 * not confirmed, and moves its checkpoint past it: it counts on the push's answer to bring the
 * server's version. That holds when the server's version was made before the push arrived (the
 * push then conflicts and is answered with it). It fails when the push was accepted and another
 * PC's write was merged onto it before this PC recorded the answer: the stream (or a pull) brings
 * the merged version, RxDB drops it, the answer says "accepted", and the PC keeps its own version
 * for good. RxDB holds live events back while a live edit is pushed, but not during the push of
 * its re-sync pass (every reconnect, "Sync now") nor for pulls; a push sent as several requests
 * (one per author) or a slow one makes the window long enough to hit.
 *
 * The fence closes that window for any push, however many requests it takes: the ids of a push
 * are fenced from the moment it starts until `settled()` resolves after the push handler has
 * answered (RxDB has then stored the answer), and a server document for a fenced id waits until
 * then. RxDB then compares it with a confirmed state and takes it.
 */
export interface PushFence {
  /** Runs `push` with `ids` fenced; they stay fenced until `settled()` resolves after it. */
  around<T>(ids: readonly string[], push: () => Promise<T>): Promise<T>;
  /** Resolves once none of `ids` is fenced; counts them as held meanwhile. */
  waitFor(ids: readonly string[]): Promise<void>;
  /** Server documents waiting for a push answer right now. */
  heldDocuments(): number;
}

export function createPushFence(settled: () => Promise<unknown>): PushFence {
  const pushes = new Map<string, number>();
  let wakeUps: (() => void)[] = [];
  let held = 0;

  const release = (ids: readonly string[]) => {
    for (const id of ids) {
      const count = (pushes.get(id) ?? 1) - 1;
      if (count > 0) pushes.set(id, count);
      else pushes.delete(id);
    }
    const waiting = wakeUps;
    wakeUps = [];
    for (const wake of waiting) wake();
  };

  return {
    async around(ids, push) {
      for (const id of ids) pushes.set(id, (pushes.get(id) ?? 0) + 1);
      try {
        return await push();
      } finally {
        // Not awaited: RxDB stores the answer only after this push returns it.
        void settled()
          .catch(() => undefined)
          .then(() => release(ids));
      }
    },
    async waitFor(ids) {
      if (!ids.some((id) => pushes.has(id))) return;
      held += ids.length;
      try {
        while (ids.some((id) => pushes.has(id))) await new Promise<void>((wake) => wakeUps.push(wake));
      } finally {
        held -= ids.length;
      }
    },
    heldDocuments: () => held,
  };
}
