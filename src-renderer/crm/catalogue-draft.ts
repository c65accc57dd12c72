import type { CatalogueChoice } from '../../src-shared/crm/catalogue-line';
import { isCurrencyCode, majorAmountText, parseMoneyAmount } from '../../src-shared/finance/money';

/** A catalogue item as its form holds it: what the sales manager typed, as text. */
export interface CatalogueItemDraft {
  code: string;
  name: string;
  description: string;
  type: CatalogueChoice['type'];
  unit: CatalogueChoice['unit'];
  taxRate: string;
  prices: { currency: string; amount: string }[];
}

export type CatalogueProblems = Partial<Record<'code' | 'name' | 'taxRate' | `price-${number}` | `currency-${number}`, string>>;

export const emptyCatalogueItem = (currency: string): CatalogueItemDraft => ({ code: '', name: '', description: '', type: 'service', unit: 'each', taxRate: '19', prices: [{ currency, amount: '' }] });

export const catalogueDraftOf = (item: CatalogueChoice): CatalogueItemDraft => ({
  code: item.code,
  name: item.name,
  description: item.description,
  type: item.type,
  unit: item.unit,
  taxRate: String(item.defaultTaxRatePercent),
  prices: item.prices.map((p) => ({ currency: p.currency, amount: majorAmountText(p.unitPriceMinor, p.currency) })),
});

/**
 * The record data for a typed item, or what is wrong with each field: prices read digit by digit
 * into minor units of their currency, one price per currency, the tax rate 0–100. The host checks
 * the same data again with the kind's schema.
 */
export function catalogueDataOf(draft: CatalogueItemDraft): { ok: true; data: Record<string, unknown> } | { ok: false; problems: CatalogueProblems } {
  const problems: CatalogueProblems = {};
  if (!draft.code.trim()) problems.code = 'Give the item a code, e.g. STAB-40.';
  if (!draft.name.trim()) problems.name = 'Name the item.';
  const tax = Number(draft.taxRate.replace(',', '.').trim());
  if (draft.taxRate.trim() === '' || !Number.isFinite(tax) || tax < 0 || tax > 100) problems.taxRate = '0 to 100.';
  const prices: { currency: string; unitPriceMinor: number }[] = [];
  const seen = new Set<string>();
  draft.prices.forEach((p, i) => {
    const currency = p.currency.trim().toUpperCase();
    if (!isCurrencyCode(currency)) return void (problems[`currency-${i}`] = 'A currency code, e.g. EUR.');
    if (seen.has(currency)) return void (problems[`currency-${i}`] = `${currency} has a price already.`);
    seen.add(currency);
    const amount = parseMoneyAmount(p.amount, currency);
    if (!amount.ok) return void (problems[`price-${i}`] = amount.message);
    prices.push({ currency, unitPriceMinor: amount.amountMinor });
  });
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, data: { code: draft.code.trim(), name: draft.name.trim(), description: draft.description.trim(), type: draft.type, unit: draft.unit, defaultTaxRatePercent: tax, prices } };
}
