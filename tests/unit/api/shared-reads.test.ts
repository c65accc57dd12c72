import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createSharedReads } from '../../../src-main/api/shared-reads';
import type { LabDatabase } from '../../../src-main/database/open-database';
import { fail, ok, type Result } from '../../../src-shared/core/result';

/** Repeated reads share a run only while nothing was written since it began, and only for a short while. */

function setUp() {
  const eventBulks$ = new Subject<unknown>();
  let time = 0;
  let runs = 0;
  const reads = createSharedReads({ eventBulks$ } as unknown as LabDatabase, { maxAgeMs: 1000, maxEntries: 3, now: () => time });
  const read = (value: unknown = 'rows'): (() => Promise<Result<unknown>>) => async () => {
    runs++;
    return ok(value);
  };
  return { reads, read, write: () => eventBulks$.next({}), pass: (ms: number) => void (time += ms), runs: () => runs };
}

describe('shared reads', () => {
  it('answer the same read again from its run while nothing was written', async () => {
    const { reads, read, runs } = setUp();
    expect(await reads.run('projects/list', read())).toEqual(ok('rows'));
    expect(await reads.run('projects/list', read())).toEqual(ok('rows'));
    expect(runs()).toBe(1);
    await reads.run('tasks/list', read());
    expect(runs()).toBe(2);
  });

  it('run again after any write, so a reader sees what was written before it asked', async () => {
    const { reads, read, write, runs } = setUp();
    await reads.run('k', read('before'));
    write();
    expect(await reads.run('k', read('after'))).toEqual(ok('after'));
    expect(runs()).toBe(2);
  });

  it('run again once the answer is older than the limit (values that change with the clock)', async () => {
    const { reads, read, pass, runs } = setUp();
    await reads.run('k', read());
    pass(1000);
    await reads.run('k', read());
    expect(runs()).toBe(1);
    pass(1);
    await reads.run('k', read());
    expect(runs()).toBe(2);
  });

  it('keep no failed answer, and no more than the limit of entries', async () => {
    const { reads, read, runs } = setUp();
    await reads.run('k', async () => fail('database_unavailable', 'busy'));
    await reads.run('k', read());
    expect(runs()).toBe(1);
    for (const key of ['a', 'b', 'c', 'd']) await reads.run(key, read());
    await reads.run('k', read());
    expect(runs()).toBe(6);
  });
});
