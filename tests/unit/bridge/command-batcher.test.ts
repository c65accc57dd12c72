import { describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../src-shared/core/result';
import { createCommandBatcher, type BatchableCall } from '../../../src-main/bridge/command-batcher';
import { createSerialQueue } from '../../../src-main/bridge/serial-queue';
import type { CommandBatch } from '../../../src-main/host/handler-types';

/** A batch form that doubles each call's number and notes the groups it was given. */
function doubling() {
  const groups: number[][] = [];
  const batch = (async (calls: readonly { input: unknown }[]) => {
    const inputs = calls.map((call) => call.input as number);
    groups.push(inputs);
    return inputs.map((n) => (n < 0 ? fail('invalid_input', 'negative') : ok(n * 2)));
  }) as unknown as CommandBatch<never>;
  return { batch, groups };
}

const callOf = (n: number, precondition?: () => Promise<Result<null>>): BatchableCall => ({ call: { input: n, context: {} } as never, ...(precondition ? { precondition } : {}) });
const direct = <T>(task: () => Promise<T>) => task();

describe('command batcher', () => {
  it('runs calls that arrive together as one group, each with its own result in order', async () => {
    const batcher = createCommandBatcher(createSerialQueue());
    const { batch, groups } = doubling();
    const results = await Promise.all([1, 2, -3, 4].map((n) => batcher.run('k', batch, callOf(n), direct)));
    expect(groups).toEqual([[1, 2, -3, 4]]);
    expect(results).toEqual([ok(2), ok(4), fail('invalid_input', 'negative'), ok(8)]);
  });

  it('keeps groups apart by key and starts a new group at the size limit', async () => {
    const batcher = createCommandBatcher(createSerialQueue(), 2);
    const { batch, groups } = doubling();
    await Promise.all([batcher.run('a', batch, callOf(1), direct), batcher.run('b', batch, callOf(2), direct), batcher.run('a', batch, callOf(3), direct), batcher.run('a', batch, callOf(5), direct)]);
    expect(groups).toEqual([[1, 3], [2], [5]]);
  });

  it('gathers calls arriving while the queue is busy behind it, and runs a lone call alone', async () => {
    const queue = createSerialQueue();
    const batcher = createCommandBatcher(queue);
    const { batch, groups } = doubling();
    let release = () => undefined as void;
    const busy = queue.run(() => new Promise<void>((resolve) => (release = resolve)));
    const waiting = [10, 20].map((n) => batcher.run('k', batch, callOf(n), direct));
    // Both are behind the busy task; a third arriving later in the same wait joins them.
    await new Promise((resolve) => setImmediate(resolve));
    waiting.push(batcher.run('k', batch, callOf(30), direct));
    release();
    await busy;
    expect(await Promise.all(waiting)).toEqual([ok(20), ok(40), ok(60)]);
    expect(await batcher.run('k', batch, callOf(7), direct)).toEqual(ok(14));
    expect(groups).toEqual([[10, 20, 30], [7]]);
  });

  it('answers a refused precondition for its call alone; the others of the group run', async () => {
    const batcher = createCommandBatcher(createSerialQueue());
    const { batch, groups } = doubling();
    const refused = fail('conflict', 'changed since you read it');
    const results = await Promise.all([
      batcher.run('k', batch, callOf(1, async () => ok(null)), direct),
      batcher.run('k', batch, callOf(2, async () => refused), direct),
      batcher.run('k', batch, callOf(3), direct),
    ]);
    expect(results).toEqual([ok(2), refused, ok(6)]);
    expect(groups).toEqual([[1, 3]]);
  });

  it('fails every call of a group whose batch throws, and the queue goes on', async () => {
    const queue = createSerialQueue();
    const batcher = createCommandBatcher(queue);
    const broken = (async () => {
      throw new Error('disk full');
    }) as unknown as CommandBatch<never>;
    const calls = [1, 2].map((n) => batcher.run('k', broken, callOf(n), direct));
    await expect(Promise.all(calls)).rejects.toThrow('disk full');
    await expect(Promise.allSettled(calls)).resolves.toEqual([expect.objectContaining({ status: 'rejected' }), expect.objectContaining({ status: 'rejected' })]);
    expect(await queue.run(async () => 'still running')).toBe('still running');
  });
});
