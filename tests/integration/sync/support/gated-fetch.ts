import type { Fetch } from '../../../../src-main/sync/server-api';

export interface HeldPush {
  /** The request body the PC sent (the server has already committed it). */
  body: string;
  /** Hands the server's answer to the PC. */
  release(): void;
}

type Page = { documents: { id?: unknown }[] };

/** A page with the documents of `dropped` ids taken out (its checkpoint stays). */
const without = (dropped: ReadonlySet<string>, json: string): string => {
  const page = JSON.parse(json) as Page;
  return JSON.stringify({ ...page, documents: page.documents.filter((d) => !dropped.has(String(d.id))) });
};

/**
 * A `fetch` for a PC that lets a test control the interleaving of its pushes and its live stream:
 * while `isHolding`, a push goes to the server (which commits it) but its answer waits until the
 * test releases it; everything the live streams deliver is kept as text, so the test can wait for
 * a given change to have reached the PC. `isOffline` makes every request fail like a cut network;
 * documents of `dropped` ids are taken out of pull pages and stream events, so the PC's checkpoint
 * passes versions it never stores (what a dropped page does).
 */
export function createGatedFetch() {
  const held: HeldPush[] = [];
  let streamText = '';
  const gate = {
    isHolding: false,
    isOffline: false,
    dropped: new Set<string>(),
    held,
    /** Everything the live streams have delivered so far. */
    get streamText() {
      return streamText;
    },
    fetch: (async (input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]): Promise<Response> => {
      if (gate.isOffline) throw new TypeError('fetch failed (the test cut the network)');
      const url = String(input);
      const response = await fetch(input, init);
      if (url.includes('/stream') && response.body) {
        const decoder = new TextDecoder();
        const encoder = new TextEncoder();
        let buffer = '';
        // Whole events are passed on (with dropped documents taken out), so the PC parses what it always does.
        const tap = new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            const text = decoder.decode(chunk, { stream: true });
            streamText += text;
            buffer += text;
            for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
              const block = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              const data = block.split('\n').find((line) => line.startsWith('data: '));
              const passed = data && gate.dropped.size > 0 ? block.replace(data, `data: ${without(gate.dropped, data.slice(6))}`) : block;
              controller.enqueue(encoder.encode(`${passed}\n\n`));
            }
          },
        });
        return new Response(response.body.pipeThrough(tap), { status: response.status, headers: response.headers });
      }
      if (url.includes('/pull') && gate.dropped.size > 0 && response.ok) {
        return new Response(without(gate.dropped, await response.text()), { status: response.status, headers: response.headers });
      }
      if (!gate.isHolding || init?.method !== 'POST' || !url.includes('/push')) return response;
      const text = await response.text();
      await new Promise<void>((release) => held.push({ body: String(init.body), release }));
      return new Response(text, { status: response.status, headers: response.headers });
    }) satisfies Fetch,
  };
  return gate;
}
