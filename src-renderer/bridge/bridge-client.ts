import type { CommandName, Contract, QueryName } from '../../src-shared/bridge/contract';
import type { InputOf, ResultOf } from '../../src-shared/bridge/define';
import { applyPatch } from '../../src-shared/bridge/live-patch';
import { patchMessageSchema, type HostMessage } from '../../src-shared/bridge/protocol';
import type { AppError, Result } from '../../src-shared/core/result';
import type { ConnectionState, Transport } from './transport';

interface Subscription {
  name: string;
  input: unknown;
  listener: (result: Result<unknown>) => void;
  /** The last result received and its number: what the next patch applies to. */
  last?: { seq: number; value: unknown };
  isResyncing?: boolean;
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
      const subscription = subscriptions.get(message.id);
      if (!subscription) return;
      subscription.last = message.seq !== undefined && message.result.ok ? { seq: message.seq, value: message.result.value } : undefined;
      subscription.isResyncing = false;
      subscription.listener(message.result);
    } else if (message.t === 'patch') {
      const subscription = subscriptions.get(message.id);
      if (subscription && !subscription.isResyncing) applyLivePatch(message.id, subscription, message);
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

  /** Applies a patch to the last result; one that does not fit is dropped and the whole result asked for. */
  function applyLivePatch(id: string, subscription: Subscription, message: unknown): void {
    const parsed = patchMessageSchema.safeParse(message);
    const applied = parsed.success && subscription.last?.seq === parsed.data.base ? applyPatch(subscription.last.value, parsed.data.patch) : undefined;
    if (!parsed.success || !applied?.ok) {
      subscription.last = undefined;
      subscription.isResyncing = true;
      transport.send({ t: 'resync', id });
      return;
    }
    subscription.last = { seq: parsed.data.seq, value: applied.value };
    subscription.listener(applied);
  }

  // After a reconnect the host has forgotten this UI: subscribe again, and fail calls in flight.
  let wasConnected = false;
  transport.onState((state: ConnectionState) => {
    if (state === 'connected') {
      if (wasConnected)
        for (const [id, s] of subscriptions) {
          s.last = undefined;
          s.isResyncing = false;
          transport.send({ t: 'subscribe', id, name: s.name, input: s.input, patches: true });
        }
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
      transport.send({ t: 'subscribe', id, name, input, patches: true });
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
