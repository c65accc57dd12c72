import { Text, View } from '@react-pdf/renderer';
import type { InvoiceData } from '../../../src-shared/finance/invoice-kind';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import { formatDocumentDay, formatDocumentMoney } from '../../../src-shared/documents/signature-lines';
import { BilledTo, loadBilledParty, PricedLines, type BilledParty } from '../components/BillingParts';
import { DocumentFrame } from '../components/DocumentFrame';
import { documentStyles as s } from '../components/document-styles';
import { FieldList } from '../components/FieldList';
import { withLoadedData } from '../document-template';

interface InvoiceExtra {
  party: BilledParty;
  /** The sales order's number, when the invoice was made from one. */
  orderNumber: string;
}

const safeName = (number: string) => (number || 'draft').replace(/[^A-Za-z0-9-]/g, '_');

/**
 * An invoice on the letterhead: the customer, the lines with their tax, net, tax per rate and the
 * total in the invoice's currency, then how to pay — the terms, the due date, the amount and the
 * bank details from Settings → Organisation, with the number to quote. A draft prints as one.
 */
export const invoiceTemplate = withLoadedData({
  id: 'invoice',
  label: 'Invoice',
  prints: { recordKinds: ['invoice'] },
  fileName: (data) => `Invoice-${safeName(data.subject.number)}.pdf`,
  load: async (db, data): Promise<InvoiceExtra> => {
    const invoice = (data.subject.record?.data ?? {}) as Partial<InvoiceData>;
    const order = invoice.salesOrderId ? await db.records.findOne(invoice.salesOrderId).exec() : null;
    return { party: await loadBilledParty(db, invoice.organisationId, invoice.contactId), orderNumber: order ? String(order.get('number') ?? '') : '' };
  },
  render: (data, extra) => {
    const invoice = (data.subject.record?.data ?? {}) as InvoiceData;
    const number = data.subject.number;
    const isDraft = data.subject.record?.status === 'draft';
    const gross = quotationTotals(invoice.lines ?? [], invoice.taxRounding ?? 'per_line').grossMinor;
    const money = (minor: number) => formatDocumentMoney(minor, invoice.currency);
    const terms = invoice.paymentTermsDays === 0 ? 'Due on receipt' : `${invoice.paymentTermsDays} days net`;
    const bank = data.organisation?.bankDetails ?? '';
    return (
      <DocumentFrame
        data={data}
        title={isDraft ? 'Invoice (draft, not issued)' : `Invoice ${number}`}
        subtitle={isDraft ? 'A draft has no number and asks for no payment yet.' : `Issued ${formatDocumentDay(invoice.issuedOn)} · Due ${formatDocumentDay(invoice.dueOn)}`}
      >
        <BilledTo heading="Bill to" party={extra.party} />
        <FieldList
          fields={[
            ...(invoice.customerReference ? [{ label: 'Your reference', value: invoice.customerReference }] : []),
            ...(extra.orderNumber ? [{ label: 'Our order', value: extra.orderNumber }] : []),
            { label: 'Currency', value: invoice.currency },
            { label: 'Payment terms', value: terms },
            ...(isDraft ? [] : [{ label: 'Due date', value: formatDocumentDay(invoice.dueOn) }]),
          ]}
        />
        <View style={{ marginTop: 12 }}>
          <PricedLines lines={invoice.lines ?? []} taxRounding={invoice.taxRounding ?? 'per_line'} currency={invoice.currency} totalLabel="Total due" />
        </View>
        {isDraft ? null : (
          <View wrap={false}>
            <Text style={s.sectionTitle}>Payment</Text>
            <Text style={s.paragraph}>{`Please pay ${money(gross)} by ${formatDocumentDay(invoice.dueOn)}, quoting ${number}.`}</Text>
            <Text style={s.paragraph}>{bank || 'Bank details are not set up (Settings → Organisation → Bank details).'}</Text>
          </View>
        )}
        {invoice.notes ? (
          <>
            <Text style={s.sectionTitle}>Notes</Text>
            <Text style={s.paragraph}>{invoice.notes}</Text>
          </>
        ) : null}
      </DocumentFrame>
    );
  },
});
