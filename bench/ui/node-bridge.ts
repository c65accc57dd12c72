import WebSocket from 'ws';
import type { CommandName, Contract, QueryName } from '../../src-shared/bridge/contract';
import type { InputOf, ResultOf } from '../../src-shared/bridge/define';
import type { HostMessage } from '../../src-shared/bridge/protocol';
import type { Result } from '../../src-shared/core/result';

/** A second bridge connection from Node (the benchmark's "another PC"), speaking serve mode's WebSocket protocol. */
export async function connectBridge(appUrl: string) {
  const url = new URL(appUrl);
  const socket = new WebSocket(`ws://${url.host}/bridge?token=${encodeURIComponent(url.searchParams.get('token') ?? '')}`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let next = 0;
  const waiting = new Map<string, (result: Result<unknown>) => void>();
  const watching = new Map<string, (result: Result<unknown>) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as HostMessage;
    if (message.t === 'data') watching.get(message.id)?.(message.result);
    if ((message.t === 'result' || message.t === 'error') && message.id) {
      const resolve = waiting.get(message.id);
      waiting.delete(message.id);
      resolve?.(message.t === 'result' ? message.result : { ok: false, error: message.error });
    }
  });
  return {
    call<K extends CommandName>(name: K, input: InputOf<Contract[K]>): Promise<Result<ResultOf<Contract[K]>>> {
      const id = `n${++next}`;
      return new Promise((resolve) => {
        waiting.set(id, resolve as (result: Result<unknown>) => void);
        socket.send(JSON.stringify({ t: 'call', id, name, input }));
      });
    },
    /** Follows a live query until `isDone` holds for a value (or it answers an error), then unsubscribes. */
    until<K extends QueryName>(name: K, input: InputOf<Contract[K]>, isDone: (value: ResultOf<Contract[K]>) => boolean): Promise<Result<ResultOf<Contract[K]>>> {
      const id = `w${++next}`;
      return new Promise((resolve) => {
        watching.set(id, (result) => {
          if (result.ok && !isDone(result.value as ResultOf<Contract[K]>)) return;
          watching.delete(id);
          socket.send(JSON.stringify({ t: 'unsubscribe', id }));
          resolve(result as Result<ResultOf<Contract[K]>>);
        });
        socket.send(JSON.stringify({ t: 'subscribe', id, name, input }));
      });
    },
    close: () => socket.close(),
  };
}

/** Unwraps a command result, failing the benchmark with the host's message. */
export function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value;
}
