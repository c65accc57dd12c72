import { describe, expect, it } from 'vitest';
import { createIdSource, makeId } from '../../src-shared/core/ids';

const zeros = (n: number) => new Uint8Array(n);

describe('ids', () => {
  it('sort by creation time', () => {
    expect(makeId(1000, zeros) < makeId(2000, zeros)).toBe(true);
    expect(makeId(0, zeros)).toHaveLength(26);
  });

  it('stay strictly increasing within one millisecond', () => {
    const next = createIdSource(() => 5, zeros);
    const ids = Array.from({ length: 100 }, next);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(100);
  });
});
