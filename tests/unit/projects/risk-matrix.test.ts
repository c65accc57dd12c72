import { describe, expect, it } from 'vitest';
import { RISK_RATINGS, riskHeatmap, riskLevel, type RiskRating } from '../../../src-shared/projects/risk-matrix';

// Copied verbatim from the spec, "Risk Management → Risk Matrix". The test parses this text rather
// than restating the cells, so a transcription slip in risk-matrix.ts cannot be copied into the test.
const SPEC_TABLE = `
| Probability / Impact | Low | Medium | High | Critical |
|---------------------|-----|--------|------|----------|
| **Low**             | Low | Low    | Med  | Med      |
| **Medium**          | Low | Med    | High | High     |
| **High**            | Med | High   | High | Critical |
| **Critical**        | Med | High   | Crit | Critical |
`;

const WORD: Record<string, RiskRating> = { low: 'low', med: 'medium', medium: 'medium', high: 'high', crit: 'critical', critical: 'critical' };

function parseSpecTable(text: string): Array<{ probability: RiskRating; impact: RiskRating; level: RiskRating }> {
  const rows = text
    .trim()
    .split('\n')
    .map((line) => line.split('|').slice(1, -1).map((c) => c.replace(/\*/g, '').trim().toLowerCase()));
  const header = rows[0]!.slice(1).map((w) => WORD[w]!);
  return rows.slice(2).flatMap((cells) => {
    const probability = WORD[cells[0]!]!;
    return cells.slice(1).map((word, i) => ({ probability, impact: header[i]!, level: WORD[word]! }));
  });
}

describe('risk matrix', () => {
  const cells = parseSpecTable(SPEC_TABLE);

  it('reads all 16 cells from the spec table', () => {
    expect(cells).toHaveLength(16);
    expect(cells.every((c) => c.probability && c.impact && c.level)).toBe(true);
  });

  it.each(cells)('probability $probability × impact $impact is $level, as the spec says', ({ probability, impact, level }) => {
    expect(riskLevel(probability, impact)).toBe(level);
  });

  it('is not a product of scores: medium × critical is high but high × high is also high', () => {
    expect(riskLevel('medium', 'critical')).toBe('high');
    expect(riskLevel('high', 'high')).toBe('high');
    expect(riskLevel('high', 'critical')).toBe('critical');
  });
});

describe('risk heatmap', () => {
  it('counts risks per cell and per level', () => {
    const map = riskHeatmap([
      { probability: 'high', impact: 'critical' },
      { probability: 'high', impact: 'critical' },
      { probability: 'low', impact: 'low' },
      { probability: 'critical', impact: 'low' },
    ]);
    const cell = (p: RiskRating, i: RiskRating) => map.cells.find((c) => c.probability === p && c.impact === i)!;
    expect(cell('high', 'critical')).toEqual({ probability: 'high', impact: 'critical', level: 'critical', count: 2 });
    expect(cell('low', 'low').count).toBe(1);
    expect(cell('critical', 'low')).toMatchObject({ level: 'medium', count: 1 });
    expect(cell('medium', 'medium').count).toBe(0);
    expect(map.countByLevel).toEqual({ low: 1, medium: 1, high: 0, critical: 2 });
    expect(map.total).toBe(4);
  });

  it('always lists all 16 cells, highest probability first, impact ascending', () => {
    const map = riskHeatmap([]);
    expect(map.cells).toHaveLength(16);
    expect(map.cells.slice(0, 4).map((c) => [c.probability, c.impact])).toEqual(RISK_RATINGS.map((i) => ['critical', i]));
    expect(map.cells[15]).toMatchObject({ probability: 'low', impact: 'critical', count: 0 });
    expect(map.countByLevel).toEqual({ low: 0, medium: 0, high: 0, critical: 0 });
  });
});
