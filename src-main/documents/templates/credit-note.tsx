import { Text, View } from '@react-pdf/renderer';
import type { CreditNoteData } from '../../../src-shared/finance/credit-note-kind';
import type { InvoiceData } from '../../../src-shared/finance/invoice-kind';
import { formatDocumentDay } from '../../../src-shared/documents/signature-lines';
import { BilledTo, loadBilledParty, PricedLines, type BilledParty } from '../components/BillingParts';
import { DocumentFrame } from '../components/DocumentFrame';
import { documentStyles as s } from '../components/document-styles';
import { FieldList } from '../components/FieldList';
import { withLoadedData } from '../document-template';

interface CreditNoteExtra {
  party: BilledParty;
  invoiceNumber: string;
  invoiceIssuedOn: string;
}

/**
 * A credit note on the letterhead: the invoice it corrects (number and date), why, the credited
 * lines with tax per rate and the total credited — what the customer deducts from that invoice.
 */
export const creditNoteTemplate = withLoadedData({
  id: 'credit-note',
  label: 'Credit note',
  prints: { recordKinds: ['credit_note'] },
  fileName: (data) => `Credit-note-${(data.subject.number || 'draft').replace(/[^A-Za-z0-9-]/g, '_')}.pdf`,
  load: async (db, data): Promise<CreditNoteExtra> => {
    const credit = (data.subject.record?.data ?? {}) as Partial<CreditNoteData>;
    const invoice = credit.invoiceId ? await db.records.findOne(credit.invoiceId).exec() : null;
    const invoiceData = (invoice?.get('data') ?? {}) as Partial<InvoiceData>;
    return {
      party: await loadBilledParty(db, credit.organisationId, invoiceData.contactId),
      invoiceNumber: invoice ? String(invoice.get('number') ?? '') : '',
      invoiceIssuedOn: invoiceData.issuedOn ?? '',
    };
  },
  render: (data, extra) => {
    const credit = (data.subject.record?.data ?? {}) as CreditNoteData;
    const corrects = extra.invoiceNumber ? `Corrects invoice ${extra.invoiceNumber}${extra.invoiceIssuedOn ? ` of ${formatDocumentDay(extra.invoiceIssuedOn)}` : ''}` : 'Corrects an invoice';
    return (
      <DocumentFrame data={data} title={`Credit note ${data.subject.number}`.trim()} subtitle={`Issued ${formatDocumentDay(credit.issuedOn)} · ${corrects}`}>
        <BilledTo heading="Credited to" party={extra.party} />
        <FieldList fields={[{ label: 'Invoice corrected', value: extra.invoiceNumber }, { label: 'Reason', value: credit.reason }, { label: 'Currency', value: credit.currency }]} />
        <View style={{ marginTop: 12 }}>
          <PricedLines lines={credit.lines ?? []} taxRounding={credit.taxRounding ?? 'per_line'} currency={credit.currency} totalLabel="Total credited" />
        </View>
        <Text style={[s.paragraph, { marginTop: 10 }]}>{`This amount is deducted from ${extra.invoiceNumber || 'the invoice'}; nothing needs to be paid for it.`}</Text>
      </DocumentFrame>
    );
  },
});
