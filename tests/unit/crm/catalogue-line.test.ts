import { describe, expect, it } from 'vitest';
import { catalogueLine, offeredItems, type CatalogueChoice } from '../../../src-shared/crm/catalogue-line';

const item = (id: string, code: string, status = 'active'): CatalogueChoice => ({
  id, status, code, name: `Item ${code}`, description: '', type: 'service', unit: 'batch',
  prices: [{ currency: 'EUR', unitPriceMinor: 125_000 }, { currency: 'CHF', unitPriceMinor: 119_000 }], defaultTaxRatePercent: 7.7,
});

describe('a quotation line from the catalogue', () => {
  it('takes the price in the quotation’s currency, the unit and the default tax rate, and names the item', () => {
    expect(catalogueLine(item('c1', 'STAB-40'), 'CHF')).toEqual({ catalogueItemId: 'c1', description: 'Item STAB-40', unit: 'batch', unitPriceMinor: 119_000, taxRatePercent: 7.7 });
    expect(catalogueLine(item('c1', 'STAB-40'), 'EUR').unitPriceMinor).toBe(125_000);
  });
  it('leaves the price open when the price list has none in that currency', () => {
    expect(catalogueLine(item('c1', 'STAB-40'), 'USD').unitPriceMinor).toBeUndefined();
  });
  it('is offered only from items still offered, by code', () => {
    expect(offeredItems([item('a', 'Z-1'), item('b', 'A-1'), item('c', 'B-1', 'discontinued')]).map((i) => i.id)).toEqual(['b', 'a']);
  });
});
