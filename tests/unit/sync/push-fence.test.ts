import { describe, expect, it } from 'vitest';
import { createPushFence } from '../../../src-main/sync/push-fence';

/** A promise the test resolves by hand, and a way to let every pending reaction run. */
const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};
const flush = () => new Promise<void>((r) => setImmediate(r));

describe('createPushFence', () => {
  it('lets documents of ids nobody pushes through at once', async () => {
    const fence = createPushFence(async () => undefined);
    await fence.waitFor(['T1']);
    expect(fence.heldDocuments()).toBe(0);
  });

  it('holds a pushed id until the answer is stored, not merely until the push returns', async () => {
    const stored = deferred();
    const fence = createPushFence(() => stored.promise);
    const answer = deferred();
    const pushing = fence.around(['T1', 'T2'], async () => {
      await answer.promise;
      return 'answer';
    });
    let isDelivered = false;
    const waiting = fence.waitFor(['T2', 'X']).then(() => (isDelivered = true));
    await flush();
    expect(fence.heldDocuments()).toBe(2);

    answer.resolve();
    expect(await pushing).toBe('answer');
    await flush();
    expect(isDelivered).toBe(false);

    stored.resolve();
    await waiting;
    expect(isDelivered).toBe(true);
    expect(fence.heldDocuments()).toBe(0);
  });

  it('keeps an id fenced while a second push of it is unanswered, and after a failed push until the answer is stored', async () => {
    let stored = deferred();
    const fence = createPushFence(() => stored.promise);
    const second = deferred();
    await expect(fence.around(['T1'], async () => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    const again = fence.around(['T1'], () => second.promise);
    let isDelivered = false;
    const waiting = fence.waitFor(['T1']).then(() => (isDelivered = true));

    const firstStored = stored;
    stored = deferred();
    firstStored.resolve();
    await flush();
    expect(isDelivered).toBe(false);

    second.resolve();
    await again;
    stored.resolve();
    await waiting;
    expect(isDelivered).toBe(true);
  });

  it('releases even when storing the answer fails (the replication was stopped)', async () => {
    const fence = createPushFence(async () => Promise.reject(new Error('cancelled')));
    await fence.around(['T1'], async () => 'done');
    await fence.waitFor(['T1']);
    expect(fence.heldDocuments()).toBe(0);
  });
});
