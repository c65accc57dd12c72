import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { CommandName, Contract, QueryName } from '../../src-shared/bridge/contract';
import type { InputOf, ResultOf } from '../../src-shared/bridge/define';
import type { AppError, Result } from '../../src-shared/core/result';
import type { BridgeClient } from './bridge-client';

const BridgeContext = createContext<BridgeClient | null>(null);

export function BridgeProvider({ client, children }: { client: BridgeClient; children: ReactNode }) {
  return <BridgeContext.Provider value={client}>{children}</BridgeContext.Provider>;
}

export function useBridge(): BridgeClient {
  const client = useContext(BridgeContext);
  if (!client) throw new Error('useBridge outside BridgeProvider');
  return client;
}

export interface LiveQueryState<T> {
  data: T | undefined;
  error: AppError | undefined;
  isLoading: boolean;
  /** The input (as JSON) that `data` or `error` answers: while a changed input loads, the last answer stays. */
  answers?: string;
}

/** Subscribes to a live query; re-renders whenever the host pushes a new result. */
export function useLiveQuery<K extends QueryName>(name: K, input: InputOf<Contract[K]>): LiveQueryState<ResultOf<Contract[K]>> {
  const client = useBridge();
  const key = JSON.stringify(input);
  const [state, setState] = useState<LiveQueryState<ResultOf<Contract[K]>>>({ data: undefined, error: undefined, isLoading: true });
  useEffect(() => {
    setState((s) => ({ ...s, isLoading: true }));
    return client.subscribe(name, JSON.parse(key) as InputOf<Contract[K]>, (result) =>
      setState(result.ok ? { data: result.value, error: undefined, isLoading: false, answers: key } : { data: undefined, error: result.error, isLoading: false, answers: key }),
    );
  }, [client, name, key]);
  return state;
}

/** Runs a command; keeps the last error so forms can show it next to the field it names. */
export function useCommand<K extends CommandName>(name: K) {
  const client = useBridge();
  const [isRunning, setIsRunning] = useState(false);
  const [error, setError] = useState<AppError | undefined>(undefined);
  const isMounted = useRef(true);
  useEffect(() => () => void (isMounted.current = false), []);
  const run = async (input: InputOf<Contract[K]>): Promise<Result<ResultOf<Contract[K]>>> => {
    setIsRunning(true);
    setError(undefined);
    const result = await client.call(name, input);
    if (isMounted.current) {
      setIsRunning(false);
      setError(result.ok ? undefined : result.error);
    }
    return result;
  };
  return { run, isRunning, error, clearError: () => setError(undefined) };
}
