import { Text } from '@react-pdf/renderer';
import type { QuotationData } from '../../../src-shared/crm/quotation-kind';
import { formatDocumentDay } from '../../../src-shared/documents/signature-lines';
import { BilledTo, loadBilledParty, PricedLines } from '../components/BillingParts';
import { DocumentFrame } from '../components/DocumentFrame';
import { documentStyles as s } from '../components/document-styles';
import { withLoadedData } from '../document-template';

/** A quotation on the letterhead: customer, lines with discount and tax, totals by tax rate, validity and terms, and the signatures. */
export const quotationTemplate = withLoadedData({
  id: 'quotation',
  label: 'Quotation',
  prints: { recordKinds: ['quotation'] },
  fileName: (data) => `Quotation-${(data.subject.number || 'draft').replace(/[^A-Za-z0-9-]/g, '_')}.pdf`,
  load: (db, data) => {
    const quotation = (data.subject.record?.data ?? {}) as Partial<QuotationData>;
    return loadBilledParty(db, quotation.organisationId, quotation.contactId);
  },
  render: (data, party) => {
    const quotation = (data.subject.record?.data ?? {}) as QuotationData;
    const revision = (quotation.revision ?? 1) > 1 ? ` (revision ${quotation.revision})` : '';
    return (
      <DocumentFrame data={data} title={`Quotation ${data.subject.number}${revision}`.trim()} subtitle={`Valid until ${formatDocumentDay(quotation.validUntil)}`}>
        <BilledTo heading="For" party={party} />
        <PricedLines lines={quotation.lines ?? []} taxRounding={quotation.taxRounding ?? 'per_line'} currency={quotation.currency} totalLabel="Total" />
        {quotation.terms ? (
          <>
            <Text style={s.sectionTitle}>Terms</Text>
            <Text style={s.paragraph}>{quotation.terms}</Text>
          </>
        ) : null}
        <Text style={[s.paragraph, { marginTop: 10 }]}>Please quote {data.subject.number} when you order.</Text>
      </DocumentFrame>
    );
  },
});
