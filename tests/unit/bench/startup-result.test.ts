import { describe, expect, it } from 'vitest';
import { startupResult } from '../../../bench/startup/startup-result';

describe("bench:startup's result line", () => {
  const runs = {
    full: [{ toSignInMs: 1300, toMainViewMs: 900 }, { toSignInMs: 1100.4, toMainViewMs: 2600 }, { toSignInMs: 1700, toMainViewMs: 1000 }],
    empty: [{ toSignInMs: 1000, toMainViewMs: 400 }, { toSignInMs: 900, toMainViewMs: 500 }, { toSignInMs: 950, toMainViewMs: 450 }],
    bare: [{ toSignInMs: 400 }, { toSignInMs: 260 }, { toSignInMs: 500 }],
  };

  it('starts with the issue’s fields, medians at 100,000 records on top and the empty folder inside', () => {
    const line = JSON.stringify(startupResult(runs, { cpus: 2 }));
    expect(line.startsWith('{"toSignInMs":1300,"toMainViewMs":1000,"ratioToBare":3.25,"empty":{"toSignInMs":950,"toMainViewMs":450}')).toBe(true);
    expect(JSON.parse(line)).toMatchObject({ bare: { toSignInMs: 400 }, runs: 3, machine: { cpus: 2 } });
  });

  it('judges each goal on the medians', () => {
    expect(startupResult(runs, {}).meetsGoals).toEqual({ toSignInMs: true, toMainViewMs: true, ratioToBare: false });
    const slow = { ...runs, full: runs.full.map((run) => ({ ...run, toSignInMs: run.toSignInMs + 500 })) };
    expect(startupResult(slow, {}).meetsGoals.toSignInMs).toBe(false);
  });

  it('takes the middle two’s mean for an even number of runs and keeps each run as a rounded sample', () => {
    const two = { full: [{ toSignInMs: 1000.6, toMainViewMs: 2000 }, { toSignInMs: 1200, toMainViewMs: 3000 }], empty: [{ toSignInMs: 800, toMainViewMs: 300 }], bare: [{ toSignInMs: 550 }] };
    const result = startupResult(two, {});
    expect(result.toSignInMs).toBe(1100);
    expect(result.toMainViewMs).toBe(2500);
    expect(result.samples.full[0]).toEqual({ toSignInMs: 1001, toMainViewMs: 2000 });
    expect(result.samples.bare).toEqual([{ toSignInMs: 550 }]);
  });
});
