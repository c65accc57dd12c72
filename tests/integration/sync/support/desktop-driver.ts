import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Result } from '../../../../src-shared/core/result';

export interface Desktop {
  /** The PC's data folder (its database and `logs/`). */
  readonly dataDir: string;
  /** The host process's id (its memory and CPU time in /proc). */
  readonly pid: number;
  /** A command through one UI connection; `as` names another connection (a second person signed in on the PC). */
  call<T = unknown>(name: string, input?: unknown, as?: string): Promise<Result<T>>;
  /** The current value of a live query. */
  query<T = unknown>(name: string, input?: unknown, as?: string): Promise<Result<T>>;
  find<T = Record<string, unknown>>(collection: string, selector?: Record<string, unknown>): Promise<T[]>;
  /** How many documents of a collection the PC's database holds (deleted ones not counted). */
  count(collection: string, selector?: Record<string, unknown>): Promise<number>;
  /** Sends the file at `path` to the host's upload route as the signed-in UI would; the route's status and answer. */
  upload(path: string): Promise<{ status: number; body: { uploadId?: string; sha256?: string; error?: { code: string } } }>;
  /** Writes a document straight into the PC's database, as a feature would. */
  insert(collection: string, doc: Record<string, unknown>): Promise<null>;
  /** Moves the PC's wall clock forward by `ms` and waits until the host has done what became due. */
  advanceClock(ms: number): Promise<null>;
  close(): Promise<void>;
}

/** Starts a desktop host on `dataDir` in a child process and drives it like a UI would. */
export async function startDesktop(dataDir: string, env: Record<string, string> = {}): Promise<Desktop> {
  const child: ChildProcess = fork(join(import.meta.dirname, 'desktop-process.ts'), [dataDir], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the desktop process did not start')), 60_000);
    child.once('exit', (code) => reject(new Error(`the desktop process exited with ${code}`)));
    child.on('message', (message: { ready?: boolean; id?: number; result?: unknown; error?: string }) => {
      if (message.ready) {
        clearTimeout(timer);
        return resolve();
      }
      const waiter = waiting.get(message.id!);
      waiting.delete(message.id!);
      if (message.error) waiter?.reject(new Error(message.error));
      else waiter?.resolve(message.result);
    });
  });
  const send = <T>(request: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, ...request });
    });
  return {
    dataDir,
    pid: child.pid!,
    call: (name, input = {}, as) => send({ op: 'call', name, input, as }),
    query: (name, input = {}, as) => send({ op: 'query', name, input, as }),
    find: (collection, selector) => send({ op: 'find', collection, selector }),
    count: (collection, selector) => send({ op: 'count', collection, selector }),
    insert: (collection, doc) => send({ op: 'insert', collection, doc }),
    advanceClock: (ms) => send({ op: 'advance-clock', ms }),
    upload: (path) => send({ op: 'upload', path }),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await send({ op: 'close' }).catch(() => undefined);
      await exited;
    },
  };
}
