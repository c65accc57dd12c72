import type { Fetch } from '../../../../src-main/sync/server-api';

export interface HeldPush {
  /** The request body the PC sent (the server has already committed it). */
  body: string;
  /** Hands the server's answer to the PC. */
  release(): void;
}

/**
 * A `fetch` for a PC that lets a test control the interleaving of its pushes and its live stream:
 * while `isHolding`, a push goes to the server (which commits it) but its answer waits until the
 * test releases it; everything the live streams deliver is kept as text, so the test can wait for
 * a given change to have reached the PC. `isOffline` makes every request fail like a cut network.
 */
export function createGatedFetch() {
  const held: HeldPush[] = [];
  let streamText = '';
  const gate = {
    isHolding: false,
    isOffline: false,
    held,
    /** Everything the live streams have delivered so far. */
    get streamText() {
      return streamText;
    },
    fetch: (async (input: Parameters<Fetch>[0], init?: Parameters<Fetch>[1]) => {
      if (gate.isOffline) throw new TypeError('fetch failed (the test cut the network)');
      const url = String(input);
      const response = await fetch(input, init);
      if (url.includes('/stream') && response.body) {
        const decoder = new TextDecoder();
        const tap = new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            streamText += decoder.decode(chunk, { stream: true });
            controller.enqueue(chunk);
          },
        });
        return new Response(response.body.pipeThrough(tap), { status: response.status, headers: response.headers });
      }
      if (!gate.isHolding || init?.method !== 'POST' || !url.includes('/push')) return response;
      const text = await response.text();
      await new Promise<void>((release) => held.push({ body: String(init.body), release }));
      return new Response(text, { status: response.status, headers: response.headers });
    }) satisfies Fetch,
  };
  return gate;
}
