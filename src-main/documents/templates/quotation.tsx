import { Text, View } from '@react-pdf/renderer';
import { discountApprovalSignature } from '../../../src-shared/crm/discount-signature';
import type { QuotationData } from '../../../src-shared/crm/quotation-kind';
import { formatDocumentDay, formatDocumentTime } from '../../../src-shared/documents/signature-lines';
import { BilledTo, loadBilledParty, PricedLines } from '../components/BillingParts';
import { DocumentFrame } from '../components/DocumentFrame';
import { documentStyles as s } from '../components/document-styles';
import { withLoadedData } from '../document-template';

/**
 * A quotation on the letterhead: customer, lines with discount and tax, totals by tax rate,
 * validity and terms, and — when a discount went through the QUOTATION_DISCOUNT workflow — who
 * approved it, when, and what the signature means.
 */
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
    const approval = discountApprovalSignature(data.signatures);
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
        {approval ? (
          <View wrap={false}>
            <Text style={s.sectionTitle}>Discount approval</Text>
            <View style={s.signatureBox}>
              <Text>{`Discount approved by ${approval.signerName}`}</Text>
              <Text style={s.muted}>{`Signed electronically ${formatDocumentTime(approval.signedAt, data.timeZone)} · meaning: ${approval.meaningLabel}`}</Text>
            </View>
          </View>
        ) : null}
        <Text style={[s.paragraph, { marginTop: 10 }]}>Please quote {data.subject.number} when you order.</Text>
      </DocumentFrame>
    );
  },
});
