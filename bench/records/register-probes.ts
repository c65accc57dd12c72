import type { Page } from 'playwright-core';

/**
 * Measurements taken inside the app's page, each until the register's painted mark
 * (RegisterGrid's `labflow:register:painted`, whose detail is the query the painted rows answer).
 * Each function passed to page.evaluate is serialised on its own, so it repeats the little it needs.
 */

const MARK = 'labflow:register:painted';

/**
 * Goes to a register's address (`#/equipment/purchase_request`, what the Registers tab and a
 * record's "where it belongs" link open); the time until its first rows are painted.
 */
export function openRegister(page: Page, hash: string): Promise<number> {
  return page.evaluate(
    ({ hash, mark }) =>
      new Promise<number>((resolve, reject) => {
        performance.clearMarks(mark);
        const start = performance.now();
        window.location.hash = hash;
        const poll = () => {
          const entry = performance.getEntriesByName(mark, 'mark')[0];
          if (entry) resolve(entry.startTime - start);
          else if (performance.now() - start > 60_000) reject(new Error('the register never painted'));
          else setTimeout(poll, 2);
        };
        poll();
      }),
    { hash, mark: MARK },
  );
}

/**
 * Does `act` ('type' words into the register's search box, or 'sort' by clicking a column header)
 * and returns the time until the rows answering the changed query are painted.
 */
export function changeRegister(page: Page, change: { act: 'type'; words: string } | { act: 'sort'; field: string; direction: 'asc' | 'desc' }): Promise<number> {
  return page.evaluate(
    ({ change, mark }) =>
      new Promise<number>((resolve, reject) => {
        performance.clearMarks(mark);
        const answers = (detail: unknown) => {
          const query = JSON.parse(String(detail)) as { text?: string; sort?: { field: string; direction: string } };
          return change.act === 'type' ? query.text === change.words.trim() : query.sort?.field === change.field && query.sort.direction === change.direction;
        };
        const start = performance.now();
        if (change.act === 'type') {
          const input = document.querySelector<HTMLInputElement>('input[aria-label^="Search "]');
          if (!input) return reject(new Error('no search box'));
          // React listens for input events and reads the value through the prototype's setter.
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, change.words);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        } else {
          const header = document.querySelector<HTMLElement>(`[data-testid="register-grid"] .MuiDataGrid-columnHeader[data-field="${change.field}"]`);
          if (!header) return reject(new Error(`no column ${change.field}`));
          header.click();
        }
        const poll = () => {
          const entry = performance.getEntriesByName(mark, 'mark').find((m) => answers((m as PerformanceMark).detail));
          if (entry) resolve(entry.startTime - start);
          else if (performance.now() - start > 60_000) reject(new Error(`the register never painted ${JSON.stringify(change)}`));
          else setTimeout(poll, 2);
        };
        poll();
      }),
    { change, mark: MARK },
  );
}
