import type { CommandName, Contract, QueryName } from '../../src-shared/bridge/contract';
import type { InputOf, ResultOf } from '../../src-shared/bridge/define';
import type { HostMessage } from '../../src-shared/bridge/protocol';
import type { AppError, Result } from '../../src-shared/core/result';
import type { ConnectionState, Transport } from './transport';

interface Subscription {
  name: string;
  input: unknown;
  listener: (result: Result<unknown>) => void;
}

/** The UI's one way to the host: typed commands and live queries over any transport. */
export function createBridgeClient(transport: Transport) {
  let next = 0;
  const calls = new Map<string, (result: Result<unknown>) => void>();
  const subscriptions = new Map<string, Subscription>();
  const eventListeners = new Set<(name: string, payload: unknown) => void>();
  const protocolErrors = new Set<(error: AppError) => void>();

  transport.onMessage((message: HostMessage) => {
    if (message.t === 'result') {
      calls.get(message.id)?.(message.result);
      calls.delete(message.id);
    } else if (message.t === 'data') {
      subscriptions.get(message.id)?.listener(message.result);
    } else if (message.t === 'event') {
      for (const listener of eventListeners) listener(message.name, message.payload);
    } else if (message.t === 'error') {
      const waiting = message.id ? calls.get(message.id) : undefined;
      if (waiting && message.id) {
        waiting({ ok: false, error: message.error });
        calls.delete(message.id);
      } else for (const listener of protocolErrors) listener(message.error);
    }
  });

  // After a reconnect the host has forgotten this UI: subscribe again, and fail calls in flight.
  let wasConnected = false;
  transport.onState((state: ConnectionState) => {
    if (state === 'connected') {
      if (wasConnected) for (const [id, s] of subscriptions) transport.send({ t: 'subscribe', id, name: s.name, input: s.input });
      wasConnected = true;
    } else if (state === 'disconnected') {
      for (const [id, resolve] of calls) {
        resolve({ ok: false, error: { code: 'database_unavailable', message: 'The connection to LabFlow was lost. Try again in a moment.' } });
        calls.delete(id);
      }
    }
  });

  return {
    call<K extends CommandName>(name: K, input: InputOf<Contract[K]>): Promise<Result<ResultOf<Contract[K]>>> {
      const id = `c${++next}`;
      return new Promise((resolve) => {
        calls.set(id, resolve as (result: Result<unknown>) => void);
        transport.send({ t: 'call', id, name, input });
      });
    },
    subscribe<K extends QueryName>(name: K, input: InputOf<Contract[K]>, listener: (result: Result<ResultOf<Contract[K]>>) => void): () => void {
      const id = `s${++next}`;
      subscriptions.set(id, { name, input, listener: listener as (result: Result<unknown>) => void });
      transport.send({ t: 'subscribe', id, name, input });
      return () => {
        subscriptions.delete(id);
        transport.send({ t: 'unsubscribe', id });
      };
    },
    onEvent(listener: (name: string, payload: unknown) => void) {
      eventListeners.add(listener);
      return () => void eventListeners.delete(listener);
    },
    onConnectionState: (listener: (state: ConnectionState) => void) => transport.onState(listener),
  };
}

export type BridgeClient = ReturnType<typeof createBridgeClient>;
