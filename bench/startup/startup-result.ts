/** bench:startup's figures: the medians of its runs and the JSON line it prints last. */

export interface StartupRun {
  toSignInMs: number;
  /** Absent for the bare page, which has nothing behind its sign-in form. */
  toMainViewMs?: number;
}

export interface StartupRuns {
  /** The host on the data folder with 100,000 records. */
  full: StartupRun[];
  /** The host on a data folder with only its people. */
  empty: StartupRun[];
  bare: StartupRun[];
}

export const GOALS = { toSignInMs: 1500, toMainViewMs: 2500, ratioToBare: 3 };

const median = (values: readonly number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

const whole = (n: number) => Math.round(n);

const mainViewMs = (runs: readonly StartupRun[]) => runs.flatMap((run) => (run.toMainViewMs === undefined ? [] : [run.toMainViewMs]));

/**
 * The result object: the fields first (medians; top level at 100,000 records, ratioToBare =
 * toSignInMs ÷ the bare page's), then the goals, each run's samples and the machine's load.
 */
export function startupResult(runs: StartupRuns, machine: Record<string, unknown>) {
  const toSignInMs = median(runs.full.map((run) => run.toSignInMs));
  const toMainViewMs = median(mainViewMs(runs.full));
  const bareToSignInMs = median(runs.bare.map((run) => run.toSignInMs));
  const ratioToBare = Math.round((toSignInMs / bareToSignInMs) * 100) / 100;
  return {
    toSignInMs: whole(toSignInMs),
    toMainViewMs: whole(toMainViewMs),
    ratioToBare,
    empty: { toSignInMs: whole(median(runs.empty.map((run) => run.toSignInMs))), toMainViewMs: whole(median(mainViewMs(runs.empty))) },
    bare: { toSignInMs: whole(bareToSignInMs) },
    goals: GOALS,
    meetsGoals: { toSignInMs: toSignInMs <= GOALS.toSignInMs, toMainViewMs: toMainViewMs <= GOALS.toMainViewMs, ratioToBare: ratioToBare <= GOALS.ratioToBare },
    runs: runs.full.length,
    samples: { full: runs.full.map(roundRun), empty: runs.empty.map(roundRun), bare: runs.bare.map(roundRun) },
    machine,
  };
}

const roundRun = (run: StartupRun): StartupRun => ({ toSignInMs: whole(run.toSignInMs), ...(run.toMainViewMs === undefined ? {} : { toMainViewMs: whole(run.toMainViewMs) }) });
