import { dueInstant } from '../scheduler/due-time';
import { reminder, type DueReminder } from '../scheduler/reminder';
import { dueOnOf } from './receivables';

/**
 * Overdue reminders to customers: for each issued invoice still owing, one reminder at each of
 * finance's intervals after its due date (7, 14 and 30 days unless finance set others), due at
 * 09:00 the lab's time. Firing one emails the customer the invoice PDF through the outbox and notes
 * it on the invoice's history (src-main/finance/overdue-reminder-rule.ts). Its id is a function of
 * the invoice, its due date and the interval only, so it fires once across restarts and PCs; one
 * series per invoice, so after downtime only the latest reminder due goes out, never a pile. Pure.
 */
export const INVOICE_OVERDUE = 'invoice_overdue';
export const defaultReminderDays: readonly number[] = [7, 14, 30];

export interface InvoiceForReminders {
  id: string;
  number: string;
  status: string;
  dueOn?: string | undefined;
  /** The customer written to (the reminder's recipient is the organisation, not a person). */
  organisationId: string;
}

/** Reminders still owed by invoices that owe money: `owing` holds the ids of invoices with something outstanding. */
export function overdueReminders(invoices: readonly InvoiceForReminders[], owing: ReadonlySet<string>, days: readonly number[], utcOffsetMinutes: number): DueReminder[] {
  const intervals = [...new Set(days)].filter((d) => Number.isInteger(d) && d > 0).sort((a, b) => a - b);
  return invoices.flatMap((invoice) => {
    if (!['issued', 'partly_paid'].includes(invoice.status) || !invoice.dueOn || !owing.has(invoice.id)) return [];
    const dueOn = invoice.dueOn;
    return intervals.flatMap((d) => {
      const at = dueInstant(dueOnOf(dueOn, d), { dueTimeOfDay: '09:00', utcOffsetMinutes });
      if (at === undefined) return [];
      return [reminder({
        key: `${INVOICE_OVERDUE}:${invoice.id}:${dueOn}:${d}`,
        kind: INVOICE_OVERDUE,
        series: `${INVOICE_OVERDUE}:${invoice.id}`,
        dueAt: new Date(at).toISOString(),
        recipientId: invoice.organisationId,
        event: 'system',
        subject: `Reminder: invoice ${invoice.number} is ${d} days overdue`,
        body: String(d),
        about: invoice.id,
      })];
    });
  });
}

/** The days overdue a fired reminder speaks of (its body holds them). */
export const daysOverdueOf = (r: Pick<DueReminder, 'body'>): number => Number(r.body) || 0;
