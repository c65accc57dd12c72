export interface EventStreamOptions {
  /** Opens the stream (a GET that answers text/event-stream); called again on every reconnect. */
  connect(signal: AbortSignal): Promise<Response>;
  onEvent(event: string, data: string): void;
  /** The stream is (again) open. */
  onOpen(): void;
  /** The stream dropped; it reconnects by itself after a back-off. */
  onDown(reason: string): void;
  /** No byte (not even a heartbeat) for this long means the connection is dead. */
  silenceTimeoutMs: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * A Server-Sent Events client over fetch (Node has no EventSource): parses `event:`/`data:` lines,
 * treats a silent connection as dead, and reconnects with exponential back-off until closed.
 */
export function openEventStream(options: EventStreamOptions): { close(): void } {
  const { initialBackoffMs = 500, maxBackoffMs = 30_000 } = options;
  let isClosed = false;
  let controller: AbortController | null = null;
  let backoff = initialBackoffMs;
  let wakeUp: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function runOnce(): Promise<string> {
    controller = new AbortController();
    const signal = controller.signal;
    let watchdog: NodeJS.Timeout | undefined;
    const feed = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => controller?.abort(new Error('no heartbeat')), options.silenceTimeoutMs);
    };
    try {
      feed();
      const response = await options.connect(signal);
      if (!response.ok || !response.body) return `the server answered ${response.status}`;
      options.onOpen();
      backoff = initialBackoffMs;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'the server closed the stream';
        feed();
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
          }
          if (data.length) options.onEvent(event, data.join('\n'));
        }
      }
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    } finally {
      clearTimeout(watchdog);
      controller = null;
    }
  }

  void (async () => {
    while (!isClosed) {
      const reason = await runOnce();
      if (isClosed) break;
      options.onDown(reason);
      await sleep(backoff);
      backoff = Math.min(backoff * 2, maxBackoffMs);
    }
  })();

  return {
    close() {
      isClosed = true;
      controller?.abort(new Error('closed'));
      wakeUp?.();
    },
  };
}
