import type { CatalogueItemData } from './catalogue-item-kind';
import { priceIn } from './catalogue-item-kind';

/** A catalogue item as the quotation editor and the catalogue screen list it (crm/catalogue). */
export interface CatalogueChoice {
  id: string;
  status: string;
  code: string;
  name: string;
  description: string;
  type: CatalogueItemData['type'];
  unit: CatalogueItemData['unit'];
  prices: CatalogueItemData['prices'];
  defaultTaxRatePercent: number;
}

/** What choosing an item puts into a quotation line; the person may still change each of it. */
export interface CatalogueLine {
  catalogueItemId: string;
  description: string;
  unit: string;
  /** The price list's price in the quotation's currency; undefined when it has none (the person types one). */
  unitPriceMinor: number | undefined;
  taxRatePercent: number;
}

/** A quotation line from a catalogue item, priced in the quotation's `currency`. Pure. */
export const catalogueLine = (item: CatalogueChoice, currency: string): CatalogueLine => ({
  catalogueItemId: item.id,
  description: item.name,
  unit: item.unit,
  unitPriceMinor: priceIn(item, currency),
  taxRatePercent: item.defaultTaxRatePercent,
});

/** The items a quotation offers: those still offered, by code. */
export const offeredItems = (items: readonly CatalogueChoice[]): CatalogueChoice[] =>
  items.filter((i) => i.status === 'active').sort((a, b) => a.code.localeCompare(b.code));
