import { describe, expect, it } from 'vitest';
import { catalogueDataOf, catalogueDraftOf, emptyCatalogueItem } from '../../../../src-renderer/crm/catalogue-draft';
import { draftTotals, lineDraftFromCatalogue } from '../../../../src-renderer/crm/quotation-draft';
import type { CatalogueChoice } from '../../../../src-shared/crm/catalogue-line';

const typed = { ...emptyCatalogueItem('EUR'), code: 'STAB-40', name: 'Stability study', unit: 'batch' as const, taxRate: '19', prices: [{ currency: 'EUR', amount: '1250' }, { currency: 'jpy', amount: '200000' }] };

describe('the catalogue item form', () => {
  it('reads prices into minor units of their currency', () => {
    expect(catalogueDataOf(typed)).toEqual({ ok: true, data: expect.objectContaining({ code: 'STAB-40', defaultTaxRatePercent: 19, prices: [{ currency: 'EUR', unitPriceMinor: 125_000 }, { currency: 'JPY', unitPriceMinor: 200_000 }] }) });
  });
  it('says what is wrong next to each field', () => {
    const result = catalogueDataOf({ ...typed, code: ' ', taxRate: '120', prices: [{ currency: 'EUR', amount: '12.345' }, { currency: 'EU', amount: '1' }, { currency: 'JPY', amount: '1' }, { currency: 'JPY', amount: '2' }] });
    expect(result).toEqual({ ok: false, problems: { code: 'Give the item a code, e.g. STAB-40.', taxRate: '0 to 100.', 'price-0': 'At most 2 decimals in EUR.', 'currency-1': 'A currency code, e.g. EUR.', 'currency-3': 'JPY has a price already.' } });
  });
  it('shows a stored item as it was typed', () => {
    const stored: CatalogueChoice = { id: 'c1', status: 'active', code: 'STAB-40', name: 'Stability study', description: '', type: 'service', unit: 'batch', prices: [{ currency: 'EUR', unitPriceMinor: 125_050 }], defaultTaxRatePercent: 19 };
    expect(catalogueDraftOf(stored).prices).toEqual([{ currency: 'EUR', amount: '1250.50' }]);
  });
});

describe('a quotation line picked from the catalogue', () => {
  const stored: CatalogueChoice = { id: 'c1', status: 'active', code: 'STAB-40', name: 'Stability study', description: '', type: 'service', unit: 'batch', prices: [{ currency: 'EUR', unitPriceMinor: 125_000 }], defaultTaxRatePercent: 7 };
  it('is a line like a typed one, remembering its item', () => {
    const { lines, totals } = draftTotals([{ ...lineDraftFromCatalogue('line-1', stored, 'EUR'), quantity: '2' }], 'EUR');
    expect(lines).toEqual([{ id: 'line-1', catalogueItemId: 'c1', description: 'Stability study', unit: 'batch', quantity: 2, unitPriceMinor: 125_000, discountPercent: 0, taxRatePercent: 7 }]);
    expect(totals.grossMinor).toBe(267_500);
  });
  it('needs a price typed when the list has none in the quotation’s currency', () => {
    const { problems } = draftTotals([lineDraftFromCatalogue('line-1', stored, 'USD')], 'USD');
    expect(problems.get('line-1')).toMatchObject({ unitPrice: 'Enter an amount, e.g. 1250.00.' });
  });
});

describe('the editor’s totals', () => {
  it('round tax by the settings’ rule: per line, or once per rate on the total', () => {
    const cheap = (id: string) => ({ id, description: 'Label', quantity: '1', unit: 'each', unitPrice: '0.10', discountPercent: '0', taxRatePercent: '5' });
    expect(draftTotals([cheap('a'), cheap('b')], 'EUR').totals.grossMinor).toBe(22);
    expect(draftTotals([cheap('a'), cheap('b')], 'EUR', 'per_total').totals.grossMinor).toBe(21);
  });
});
