/**
 * Runs tasks one at a time in arrival order. Commands go through one queue so that a command's
 * read-check-write (and the old values in its audit entry) can never interleave with another's.
 */
export function createSerialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task, task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}

export type SerialQueue = ReturnType<typeof createSerialQueue>;
