import { fail, type AppError } from '../../src-shared/core/result';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { creditedOn, outstandingOf, paidTo, statusFromAmounts, type Allocation, type InvoiceAmounts } from '../../src-shared/finance/receivables';
import type { InvoiceData } from '../../src-shared/finance/invoice-kind';
import type { LabDatabase } from '../database/open-database';
import { childrenOf, type StoredDoc } from '../records/module-records';
import { isInTeam } from '../records/record-numbering';
import { teamSyncPhaseOf } from '../sync/sync-feature';

/**
 * What the finance commands share: an invoice's amounts from the customer's payments and its credit
 * notes (the same sums the kinds' invariants make), and the refusal to issue a gapless-numbered
 * document while a team PC cannot reach the sync server that numbers it.
 */
export async function invoiceAmountsOf(db: LabDatabase, invoice: StoredDoc): Promise<InvoiceAmounts> {
  const data = invoice.data as InvoiceData;
  const payments = (await childrenOf(db, 'payment', data.organisationId)) as unknown as { id: string; data: { allocations?: Allocation[] } }[];
  const credits = (await childrenOf(db, 'credit_note', invoice.id)) as unknown as { id: string; status: string; data: { total: { amountMinor: number } } }[];
  return { totalMinor: data.total.amountMinor, paidMinor: paidTo(invoice.id, payments), creditedMinor: creditedOn(credits) };
}

/** The status an issued invoice must now have, and what it still owes. */
export async function invoiceStateOf(db: LabDatabase, invoice: StoredDoc): Promise<{ status: 'issued' | 'partly_paid' | 'paid'; outstandingMinor: number }> {
  const amounts = await invoiceAmountsOf(db, invoice);
  return { status: statusFromAmounts(amounts), outstandingMinor: outstandingOf(amounts) };
}

export async function refusalToIssueOffline(db: LabDatabase, kind: AnyRecordKind): Promise<{ ok: false; error: AppError } | null> {
  if (!kind.number?.isGapless || !(await isInTeam(db)) || teamSyncPhaseOf(db) === 'up_to_date') return null;
  return fail('invalid_state', `${kind.pluralLabel} get their numbers from the sync server so that no number is skipped, and it cannot be reached now. Keep it as it is and try again when this PC is back online.`);
}
