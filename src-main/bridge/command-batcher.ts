import type { Result } from '../../src-shared/core/result';
import type { BatchedCall, CommandBatch } from '../host/handler-types';
import type { SerialQueue } from './serial-queue';

/**
 * Groups calls of a command that has a batch form (handler-types.ts `CommandBatch`) while they wait
 * for the write queue. The first call of a group takes a place in the queue; calls of the same
 * command, person and channel arriving before that place is reached join it, up to `maxSize`. The
 * place is taken one event-loop turn later: with storage that answers synchronously a request runs
 * to its end within one I/O callback, so without that turn requests that arrived together would
 * still reach the queue one after another. An idle queue runs a lone call after that one turn.
 * A group runs in one queue turn, so its writes go to SQLite together instead of one after another.
 */

export interface BatchableCall {
  /** Checked in the queue right before the group runs (an If-Match); its refusal is this call's result. */
  precondition?: (() => Promise<Result<null>>) | undefined;
  call: BatchedCall<never>;
}

interface Group {
  calls: BatchableCall[];
  settle: ((result: Result<unknown>) => void)[];
  fail: ((error: unknown) => void)[];
}

export interface CommandBatcher {
  /** `wrap` runs the group's work in the queue (the audit channel); the call's own result. */
  run(key: string, batch: CommandBatch<never>, call: BatchableCall, wrap: <T>(task: () => Promise<T>) => Promise<T>): Promise<Result<unknown>>;
}

export function createCommandBatcher(queue: SerialQueue, maxSize = 50): CommandBatcher {
  const open = new Map<string, Group>();

  const runGroup = async (group: Group, batch: CommandBatch<never>): Promise<Result<unknown>[]> => {
    const results = new Array<Result<unknown>>(group.calls.length);
    const passed: number[] = [];
    for (const [index, { precondition }] of group.calls.entries()) {
      const refused = precondition ? await precondition() : undefined;
      if (refused && !refused.ok) results[index] = refused;
      else passed.push(index);
    }
    const answers = passed.length > 0 ? await batch(passed.map((index) => (group.calls[index] as BatchableCall).call)) : [];
    passed.forEach((index, i) => (results[index] = answers[i] as Result<unknown>));
    return results;
  };

  return {
    run(key, batch, call, wrap) {
      return new Promise((resolve, reject) => {
        let group = open.get(key);
        if (!group) {
          const fresh: Group = { calls: [], settle: [], fail: [] };
          group = fresh;
          open.set(key, fresh);
          // One turn of the event loop first: requests already received are read (each runs up to here) and join.
          setImmediate(() =>
            void queue
              .run(() => {
                // From here on later calls start a group of their own.
                if (open.get(key) === fresh) open.delete(key);
                return wrap(() => runGroup(fresh, batch));
              })
              .then(
                (results) => fresh.settle.forEach((settle, i) => settle(results[i] as Result<unknown>)),
                (error: unknown) => fresh.fail.forEach((failed) => failed(error)),
              ),
          );
        }
        group.calls.push(call);
        group.settle.push(resolve);
        group.fail.push(reject);
        if (group.calls.length >= maxSize) open.delete(key);
      });
    },
  };
}
