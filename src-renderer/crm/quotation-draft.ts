import { quotationTotals, type QuotationTotals, type TaxRounding } from '../../src-shared/crm/quotation-money';
import type { QuotationLine } from '../../src-shared/crm/quotation-lines';
import { majorAmountText, parseMoneyAmount } from '../../src-shared/finance/money';
import { catalogueLine, type CatalogueChoice } from '../../src-shared/crm/catalogue-line';

/** A quotation line as the editor holds it: what the person typed, as text. */
export interface LineDraft {
  id: string;
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountPercent: string;
  taxRatePercent: string;
  /** Set when the line was chosen from the catalogue (kept on the quotation line). */
  catalogueItemId?: string;
}

export type LineProblems = Partial<Record<keyof LineDraft, string>>;

const percent = (text: string): number | null => {
  const value = Number(text.replace(',', '.').trim() || '0');
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
};

export const emptyLine = (id: string, taxRatePercent = '19'): LineDraft => ({ id, description: '', quantity: '1', unit: 'each', unitPrice: '', discountPercent: '0', taxRatePercent });

export const lineDraftOf = (line: QuotationLine, currency: string): LineDraft => ({
  id: line.id,
  ...(line.catalogueItemId ? { catalogueItemId: line.catalogueItemId } : {}),
  description: line.description,
  quantity: String(line.quantity),
  unit: line.unit,
  unitPrice: majorAmountText(line.unitPriceMinor, currency),
  discountPercent: String(line.discountPercent),
  taxRatePercent: String(line.taxRatePercent),
});

/** A line filled from a catalogue item in the quotation's currency (the price left empty when the list has none there). */
export function lineDraftFromCatalogue(id: string, item: CatalogueChoice, currency: string): LineDraft {
  const line = catalogueLine(item, currency);
  return {
    id,
    catalogueItemId: line.catalogueItemId,
    description: line.description,
    quantity: '1',
    unit: line.unit,
    unitPrice: line.unitPriceMinor === undefined ? '' : majorAmountText(line.unitPriceMinor, currency),
    discountPercent: '0',
    taxRatePercent: String(line.taxRatePercent),
  };
}

/** One typed line as a quotation line, or what is wrong with each field. */
export function parseLine(draft: LineDraft, currency: string): { ok: true; line: QuotationLine } | { ok: false; problems: LineProblems } {
  const problems: LineProblems = {};
  if (!draft.description.trim()) problems.description = 'Describe the line.';
  const quantity = Number(draft.quantity.replace(',', '.'));
  if (!Number.isFinite(quantity) || quantity <= 0) problems.quantity = 'More than 0.';
  const price = parseMoneyAmount(draft.unitPrice, currency);
  if (!price.ok) problems.unitPrice = price.message;
  const discount = percent(draft.discountPercent);
  if (discount === null) problems.discountPercent = '0 to 100.';
  const tax = percent(draft.taxRatePercent);
  if (tax === null) problems.taxRatePercent = '0 to 100.';
  if (Object.keys(problems).length > 0 || !price.ok || discount === null || tax === null) return { ok: false, problems };
  return { ok: true, line: { id: draft.id, ...(draft.catalogueItemId ? { catalogueItemId: draft.catalogueItemId } : {}), description: draft.description.trim(), unit: draft.unit.trim() || 'each', quantity, unitPriceMinor: price.amountMinor, discountPercent: discount, taxRatePercent: tax } };
}

/** The lines that parse, the problems of those that do not, and the totals of the good ones under `taxRounding` (live, as the person types). */
export function draftTotals(drafts: readonly LineDraft[], currency: string, taxRounding: TaxRounding = 'per_line'): { lines: QuotationLine[]; problems: Map<string, LineProblems>; totals: QuotationTotals } {
  const lines: QuotationLine[] = [];
  const problems = new Map<string, LineProblems>();
  for (const draft of drafts) {
    const parsed = parseLine(draft, currency);
    if (parsed.ok) lines.push(parsed.line);
    else problems.set(draft.id, parsed.problems);
  }
  return { lines, problems, totals: quotationTotals(lines, taxRounding) };
}
