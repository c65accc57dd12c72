import { Text, View } from '@react-pdf/renderer';
import { formatDocumentDay, formatDocumentMoney } from '../../../src-shared/documents/signature-lines';
import type { PurchaseOrderData } from '../../../src-shared/equipment/purchase-order-kind';
import { orderTotals } from '../../../src-shared/equipment/purchase-order-totals';
import { loadPurchaseOrderExtra } from '../../equipment/documents/document-extras';
import { DocumentFrame } from '../components/DocumentFrame';
import { DocumentTable } from '../components/DocumentTable';
import { documentStyles as s } from '../components/document-styles';
import { FieldList } from '../components/FieldList';
import { withLoadedData } from '../document-template';

/** A purchase order on the letterhead: supplier, numbered lines with tax, totals, delivery and payment terms. */
export const purchaseOrderTemplate = withLoadedData({
  id: 'purchase_order',
  label: 'Purchase order',
  prints: { recordKinds: ['purchase_order'] },
  fileName: (data) => `PO-${(data.subject.number || 'draft').replace(/[^A-Za-z0-9-]/g, '_')}.pdf`,
  load: loadPurchaseOrderExtra,
  render: (data, { supplier }) => {
    const order = (data.subject.record?.data ?? {}) as PurchaseOrderData;
    const number = data.subject.number;
    const lines = order.lines ?? [];
    const totals = orderTotals(lines);
    const money = (minor: number) => formatDocumentMoney(minor, order.currency);
    return (
      <DocumentFrame data={data} title={`Purchase order ${number}`.trim()} subtitle={`Issued ${formatDocumentDay(order.sentAt ?? data.generatedAt)}`}>
        <View style={{ flexDirection: 'row', marginBottom: 8 }}>
          <View style={{ flex: 1 }}>
            <Text style={s.sectionTitle}>Supplier</Text>
            <Text>{supplier.name}</Text>
            {supplier.contact ? <Text>{supplier.contact}</Text> : null}
            {supplier.address ? <Text>{supplier.address}</Text> : null}
          </View>
          <View style={{ flex: 1 }}>
            <Text style={s.sectionTitle}>Deliver to</Text>
            <Text>{order.deliveryAddress || data.organisation?.address || data.organisation?.name || ''}</Text>
          </View>
        </View>
        <DocumentTable
          columns={[
            { title: '#', width: '5%' },
            { title: 'Description', width: '37%' },
            { title: 'Qty', width: '8%', isRight: true },
            { title: 'Unit price', width: '18%', isRight: true },
            { title: 'Tax', width: '10%', isRight: true },
            { title: 'Amount', width: '22%', isRight: true },
          ]}
          rows={lines.map((line, i) => [String(i + 1), line.description, String(line.quantity), money(line.unitPriceMinor), `${line.taxRatePercent} %`, money(totals.lines[i]?.netMinor ?? 0)])}
        />
        <View style={{ marginTop: 8, alignSelf: 'flex-end', width: 260 }}>
          <FieldList fields={[{ label: 'Net', value: money(totals.netMinor) }, { label: 'Tax', value: money(totals.taxMinor) }, { label: 'Total', value: money(totals.grossMinor) }]} />
        </View>
        <Text style={s.sectionTitle}>Terms</Text>
        <FieldList fields={[{ label: 'Delivery due', value: order.deliveryDue ? formatDocumentDay(order.deliveryDue) : 'As agreed' }, { label: 'Payment', value: order.paymentTerms }]} />
        {order.notes ? <Text style={s.paragraph}>{order.notes}</Text> : null}
        <Text style={[s.paragraph, { marginTop: 10 }]}>Please acknowledge this order and quote {number} on the delivery note and invoice.</Text>
      </DocumentFrame>
    );
  },
});
