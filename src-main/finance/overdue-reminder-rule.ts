import { formatDocumentDay, formatDocumentMoney } from '../../src-shared/documents/signature-lines';
import { expenseSettingsOf, expenseSettingsParent } from '../../src-shared/finance/expense-settings-kind';
import type { InvoiceData } from '../../src-shared/finance/invoice-kind';
import { daysOverdueOf, INVOICE_OVERDUE, overdueReminders } from '../../src-shared/finance/overdue-reminders';
import type { PaymentData } from '../../src-shared/finance/payment-kind';
import { outstandingOf } from '../../src-shared/finance/receivables';
import type { DueReminder } from '../../src-shared/scheduler/reminder';
import { firingRecord } from '../../src-shared/notifications/summarise';
import type { LabDatabase } from '../database/open-database';
import { renderRecordDocument } from '../documents/render-record-document';
import { queueSupplierEmail } from '../equipment/supplier-email';
import { SYSTEM_ACTOR, type HostServices } from '../host/handler-types';
import { insertNew } from '../notifications/notify';
import { childrenOf, type StoredDoc } from '../records/module-records';
import type { ReminderRule } from '../scheduler/reminder-rule';
import { hostUtcOffsetMinutes } from '../scheduler/rules/local-time';

const command = 'finance/overdue-reminder';

/** Every invoice on this PC with what it still owes (payments and credit notes read once). */
async function invoicesOn(db: LabDatabase): Promise<{ invoices: StoredDoc[]; owing: Map<string, number> }> {
  const read = async (kind: string) => (await db.records.find({ selector: { kind } }).exec()).map((d) => d.toJSON() as StoredDoc);
  const [invoices, payments, credits] = await Promise.all([read('invoice'), read('payment'), read('credit_note')]);
  const paid = new Map<string, number>();
  for (const p of payments) if (p.status !== 'voided') for (const a of (p.data as PaymentData).allocations) paid.set(a.invoiceId, (paid.get(a.invoiceId) ?? 0) + a.amountMinor);
  const credited = new Map<string, number>();
  for (const c of credits) if (c.status === 'issued') credited.set(String(c.data.invoiceId), (credited.get(String(c.data.invoiceId)) ?? 0) + (c.data as { total: { amountMinor: number } }).total.amountMinor);
  const owing = new Map<string, number>();
  for (const i of invoices) {
    const outstanding = outstandingOf({ totalMinor: (i.data as InvoiceData).total.amountMinor, paidMinor: paid.get(i.id) ?? 0, creditedMinor: credited.get(i.id) ?? 0 });
    if (outstanding > 0) owing.set(i.id, outstanding);
  }
  return { invoices, owing };
}

/**
 * Emails one overdue reminder: the invoice PDF to the customer's contact (or the customer) through
 * the outbox, with a line on the invoice's history. Nothing is sent for an invoice settled since, or
 * a customer without an address (the history says so, and finance reminds them by hand).
 */
async function sendReminder(services: HostServices, r: DueReminder, invoice: StoredDoc | undefined, outstandingMinor: number): Promise<void> {
  if (!invoice || outstandingMinor <= 0) return;
  const data = invoice.data as InvoiceData;
  const context = { ...services, actor: SYSTEM_ACTOR, command };
  const at = services.clock().toISOString();
  const note = (body: string) => services.writer.insert('activity', { kind: 'comment', subjectType: 'records', subjectId: invoice.id, personId: SYSTEM_ACTOR.id, at, data: { body, mentionIds: [] } }, { actor: SYSTEM_ACTOR, command, now: services.clock() });
  const customer = (await services.db.records.findOne(data.organisationId).exec())?.toJSON() as StoredDoc | undefined;
  const contact = data.contactId ? ((await services.db.records.findOne(data.contactId).exec())?.toJSON() as StoredDoc | undefined) : undefined;
  const customerData = (customer?.data ?? {}) as { name?: string; email?: string };
  const contactData = contact?.data as { firstName?: string; lastName?: string; email?: string } | undefined;
  const to = contactData?.email || customerData.email || '';
  const days = daysOverdueOf(r);
  if (!to) return void (await note(`The ${days}-day overdue reminder for ${invoice.number} was not emailed: ${customerData.name ?? 'the customer'} has no email address. Remind them by hand.`));
  const document = await renderRecordDocument(services.db, { templateId: 'invoice', recordKind: 'invoice', missing: 'That invoice no longer exists.' }, invoice.id, invoice.createdBy, services.clock());
  if (!document.ok) return void services.log.info('overdue reminder not rendered', { invoiceId: invoice.id, code: document.error.code });
  await queueSupplierEmail(context, {
    supplier: { id: data.organisationId, data: { name: customerData.name ?? '', email: to, contactName: contactData ? [contactData.firstName, contactData.lastName].filter(Boolean).join(' ') : '' } },
    subject: `Reminder: invoice ${invoice.number} is overdue`,
    text: `Our invoice ${invoice.number}, due on ${formatDocumentDay(data.dueOn)}, is ${days} days overdue; ${formatDocumentMoney(outstandingMinor, data.currency)} is still open. Please find it attached again.\n\nIf you have paid it in the meantime, thank you, and please disregard this reminder. Otherwise please pay quoting ${invoice.number}.`,
    document: document.value,
    // The reminder's id: queued once, however often the rule fires it.
    key: `${INVOICE_OVERDUE}:${r.id}`,
  });
  await note(`Overdue reminder (${days} days after the due date) emailed to ${to} with ${document.value.fileName} attached.`);
}

/**
 * Overdue reminders to customers (src-shared/finance/overdue-reminders.ts) at finance's intervals
 * after the due date. Firing runs in the write queue: each reminder's email and history line are
 * written, then its firing record (id = the reminder id) — so after a restart a fired reminder is
 * never sent again, and the outbox id (from the reminder id) keeps a crash in between from
 * queueing it twice.
 */
export function createOverdueReminderRule(settings: { utcOffsetMinutes?: number } = {}): ReminderRule {
  const utcOffsetMinutes = settings.utcOffsetMinutes ?? hostUtcOffsetMinutes();
  return {
    kind: INVOICE_OVERDUE,
    watches: ['records'],
    async derive(db) {
      const { invoices, owing } = await invoicesOn(db);
      const days = expenseSettingsOf(await childrenOf(db, 'expense_settings', expenseSettingsParent)).overdueReminderDays;
      return overdueReminders(invoices.map((i) => ({ id: i.id, number: i.number, status: i.status, dueOn: (i.data as InvoiceData).dueOn, organisationId: (i.data as InvoiceData).organisationId })), new Set(owing.keys()), days, utcOffsetMinutes);
    },
    async fire(services, reminders, now) {
      const { invoices, owing } = await invoicesOn(services.db);
      const byId = new Map(invoices.map((i) => [i.id, i]));
      for (const r of reminders) {
        if (await services.db.notifications.findOne(r.id).exec()) continue;
        await sendReminder(services, r, byId.get(r.about ?? ''), owing.get(r.about ?? '') ?? 0);
        await insertNew(services, [firingRecord(r, r.id, now)]);
      }
    },
  };
}
