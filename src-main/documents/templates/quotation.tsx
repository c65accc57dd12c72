import { Text, View } from '@react-pdf/renderer';
import type { QuotationData } from '../../../src-shared/crm/quotation-kind';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import { formatDocumentDay, formatDocumentMoney } from '../../../src-shared/documents/signature-lines';
import type { LabDatabase } from '../../database/open-database';
import { DocumentFrame } from '../components/DocumentFrame';
import { DocumentTable } from '../components/DocumentTable';
import { documentStyles as s } from '../components/document-styles';
import { FieldList } from '../components/FieldList';
import { withLoadedData, type DocumentData } from '../document-template';

interface QuotationExtra {
  customer: string;
  address: string;
  contact: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The customer's name, billing address and the contact the quotation is addressed to. */
async function loadQuotationExtra(db: LabDatabase, data: DocumentData): Promise<QuotationExtra> {
  const quotation = (data.subject.record?.data ?? {}) as Partial<QuotationData>;
  const found = await db.records.findByIds([quotation.organisationId ?? '', quotation.contactId ?? ''].filter(Boolean)).exec();
  const organisation = (found.get(quotation.organisationId ?? '')?.get('data') ?? {}) as { name?: string; addresses?: { purpose: string; lines: string; postcode: string; city: string }[] };
  const address = organisation.addresses?.find((a) => a.purpose === 'billing') ?? organisation.addresses?.[0];
  return {
    customer: text(organisation.name) || 'Customer',
    address: address ? [address.lines, [address.postcode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '',
    contact: quotation.contactId ? text(found.get(quotation.contactId)?.get('title')) : '',
  };
}

/** A quotation on the letterhead: customer, lines with discount and tax, totals by tax rate, validity and terms, and the signatures. */
export const quotationTemplate = withLoadedData({
  id: 'quotation',
  label: 'Quotation',
  prints: { recordKinds: ['quotation'] },
  fileName: (data) => `Quotation-${(data.subject.number || 'draft').replace(/[^A-Za-z0-9-]/g, '_')}.pdf`,
  load: loadQuotationExtra,
  render: (data, extra) => {
    const quotation = (data.subject.record?.data ?? {}) as QuotationData;
    const lines = quotation.lines ?? [];
    const totals = quotationTotals(lines, quotation.taxRounding ?? 'per_line');
    const money = (minor: number) => formatDocumentMoney(minor, quotation.currency);
    const revision = (quotation.revision ?? 1) > 1 ? ` (revision ${quotation.revision})` : '';
    return (
      <DocumentFrame data={data} title={`Quotation ${data.subject.number}${revision}`.trim()} subtitle={`Valid until ${formatDocumentDay(quotation.validUntil)}`}>
        <View style={{ marginBottom: 8 }}>
          <Text style={s.sectionTitle}>For</Text>
          <Text>{extra.customer}</Text>
          {extra.contact ? <Text>{extra.contact}</Text> : null}
          {extra.address ? <Text>{extra.address}</Text> : null}
        </View>
        <DocumentTable
          columns={[
            { title: '#', width: '5%' },
            { title: 'Description', width: '33%' },
            { title: 'Qty', width: '10%', isRight: true },
            { title: 'Unit price', width: '15%', isRight: true },
            { title: 'Discount', width: '10%', isRight: true },
            { title: 'Tax', width: '9%', isRight: true },
            { title: 'Net', width: '18%', isRight: true },
          ]}
          rows={lines.map((line, i) => [
            String(i + 1),
            line.description,
            `${line.quantity} ${line.unit}`,
            money(line.unitPriceMinor),
            line.discountPercent ? `${line.discountPercent} %` : '',
            `${line.taxRatePercent} %`,
            money(totals.lines[i]?.netMinor ?? 0),
          ])}
        />
        <View style={{ marginTop: 8, alignSelf: 'flex-end', width: 260 }}>
          <FieldList
            fields={[
              { label: 'Net', value: money(totals.netMinor) },
              ...totals.taxBands.map((band) => ({ label: `Tax ${band.rateBasisPoints / 100} %`, value: money(band.taxMinor) })),
              { label: 'Total', value: money(totals.grossMinor) },
            ]}
          />
        </View>
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
