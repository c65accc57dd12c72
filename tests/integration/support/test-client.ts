import { applyPatch } from '../../../src-shared/bridge/live-patch';
import type { HostMessage } from '../../../src-shared/bridge/protocol';
import type { Result } from '../../../src-shared/core/result';
import type { Host } from '../../../src-main/host/create-host';

/** Drives a host connection the way a UI does, through the same message protocol. */
export function connectTestClient(host: Host) {
  const messages: HostMessage[] = [];
  const waiters: (() => void)[] = [];
  const connection = host.connect((message) => {
    messages.push(JSON.parse(JSON.stringify(message)) as HostMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  let next = 0;

  const waitFor = async <T extends HostMessage>(match: (m: HostMessage) => m is T, timeoutMs = 5000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = messages.find(match);
      if (found) {
        messages.splice(messages.indexOf(found), 1);
        return found;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting; received ${JSON.stringify(messages)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };

  return {
    messages,
    raw: (message: unknown) => connection.receive(message),
    async call<T = unknown>(name: string, input: unknown = {}): Promise<Result<T>> {
      const id = `c${++next}`;
      await connection.receive(JSON.stringify({ t: 'call', id, name, input }));
      const reply = await waitFor((m): m is Extract<HostMessage, { t: 'result' }> => m.t === 'result' && m.id === id);
      return reply.result as Result<T>;
    },
    /**
     * `patches: true` subscribes as the UI does: `next()` then applies each `patch` to the last
     * result (and throws on one that does not fit), and `nextMessage()` shows what came on the wire.
     */
    subscribe(name: string, input: unknown = {}, options: { patches?: boolean } = {}) {
      const id = `s${++next}`;
      void connection.receive(JSON.stringify({ t: 'subscribe', id, name, input, ...(options.patches ? { patches: true } : {}) }));
      type Push = Extract<HostMessage, { t: 'data' } | { t: 'patch' }>;
      const nextMessage = () => waitFor((m): m is Push => (m.t === 'data' || m.t === 'patch') && m.id === id);
      let last: { seq: number; value: unknown } | undefined;
      return {
        id,
        nextMessage,
        next: async <T = unknown>(): Promise<Result<T>> => {
          const message = await nextMessage();
          if (message.t === 'data') {
            last = message.result.ok && message.seq !== undefined ? { seq: message.seq, value: message.result.value } : undefined;
            return message.result as Result<T>;
          }
          if (last?.seq !== message.base) throw new Error(`patch ${message.seq} is against ${message.base}, the client holds ${last?.seq}`);
          const applied = applyPatch(last.value, message.patch);
          if (!applied.ok) throw new Error(applied.error.message);
          last = { seq: message.seq, value: applied.value };
          return applied as Result<T>;
        },
      };
    },
    waitFor,
    close: () => connection.close(),
  };
}
