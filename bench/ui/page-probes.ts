import type { Page } from 'playwright-core';

/**
 * Measurements taken inside the page. Each function passed to page.evaluate is serialised on its
 * own, so it repeats the little it needs instead of sharing helpers.
 */

export const p95 = (values: readonly number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number;
};

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

export const round = (n: number) => Math.round(n * 10) / 10;

/** Clicks a tab and returns the time from the click until the component's "painted" mark. */
export function openByTab(page: Page, tab: string, mark: string): Promise<number> {
  return page.evaluate(
    ({ tab, mark }) =>
      new Promise<number>((resolve, reject) => {
        performance.clearMarks(mark);
        const element = Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]')).find((e) => e.textContent?.trim() === tab);
        if (!element) return reject(new Error(`no tab ${tab}`));
        const start = performance.now();
        element.click();
        const poll = () => {
          const entry = performance.getEntriesByName(mark, 'mark')[0];
          if (entry) resolve(entry.startTime - start);
          else if (performance.now() - start > 60_000) reject(new Error(`${mark} never came`));
          else setTimeout(poll, 2);
        };
        poll();
      }),
    { tab, mark },
  );
}

/** Scrolls an element by `step` px each frame for `frames` frames; returns the frame-to-frame times. */
export function scrollFrames(page: Page, selector: string, frames: number, step: number): Promise<number[]> {
  return page.evaluate(
    ({ selector, frames, step }) =>
      new Promise<number[]>((resolve) => {
        const element = document.querySelector(selector) as HTMLElement;
        const deltas: number[] = [];
        let last: number | undefined;
        let i = 0;
        const tick = (t: number) => {
          if (last !== undefined) deltas.push(t - last);
          last = t;
          if (i++ < frames) {
            element.scrollTop += step;
            requestAnimationFrame(tick);
          } else resolve(deltas);
        };
        requestAnimationFrame(tick);
      }),
    { selector, frames, step },
  );
}

/** Starts recording frame-to-frame times; `stop` returns them. */
export async function recordFrames(page: Page): Promise<{ stop: () => Promise<number[]> }> {
  await page.evaluate(() => {
    const state = { deltas: [] as number[], isOn: true, last: undefined as number | undefined };
    (window as unknown as { benchFrames: typeof state }).benchFrames = state;
    const tick = (t: number) => {
      if (state.last !== undefined) state.deltas.push(t - state.last);
      state.last = t;
      if (state.isOn) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  return {
    stop: () =>
      page.evaluate(() => {
        const state = (window as unknown as { benchFrames: { deltas: number[]; isOn: boolean } }).benchFrames;
        state.isOn = false;
        return state.deltas;
      }),
  };
}

/**
 * Changes a task's title through a second bridge connection (a WebSocket of its own, signed in
 * separately, as another PC or window would) and returns the time from sending the command until
 * the new title is on screen (seen by a MutationObserver, then one painted frame).
 */
export function liveUpdate(page: Page, input: { email: string; password: string; taskId: string; title: string }): Promise<number> {
  return page.evaluate(
    async ({ email, password, taskId, title }) => {
      const token = sessionStorage.getItem('labflow.token') ?? '';
      const socket = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
      await new Promise((resolve) => (socket.onopen = resolve));
      let next = 0;
      const waiting = new Map<string, (result: { ok: boolean; error?: { message: string } }) => void>();
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { t: string; id: string; result: { ok: boolean } };
        if (message.t === 'result') waiting.get(message.id)?.(message.result);
      };
      const call = (name: string, input: unknown) =>
        new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => {
          const id = `bench${++next}`;
          waiting.set(id, resolve);
          socket.send(JSON.stringify({ t: 'call', id, name, input }));
        });
      const signedIn = await call('auth/sign-in', { email, password });
      if (!signedIn.ok) throw new Error(`second connection: ${signedIn.error?.message}`);
      const painted = new Promise<number>((resolve) => {
        const observer = new MutationObserver((records) => {
          for (const record of records) {
            const shows = (record.target.textContent ?? '').includes(title) || Array.from(record.addedNodes).some((n) => (n.textContent ?? '').includes(title));
            if (shows) {
              observer.disconnect();
              requestAnimationFrame(() => {
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve(performance.now());
                channel.port2.postMessage(null);
              });
              return;
            }
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      const start = performance.now();
      const changed = await call('tasks/update', { id: taskId, title });
      if (!changed.ok) throw new Error(`tasks/update: ${changed.error?.message}`);
      const end = await painted;
      socket.close();
      return end - start;
    },
    input,
  );
}
