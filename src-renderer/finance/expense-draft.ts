import type { ExpenseCategory } from '../../src-shared/finance/expense-categories';
import { claimTotalMinor, mileageAmountMinor, type ExpenseLine } from '../../src-shared/finance/expense-lines';
import type { ExpenseSettings } from '../../src-shared/finance/expense-settings-kind';
import { majorAmountText, parseMoneyAmount } from '../../src-shared/finance/money';

/**
 * A claim's lines as the person edits them (amounts and kilometres as typed), and the claim data
 * they make. A mileage line's amount is the distance × the rate in force, never typed.
 */
export interface LineDraft {
  id: string;
  date: string;
  category: ExpenseCategory;
  description: string;
  amountText: string;
  distanceText: string;
  projectId: string;
  costCentre: string;
  receiptAttachmentId: string;
}

export const emptyLine = (id: string, date: string): LineDraft => ({ id, date, category: 'travel', description: '', amountText: '', distanceText: '', projectId: '', costCentre: '', receiptAttachmentId: '' });

export const draftOfLine = (line: ExpenseLine): LineDraft => ({
  id: line.id,
  date: line.date,
  category: line.category,
  description: line.description,
  amountText: line.category === 'mileage' ? '' : majorAmountText(line.amountMinor, line.currency),
  distanceText: line.distanceKm === undefined ? '' : String(line.distanceKm),
  projectId: line.projectId ?? '',
  costCentre: line.costCentre,
  receiptAttachmentId: line.receiptAttachmentId ?? '',
});

/** A line's amount in minor units, or the reason it has none yet (shown at the field). */
export function amountOfLine(line: LineDraft, currency: string, settings: ExpenseSettings): { amountMinor: number } | { problem: string } {
  if (line.category === 'mileage') {
    const km = Number(line.distanceText.replace(',', '.'));
    if (!line.distanceText.trim() || !Number.isFinite(km) || km <= 0) return { problem: 'Enter the kilometres driven.' };
    return { amountMinor: mileageAmountMinor(km, settings.mileageRateMinorPerKm) };
  }
  if (!line.amountText.trim()) return { problem: 'Enter the amount.' };
  const parsed = parseMoneyAmount(line.amountText, currency);
  return parsed.ok ? { amountMinor: parsed.amountMinor } : { problem: parsed.message };
}

/** The claim's data from the edited lines (a line whose amount cannot be read counts as 0 and is refused by the schema). */
export function claimDataOf(purpose: string, currency: string, lines: readonly LineDraft[], settings: ExpenseSettings) {
  const dataLines = lines.map((line) => {
    const amount = amountOfLine(line, currency, settings);
    const isMileage = line.category === 'mileage';
    return {
      id: line.id,
      date: line.date,
      category: line.category,
      description: line.description,
      amountMinor: 'amountMinor' in amount ? amount.amountMinor : 0,
      currency,
      ...(line.projectId ? { projectId: line.projectId } : {}),
      costCentre: line.costCentre,
      ...(line.receiptAttachmentId ? { receiptAttachmentId: line.receiptAttachmentId } : {}),
      ...(isMileage ? { distanceKm: Number(line.distanceText.replace(',', '.')), rateMinorPerKm: settings.mileageRateMinorPerKm } : {}),
    };
  });
  return { purpose, lines: dataLines, total: { amountMinor: claimTotalMinor(dataLines), currency } };
}
