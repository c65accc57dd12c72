import { Text, View } from '@react-pdf/renderer';
import { formatDocumentDay } from '../../../src-shared/documents/signature-lines';
import type { RfqData } from '../../../src-shared/equipment/rfq-kind';
import { loadRfqExtra } from '../../equipment/documents/document-extras';
import { DocumentFrame } from '../components/DocumentFrame';
import { DocumentTable } from '../components/DocumentTable';
import { documentStyles as s } from '../components/document-styles';
import { FieldList } from '../components/FieldList';
import { withLoadedData } from '../document-template';

/** A request for quotation as sent to the suppliers: what, how many, by when, and how bids are judged. */
export const rfqTemplate = withLoadedData({
  id: 'rfq',
  label: 'Request for quotation',
  prints: { recordKinds: ['rfq'] },
  fileName: (data) => `RFQ-${(data.subject.number || 'draft').replace(/[^A-Za-z0-9-]/g, '_')}.pdf`,
  load: loadRfqExtra,
  render: (data, extra) => {
    const rfq = (data.subject.record?.data ?? {}) as RfqData;
    const number = data.subject.number;
    const criteria = rfq.criteria ?? [];
    const totalWeight = criteria.reduce((n, c) => n + c.weight, 0) || 1;
    return (
      <DocumentFrame data={data} title={`Request for quotation ${number}`.trim()} subtitle={rfq.subject}>
        <FieldList
          fields={[
            { label: 'Quantity', value: String(rfq.quantity ?? '') },
            { label: 'Bids due by', value: formatDocumentDay(rfq.responseDue) },
            { label: 'Currency', value: rfq.currency ?? '' },
            { label: 'Our reference', value: extra.purchaseRequestNumber },
            { label: 'Sent to', value: extra.suppliers.join(', ') },
          ]}
        />
        <Text style={s.sectionTitle}>Specification</Text>
        <Text style={s.paragraph}>{rfq.specification || 'As described above.'}</Text>
        {rfq.deliveryAddress ? (
          <View>
            <Text style={s.sectionTitle}>Delivery address</Text>
            <Text style={s.paragraph}>{rfq.deliveryAddress}</Text>
          </View>
        ) : null}
        <Text style={s.sectionTitle}>How bids are evaluated</Text>
        <DocumentTable columns={[{ title: 'Criterion', width: '70%' }, { title: 'Weight', width: '30%', isRight: true }]} rows={criteria.map((c) => [c.name, `${Math.round((c.weight / totalWeight) * 100)} %`])} />
        <Text style={[s.paragraph, { marginTop: 12 }]}>
          Please quote the unit price, delivery time in days, warranty in months and how far your offer meets the specification, quoting {number} in your reply.
        </Text>
      </DocumentFrame>
    );
  },
});
