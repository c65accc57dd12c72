import { fail, ok } from '../../src-shared/core/result';
import { contactKind } from '../../src-shared/crm/contact-kind';
import { orderFromQuotation } from '../../src-shared/crm/order-from-quotation';
import { organisationKind } from '../../src-shared/crm/organisation-kind';
import { quotationKind, type QuotationData } from '../../src-shared/crm/quotation-kind';
import { nextRevisionData } from '../../src-shared/crm/quotation-revisions';
import { salesOrderKind } from '../../src-shared/crm/sales-order-kind';
import type { CommandHandlers } from '../host/handler-types';
import { renderRecordDocument } from '../documents/render-record-document';
import { changeRecord, createRecord, recordOf, reread } from '../records/module-records';
import { queueSupplierEmail } from '../equipment/supplier-email';
import { recordActorOf } from '../records/record-actor';
import { recordLinkCommandHandlers } from '../records/record-links';

type Names = 'crm/quotations/revise' | 'crm/quotations/send' | 'crm/quotations/order';

const quotationDocument = { templateId: 'quotation', recordKind: 'quotation', missing: 'That quotation no longer exists.' };

/**
 * A quotation's life beyond plain record edits: a revision copies the offer into a new draft (the
 * kind's invariant checks the chain); sending renders the PDF, queues it by email to the contact
 * (or the customer) through the outbox and supersedes the revision it replaces; an accepted one
 * becomes a sales order, linked both ways. Every write goes through the records platform, so the
 * kinds' rules (who, which status, discount approval) hold here as on the sync server.
 */
export const quotationCommandHandlers: CommandHandlers<Names> = {
  async 'crm/quotations/revise'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const earlier = await recordOf(context.db, quotationKind, input.id, actor);
    if (earlier.error) return earlier.error;
    if (!['sent', 'rejected', 'expired'].includes(earlier.value.status)) return fail('invalid_state', 'Only a quotation that was sent (or then rejected or expired) is revised; change the draft itself instead.');
    return createRecord(context, quotationKind, actor, nextRevisionData(earlier.value.id, earlier.value.data as QuotationData, input.validUntil));
  },

  async 'crm/quotations/send'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const quotation = await recordOf(context.db, quotationKind, input.id, actor);
    if (quotation.error) return quotation.error;
    if (quotation.value.status !== 'draft' && quotation.value.status !== 'approved') return fail('invalid_state', `${quotation.value.number} has been sent already; make a revision to change the offer.`);
    const data = quotation.value.data as QuotationData;
    const customer = await recordOf(context.db, organisationKind, data.organisationId, actor);
    if (customer.error) return fail('invalid_input', 'The quotation’s customer no longer exists.', { field: 'data.organisationId' });
    const contact = data.contactId ? await recordOf(context.db, contactKind, data.contactId, actor) : null;
    const sent = await changeRecord(context, quotationKind, actor, quotation.value, { status: 'sent', data: { sentAt: context.clock().toISOString() } });
    if (!sent.ok) return sent;
    if (data.revisionOfId) {
      const replaced = await reread(context.db, data.revisionOfId);
      if (replaced.status === 'sent') {
        const superseded = await changeRecord(context, quotationKind, actor, replaced, { status: 'superseded' });
        if (!superseded.ok) return superseded;
      }
    }
    const document = await renderRecordDocument(context.db, quotationDocument, quotation.value.id, context.actor.id, context.clock());
    if (!document.ok) return document;
    const customerData = customer.value.data as { name: string; email: string };
    const contactData = contact?.value?.data as { firstName: string; lastName: string; email: string } | undefined;
    const to = contactData?.email || customerData.email;
    const text = `Please find attached our quotation ${sent.value.number}, valid until ${data.validUntil}.\n\nWe look forward to your order; please quote its number.`;
    const queued = await queueSupplierEmail(context, {
      supplier: { id: customer.value.id, data: { name: customerData.name, email: to, contactName: contactData ? [contactData.firstName, contactData.lastName].filter(Boolean).join(' ') : '' } },
      subject: `Quotation ${sent.value.number}`,
      text,
      document: document.value,
      key: `quotation:${quotation.value.id}`,
    });
    return ok({ quotation: sent.value, emailedTo: queued ? to : '' });
  },

  async 'crm/quotations/order'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const quotation = await recordOf(context.db, quotationKind, input.id, actor);
    if (quotation.error) return quotation.error;
    const planned = orderFromQuotation({ id: quotation.value.id, status: quotation.value.status, data: quotation.value.data as QuotationData }, input.orderedOn, input.customerReference);
    if (!planned.ok) return fail('invalid_state', planned.message);
    const order = await createRecord(context, salesOrderKind, actor, planned.data);
    if (!order.ok) return order;
    const marked = await changeRecord(context, quotationKind, actor, quotation.value, { data: { orderId: order.value.id } });
    if (!marked.ok) return marked;
    const linked = await recordLinkCommandHandlers['records/link']({ id: order.value.id, targetCollection: 'records', targetId: quotation.value.id, relation: 'ordered from' }, context);
    if (!linked.ok) return linked;
    return ok({ quotation: marked.value, order: order.value });
  },
};
