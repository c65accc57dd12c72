import { describe, expect, it } from 'vitest';
import { createStatusPacer } from '../../../src-main/sync/status-pacer';

/** A hand-driven clock and timer list, so every step is decided by the test. */
function fakeTime() {
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => void timers.splice(timers.indexOf(timer), 1);
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers.splice(timers.indexOf(due), 1);
        now = due.at;
        due.run();
      }
      now = until;
    },
  };
}

describe('createStatusPacer', () => {
  it('emits a change at once, then at most once per interval with the value as it stands at its end', () => {
    const time = fakeTime();
    let value = 'syncing 100';
    const emitted: [number, string][] = [];
    const pacer = createStatusPacer({ minIntervalMs: 1000, clock: time.now, compute: () => value, isSame: (a, b) => a === b, emit: (v) => emitted.push([time.now(), v]), setTimer: time.setTimer });
    pacer.request();
    // A thousand events in the next second, flipping between two phases.
    for (let i = 0; i < 1000; i++) {
      time.advance(1);
      value = i % 2 ? 'up to date' : `syncing ${99 - Math.floor(i / 20)}`;
      pacer.request();
    }
    time.advance(5000);
    // The timer at 1000 ms runs before that millisecond's event: it shows the state of the one before.
    expect(emitted).toEqual([[0, 'syncing 100'], [1000, 'syncing 50'], [2000, 'up to date']]);
    // Nothing changed: nothing emitted, however often asked.
    pacer.request();
    time.advance(3000);
    expect(emitted).toHaveLength(3);
  });

  it('looks again when asked to (a phase that changes with time alone), still no sooner than the interval', () => {
    const time = fakeTime();
    let value = 'syncing';
    const emitted: string[] = [];
    const pacer = createStatusPacer({ minIntervalMs: 1000, clock: time.now, compute: () => value, isSame: (a, b) => a === b, emit: (v) => emitted.push(v), setTimer: time.setTimer });
    pacer.request();
    value = 'up to date';
    pacer.recheckAt(200);
    time.advance(999);
    expect(emitted).toEqual(['syncing']);
    time.advance(1);
    expect(emitted).toEqual(['syncing', 'up to date']);
    pacer.dispose();
    value = 'offline';
    pacer.request();
    expect(emitted).toHaveLength(2);
  });
});
