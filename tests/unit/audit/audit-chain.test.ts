import { describe, expect, it } from 'vitest';
import { canonicalJson, chainProblem, entryHash, personOfWriter, sealEntry, verifyLog, writerIdOf, type ChainFields } from '../../../src-shared/audit/audit-chain';

/** The audit log's hash chain: each writer's entries link by hash, so any change, removal or insertion shows. */
const entry = (id: string, fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  id, createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', createdBy: 'P-1', updatedBy: 'P-1', auditId: id,
  at: '2026-01-05T09:00:00.000Z', actorId: 'P-1', actorName: 'Ada', command: 'projects/rename', collectionName: 'projects', recordId: 'PR-1',
  operation: 'update', changes: [{ field: 'name', old: 'a', new: 'b' }], after: { id: 'PR-1', name: 'b' }, ...fields,
});
const writer = writerIdOf('PC-1', 'P-1');
function chainOf(count: number) {
  const out: Record<string, unknown>[] = [];
  let previous: { seq: number; hash: string } | null = null;
  for (let i = 0; i < count; i++) {
    const sealed: Record<string, unknown> & ChainFields = sealEntry(entry(`A${i}`), writer, previous);
    previous = { seq: sealed.seq, hash: sealed.hash };
    out.push(sealed);
  }
  return out;
}

describe('canonical serialisation', () => {
  it('sorts keys at every depth and leaves out undefined, so jsonb’s reordering changes nothing', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
    expect(entryHash(entry('X', { after: { name: 'b', id: 'PR-1' } }))).toBe(entryHash(entry('X')));
  });

  it('hashes the entry as it travels: a password hash in the record copy does not count, RxDB fields do not count', () => {
    const withHash = entry('X', { collectionName: 'people', after: { id: 'P', passwordHash: '$argon2id$secret' } });
    const without = entry('X', { collectionName: 'people', after: { id: 'P' } });
    expect(entryHash(withHash)).toBe(entryHash(without));
    expect(entryHash({ ...without, _rev: '2-abc', _meta: { lwt: 1 } })).toBe(entryHash(without));
  });
});

describe('a writer’s chain', () => {
  it('links each entry to the one before and names its writer', () => {
    const [first, second] = chainOf(2) as [Record<string, unknown>, Record<string, unknown>];
    expect(first).toMatchObject({ writerId: writer, seq: 0, prevHash: '' });
    expect(second).toMatchObject({ writerId: writer, seq: 1, prevHash: first.hash });
    expect(personOfWriter(writer)).toBe('P-1');
    expect(chainProblem(second, { seq: 0, hash: String(first.hash) })).toBeNull();
  });

  it('finds an altered entry, a wrong link and a missing writer', () => {
    const [first, second] = chainOf(2) as [Record<string, unknown>, Record<string, unknown>];
    expect(chainProblem({ ...second, actorName: 'Mallory' }, { seq: 0, hash: String(first.hash) })).toBe('its content does not match its hash');
    expect(chainProblem(second, { seq: 0, hash: 'f'.repeat(64) })).toBe('it does not follow the entry before it in the chain');
    expect(chainProblem({ ...first, writerId: 'no-separator' }, null)).toBe('it names no writer');
  });
});

describe('verifying a log', () => {
  it('says a whole log is intact, and counts entries from before the chain', () => {
    const report = verifyLog([...chainOf(3), entry('OLD', { writerId: '' })]);
    expect(report).toEqual({ chains: [{ writerId: writer, entries: 3 }], unchained: 1, isIntact: true });
  });

  it.each([
    ['an entry changed', (log: Record<string, unknown>[]) => log.map((e) => (e.id === 'A2' ? { ...e, after: { id: 'PR-1', name: 'forged' } } : e)), 'A2', 'its content does not match its hash'],
    ['an entry removed', (log: Record<string, unknown>[]) => log.filter((e) => e.id !== 'A1'), 'A2', 'entry 1 of the chain is missing'],
    ['an entry inserted', (log: Record<string, unknown>[]) => [...log, sealEntry(entry('EVIL'), writer, { seq: 1, hash: String(log[1]?.hash) })], 'EVIL', 'another entry holds its place in the chain'],
  ])('names the first bad entry when %s', (_what, tamper, id, problem) => {
    const report = verifyLog(tamper(chainOf(4)));
    expect(report.isIntact).toBe(false);
    expect(report.chains[0]?.firstBad).toMatchObject({ id, problem });
  });
});
