import { formatMoney, type FormatPlace } from '../format/display-format';
import { expenseCategoryLabels } from './expense-categories';
import type { ExpenseLine } from './expense-lines';
import { policyOf, type ExpenseSettings } from './expense-settings-kind';

/**
 * Finance's policy applied to a claim's lines: the limit per line of its category, a receipt above
 * the category's amount, mileage at the rate in force. The same pure check runs while the person
 * fills the claim in (warnings by each line) and when it is submitted (the claim's invariant, on
 * the host and the sync server), where a `blocking` problem refuses the submission.
 */
export interface PolicyProblem {
  /** Index of the line, or null for the claim as a whole. */
  lineIndex: number | null;
  /** The line's field it is about (amountMinor, receiptAttachmentId, rateMinorPerKm, currency). */
  field: string;
  /** `blocking`: cannot be submitted so; `note`: finance will look at it. */
  severity: 'blocking' | 'note';
  message: string;
}

export type PolicyLine = Pick<ExpenseLine, 'category' | 'amountMinor' | 'currency' | 'receiptAttachmentId' | 'rateMinorPerKm'>;

export function checkExpensePolicy(lines: readonly PolicyLine[], settings: ExpenseSettings, place: FormatPlace = {}): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const money = (minor: number) => formatMoney(minor, settings.currency, place);
  if (lines.length === 0) problems.push({ lineIndex: null, field: 'lines', severity: 'blocking', message: 'Add at least one line before submitting.' });
  lines.forEach((line, lineIndex) => {
    const policy = policyOf(settings, line.category);
    const label = expenseCategoryLabels[line.category];
    if (line.category === 'mileage' && line.rateMinorPerKm !== settings.mileageRateMinorPerKm) {
      problems.push({ lineIndex, field: 'rateMinorPerKm', severity: 'blocking', message: `Mileage is paid at ${money(settings.mileageRateMinorPerKm)} a km now; enter the distance again.` });
    }
    if (line.currency !== settings.currency) {
      if (policy.limitMinor !== null || policy.receiptAboveMinor !== null) {
        problems.push({ lineIndex, field: 'currency', severity: 'note', message: `The limits are set in ${settings.currency}; finance checks this ${line.currency} line by hand.` });
      }
      if (policy.receiptAboveMinor !== null && !line.receiptAttachmentId) {
        problems.push({ lineIndex, field: 'receiptAttachmentId', severity: 'blocking', message: `${label}: a line in another currency needs a receipt; attach it to the claim and choose it for this line.` });
      }
      return;
    }
    if (policy.limitMinor !== null && line.amountMinor > policy.limitMinor) {
      problems.push({ lineIndex, field: 'amountMinor', severity: 'blocking', message: `${label}: at most ${money(policy.limitMinor)} a line; this line is ${money(line.amountMinor)}.` });
    }
    if (policy.receiptAboveMinor !== null && line.amountMinor > policy.receiptAboveMinor && !line.receiptAttachmentId) {
      const which = policy.receiptAboveMinor === 0 ? 'every line needs a receipt' : `a line above ${money(policy.receiptAboveMinor)} needs a receipt`;
      problems.push({ lineIndex, field: 'receiptAttachmentId', severity: 'blocking', message: `${label}: ${which}; attach it to the claim and choose it for this line.` });
    }
  });
  return problems;
}

export const blockingProblems = (problems: readonly PolicyProblem[]): PolicyProblem[] => problems.filter((p) => p.severity === 'blocking');
