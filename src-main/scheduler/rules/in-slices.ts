/** Documents derived between two turns of the event loop in a full derive: about 15 ms of work at 10k tasks. */
const SLICE = 500;

/**
 * `items.flatMap(derive)`, giving the event loop back between slices: deriving 10,000 tasks' reminders
 * (hashing 40,000 ids) takes a third of a second, and commands must not wait behind it. The
 * documents were read before, so yielding changes nothing they derive; writes meanwhile are
 * noted by the scheduler and derived on their own afterwards.
 */
export async function flatMapInSlices<T, R>(items: readonly T[], derive: (item: T) => R[]): Promise<R[]> {
  const result: R[] = [];
  for (let start = 0; start < items.length; start += SLICE) {
    if (start > 0) await new Promise((resolve) => setImmediate(resolve));
    for (let i = start; i < Math.min(items.length, start + SLICE); i++) for (const r of derive(items[i]!)) result.push(r);
  }
  return result;
}
