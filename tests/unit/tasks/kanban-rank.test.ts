import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evenRanks, isKanbanRank, rankBetween } from '../../../src-shared/tasks/kanban-rank';

const ranks = fc.stringMatching(/^[0-9a-z]{0,6}[1-9a-z]$/);

describe('Kanban ranks', () => {
  it('start in the middle of the alphabet and leave room at both ends', () => {
    expect(rankBetween(null, null)).toBe('i');
    expect(rankBetween('i', null)).toBe('j');
    expect(rankBetween('z', null)).toBe('z1');
    expect(rankBetween(null, 'i')).toBe('h');
    expect(rankBetween('a', 'b')).toBe('ai');
    expect(rankBetween('a', 'a1')).toBe('a0i');
    expect(rankBetween('az', 'b')).toBe('azi');
    expect(rankBetween(null, '1')).toBe('0z');
    expect(rankBetween(null, '1a')).toBe('1');
    expect(rankBetween(null, '01')).toBe('00z');
  });

  it('refuse malformed or out-of-order neighbours', () => {
    expect(() => rankBetween('b', 'a')).toThrow();
    expect(() => rankBetween('a', 'a')).toThrow();
    expect(() => rankBetween('a0', null)).toThrow();
    expect(() => rankBetween('A', null)).toThrow();
  });

  it('always fit strictly between two ranks and stay valid', () => {
    fc.assert(
      fc.property(ranks, ranks, (x, y) => {
        fc.pre(x !== y);
        const [a, b] = x < y ? [x, y] : [y, x];
        const mid = rankBetween(a, b);
        expect(isKanbanRank(mid)).toBe(true);
        expect(a < mid && mid < b).toBe(true);
        expect(rankBetween(null, a) < a).toBe(true);
        expect(rankBetween(b, null) > b).toBe(true);
      }),
    );
  });

  it('stay short when cards are appended or inserted at the top again and again', () => {
    let last = rankBetween(null, null);
    let first = last;
    for (let i = 0; i < 200; i++) {
      last = rankBetween(last, null);
      first = rankBetween(null, first);
    }
    expect(last.length).toBeLessThanOrEqual(8);
    expect(first.length).toBeLessThanOrEqual(8);
    expect(isKanbanRank(first)).toBe(true);
  });

  it('spread evenly and ascending', () => {
    expect(evenRanks(1)).toEqual(['i']);
    expect(evenRanks(3)).toEqual(['9', 'i', 'r']);
    for (const n of [0, 35, 36, 1000]) {
      const spread = evenRanks(n);
      expect(spread).toHaveLength(n);
      expect(spread.every(isKanbanRank)).toBe(true);
      expect(spread.every((r, i) => i === 0 || spread[i - 1]! < r)).toBe(true);
    }
  });
});
