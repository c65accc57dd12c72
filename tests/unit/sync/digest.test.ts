import { describe, expect, it } from 'vitest';
import { syncCollections } from '../../../src-shared/sync/collections';
import { hashText } from '../../../src-shared/core/text-hash';
import { bucketOf, DIGEST_BUCKETS, differingBuckets, differingIds, digestOf, documentHash } from '../../../src-shared/sync/digest';

const spec = (name: string) => syncCollections.find((c) => c.name === name)!;
const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `T-${i}`, hash: hashText(`content ${i}`) }));

describe('the consistency check’s digest', () => {
  it('hashes a document’s content the way it travels: key order, RxDB’s fields and PC-only fields do not count', () => {
    const person = { id: 'P1', name: 'Ada', roles: ['admin'], email: 'ada@lab.org' };
    const onPc = { email: 'ada@lab.org', roles: ['admin'], name: 'Ada', id: 'P1', passwordHash: '$argon2id$…', _rev: '3-abc', _meta: { lwt: 1 }, _deleted: false, _attachments: {} };
    expect(documentHash(spec('people'), onPc, syncCollections)).toBe(documentHash(spec('people'), person, syncCollections));
    expect(documentHash(spec('people'), { ...person, name: 'Ada L.' }, syncCollections)).not.toBe(documentHash(spec('people'), person, syncCollections));
    expect(hashText('x')).toMatch(/^[0-9a-f]{28}$/);
  });

  it('spreads ids over every bucket, the same way each time', () => {
    const used = new Set(entries(2000).map((e) => bucketOf(e.id)));
    expect(used.size).toBe(DIGEST_BUCKETS);
    expect(bucketOf('T-42')).toBe(bucketOf('T-42'));
  });

  it('finds exactly the buckets and ids that differ, whatever order the entries come in', () => {
    const server = entries(300);
    const pc = [...server].reverse().map((e) => (e.id === 'T-7' ? { ...e, hash: hashText('stale') } : e)).filter((e) => e.id !== 'T-9');
    pc.push({ id: 'T-ONLY-HERE', hash: hashText('mine') });
    expect(differingBuckets(digestOf(server), digestOf(server.slice().reverse()))).toEqual([]);
    const buckets = differingBuckets(digestOf(pc), digestOf(server));
    expect(buckets).toEqual([...new Set(['T-7', 'T-9', 'T-ONLY-HERE'].map(bucketOf))].sort((a, b) => a - b));
    expect(differingIds(pc, server)).toEqual(['T-7', 'T-9', 'T-ONLY-HERE']);
    // A short answer (a server with fewer buckets) differs everywhere it is short.
    expect(differingBuckets(digestOf(server), digestOf(server).slice(0, 60))).toEqual([60, 61, 62, 63]);
  });
});
