import type { Page } from '@playwright/test';

type CallResult = { ok: true; value: { id: string; person?: { id: string } } } | { ok: false; error: { message: string } };

/**
 * Runs contract commands through a second bridge connection opened in the page (serve mode's
 * WebSocket with the page's token), signed in as `who`: the way another window or PC would create
 * the data, through the same checked commands as the UI. Returns the signed-in person's id and each
 * command's result value; later inputs may name earlier results' ids as "$0", "$1", …
 */
export async function runCommands(
  page: Page,
  who: { email: string; password: string },
  calls: Array<{ name: string; input: unknown }>,
): Promise<{ personId: string; values: Array<{ id: string }> }> {
  return page.evaluate(
    async ({ calls, who }) => {
      const token = sessionStorage.getItem('labflow.token') ?? '';
      const socket = new WebSocket(`ws://${location.host}/bridge?token=${encodeURIComponent(token)}`);
      await new Promise((resolve, reject) => {
        socket.onopen = resolve;
        socket.onerror = () => reject(new Error('the bridge refused the connection'));
      });
      let next = 0;
      const waiting = new Map<string, (result: CallResult) => void>();
      socket.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as { t: string; id: string; result: CallResult };
        if (message.t === 'result') waiting.get(message.id)?.(message.result);
      };
      const call = (name: string, input: unknown) =>
        new Promise<CallResult>((resolve) => {
          const id = `e2e${++next}`;
          waiting.set(id, resolve);
          socket.send(JSON.stringify({ t: 'call', id, name, input }));
        });
      const signedIn = await call('auth/sign-in', who);
      if (!signedIn.ok) throw new Error(signedIn.error.message);
      const values: Array<{ id: string }> = [];
      for (const { name, input } of calls) {
        const resolved = JSON.parse(JSON.stringify(input), (_key, value: unknown) =>
          typeof value === 'string' && /^\$\d+$/.test(value) ? (values[Number(value.slice(1))] as { id: string }).id : value,
        ) as unknown;
        const result = await call(name, resolved);
        if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
        values.push(result.value);
      }
      socket.close();
      return { personId: signedIn.value.person?.id ?? '', values };
    },
    { calls, who: { email: who.email, password: who.password } },
  );
}
