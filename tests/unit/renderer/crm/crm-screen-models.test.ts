import { describe, expect, it } from 'vitest';
import type { PipelineCard } from '../../../../src-shared/crm/crm-contract';
import { defaultPipelineStages } from '../../../../src-shared/crm/pipeline-stages';
import { stageTotals } from '../../../../src-renderer/crm/pipeline-columns';
import { draftTotals, emptyLine, lineDraftOf, parseLine } from '../../../../src-renderer/crm/quotation-draft';

const card = (id: string, stageId: string, amountMinor: number, currency = 'EUR'): PipelineCard => ({
  id, number: id, name: id, organisationId: 'o', organisationName: 'Org', stageId, probabilityPercent: 10, value: { amountMinor, currency }, expectedCloseOn: '2026-06-01', ownerId: 'p', ownerName: '', status: 'open',
});

describe('pipeline board columns', () => {
  it('puts each opportunity in its stage and sums each currency apart', () => {
    const columns = stageTotals(defaultPipelineStages, [card('a', 'proposal', 100), card('b', 'proposal', 250), card('c', 'proposal', 7, 'USD'), card('d', 'qualification', 5)], new Map());
    expect(columns.map((c) => [c.stage.id, c.cards.map((x) => x.id)])).toEqual([['qualification', ['d']], ['needs_analysis', []], ['proposal', ['a', 'b', 'c']], ['negotiation', []]]);
    expect(columns[2]!.totals).toEqual([{ amountMinor: 350, currency: 'EUR' }, { amountMinor: 7, currency: 'USD' }]);
  });

  it('shows a card being moved in its new column, and one in a removed stage in the first column', () => {
    const columns = stageTotals(defaultPipelineStages, [card('a', 'proposal', 100), card('b', 'gone_stage', 1)], new Map([['a', 'negotiation']]));
    expect(columns.find((c) => c.stage.id === 'negotiation')!.cards.map((x) => x.id)).toEqual(['a']);
    expect(columns.find((c) => c.stage.id === 'proposal')!.cards).toEqual([]);
    expect(columns[0]!.cards.map((x) => x.id)).toEqual(['b']);
  });
});

describe('quotation editor lines', () => {
  it('turns typed text into a line in minor units, naming each field that is wrong', () => {
    expect(parseLine({ ...emptyLine('l1'), description: 'Assay', quantity: '2,5', unitPrice: '1,234.50', discountPercent: '5' }, 'EUR')).toEqual({
      ok: true, line: { id: 'l1', description: 'Assay', unit: 'each', quantity: 2.5, unitPriceMinor: 123_450, discountPercent: 5, taxRatePercent: 19 },
    });
    const bad = parseLine({ ...emptyLine('l2'), description: ' ', quantity: '0', unitPrice: '12.345', discountPercent: '120' }, 'EUR');
    expect(bad).toEqual({ ok: false, problems: { description: 'Describe the line.', quantity: 'More than 0.', unitPrice: 'At most 2 decimals in EUR.', discountPercent: '0 to 100.' } });
  });

  it('totals only the lines that parse, with the host’s money rules', () => {
    const lines = [
      { ...emptyLine('l1'), description: 'Stability study', quantity: '40', unitPrice: '1250', discountPercent: '5' },
      { ...emptyLine('l2'), description: 'Report', unitPrice: '300' },
      { ...emptyLine('l3'), description: 'Not priced yet' },
    ];
    const { totals, problems } = draftTotals(lines, 'EUR');
    expect(totals).toMatchObject({ netMinor: 4_780_000, discountMinor: 250_000, taxMinor: 908_200, grossMinor: 5_688_200 });
    expect([...problems.keys()]).toEqual(['l3']);
  });

  it('shows a stored line as the text it was typed as', () => {
    const line = { id: 'l1', description: 'Assay', unit: 'h', quantity: 1.5, unitPriceMinor: 9_950, discountPercent: 0, taxRatePercent: 7 };
    const draft = lineDraftOf(line, 'EUR');
    expect(draft).toMatchObject({ quantity: '1.5', unitPrice: '99.50', taxRatePercent: '7' });
    expect(parseLine(draft, 'EUR')).toEqual({ ok: true, line });
  });
});
