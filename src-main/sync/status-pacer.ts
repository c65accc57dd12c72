export interface StatusPacerOptions<T> {
  /** Least time between two emissions. */
  minIntervalMs: number;
  clock: () => number;
  /** The value as it stands now. */
  compute(): T;
  isSame(a: T, b: T): boolean;
  emit(value: T): void;
  setTimer(run: () => void, ms: number): () => void;
}

/**
 * Paces a status that many small events change (each page and push of twelve replications):
 * a change is emitted at once when the last emission is at least `minIntervalMs` old, otherwise
 * the value as it stands at the end of that interval is, so what people see changes at most once
 * per interval and never stays behind. `recheckAt` asks for a fresh look later (a phase that
 * depends on time, such as "quiet for a second").
 */
export function createStatusPacer<T>(options: StatusPacerOptions<T>) {
  let last: { value: T; at: number } | null = null;
  let cancelTimer: (() => void) | null = null;
  let timerAt = Infinity;
  let isDisposed = false;

  const schedule = (at: number) => {
    if (isDisposed || at >= timerAt) return;
    cancelTimer?.();
    timerAt = at;
    cancelTimer = options.setTimer(() => {
      cancelTimer = null;
      timerAt = Infinity;
      request();
    }, Math.max(0, at - options.clock()));
  };

  function request(): void {
    if (isDisposed) return;
    const now = options.clock();
    const earliest = last ? last.at + options.minIntervalMs : now;
    if (now < earliest) return schedule(earliest);
    const value = options.compute();
    if (last && options.isSame(last.value, value)) return;
    last = { value, at: now };
    options.emit(value);
  }

  return {
    request,
    recheckAt(at: number): void {
      schedule(Math.max(at, last ? last.at + options.minIntervalMs : at));
    },
    dispose(): void {
      isDisposed = true;
      cancelTimer?.();
    },
  };
}
