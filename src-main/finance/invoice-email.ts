import { fail, ok } from '../../src-shared/core/result';
import { contactKind } from '../../src-shared/crm/contact-kind';
import { organisationKind } from '../../src-shared/crm/organisation-kind';
import { formatDocumentDay, formatDocumentMoney } from '../../src-shared/documents/signature-lines';
import type { CreditNoteData } from '../../src-shared/finance/credit-note-kind';
import type { InvoiceData } from '../../src-shared/finance/invoice-kind';
import { canReadRecordDoc, readRecord } from '../records/record-store';
import type { CommandHandlers } from '../host/handler-types';
import { renderRecordDocument } from '../documents/render-record-document';
import { recordOf } from '../records/module-records';
import { queueSupplierEmail } from '../equipment/supplier-email';
import { writeContextOf } from '../projects/project-access';
import { recordActorOf } from '../records/record-actor';
import { isWho } from '../../src-shared/records/who';
import { receivablesTeam } from '../../src-shared/finance/finance-who';

const documents = {
  invoice: { templateId: 'invoice', recordKind: 'invoice', missing: 'That invoice no longer exists.' },
  credit_note: { templateId: 'credit-note', recordKind: 'credit_note', missing: 'That credit note no longer exists.' },
} as const;

const isSent = (kind: string, status: string) => (kind === 'invoice' ? ['issued', 'partly_paid', 'paid'].includes(status) : status === 'issued');

/**
 * "Send invoice": the issued invoice (or credit note) as its PDF, by email to the customer's contact
 * — or the customer's own address — through the outbox, like a quotation; then a line on the
 * record's activity saying who sent it to whom, so the record shows it went out. A draft is never
 * sent: it has no number and asks for no payment.
 */
export const invoiceEmailCommandHandlers: CommandHandlers<'finance/invoices/send'> = {
  async 'finance/invoices/send'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const stored = await readRecord(context.db, input.id);
    if (!stored || !canReadRecordDoc(actor, stored) || !(stored.doc.kind in documents)) return fail('not_found', 'That invoice no longer exists, or it is not shared with you.');
    const kind = stored.doc.kind as keyof typeof documents;
    if (!isWho(receivablesTeam, actor, stored.doc)) return fail('forbidden', 'Only finance sends invoices and credit notes.');
    const number = stored.doc.number;
    if (!isSent(kind, stored.doc.status)) return fail('invalid_state', kind === 'invoice' ? 'Issue the invoice first; a draft has no number and is not sent.' : 'Issue the credit note first.');
    const data = stored.doc.data as unknown as InvoiceData | CreditNoteData;
    // A credit note goes to the contact of the invoice it corrects.
    const corrected = 'invoiceId' in data ? (await readRecord(context.db, data.invoiceId))?.doc : undefined;
    const invoiceData = 'invoiceId' in data ? (corrected?.data as unknown as InvoiceData | undefined) : data;
    const customer = await recordOf(context.db, organisationKind, data.organisationId, actor);
    if (customer.error) return fail('invalid_state', 'The customer no longer exists; there is nobody to send it to.');
    const contactId = invoiceData?.contactId;
    const contact = contactId ? await recordOf(context.db, contactKind, contactId, actor) : null;
    const customerData = customer.value.data as { name: string; email: string };
    const contactData = contact?.value?.data as { firstName: string; lastName: string; email: string } | undefined;
    const to = contactData?.email || customerData.email;
    if (!to) return fail('invalid_state', `${customerData.name} has no email address, nor has the invoice's contact; add one in CRM, then send again.`);
    const document = await renderRecordDocument(context.db, documents[kind], stored.doc.id, context.actor.id, context.clock());
    if (!document.ok) return document;
    const at = context.clock().toISOString();
    const text =
      'invoiceId' in data
        ? `Please find attached our credit note ${number} for ${formatDocumentMoney(data.total.amountMinor, data.currency)}, which corrects our invoice ${corrected?.number ?? ''}: ${data.reason}.\n\nPlease deduct it from that invoice.`
        : `Please find attached our invoice ${number} for ${formatDocumentMoney(data.total.amountMinor, data.currency)}, due on ${formatDocumentDay(data.dueOn)}.\n\nPlease quote ${number} with your payment.`;
    await queueSupplierEmail(context, {
      supplier: { id: customer.value.id, data: { name: customerData.name, email: to, contactName: contactData ? [contactData.firstName, contactData.lastName].filter(Boolean).join(' ') : '' } },
      subject: `${kind === 'invoice' ? 'Invoice' : 'Credit note'} ${number}`,
      text,
      document: document.value,
      // Each send is its own email (a customer may ask for it again); the time keeps a replayed command from queueing it twice.
      key: `${kind}:${stored.doc.id}:${at}`,
    });
    await context.writer.insert(
      'activity',
      { kind: 'comment', subjectType: 'records', subjectId: stored.doc.id, personId: context.actor.id, at, data: { body: `Emailed ${number} to ${to} with ${document.value.fileName} attached.`, mentionIds: [] } },
      writeContextOf(context),
    );
    return ok({ emailedTo: to });
  },
};
