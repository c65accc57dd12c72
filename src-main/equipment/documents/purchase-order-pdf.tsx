import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { PurchaseOrderData } from '../../../src-shared/equipment/purchase-order-kind';
import { formatMoney, orderTotals } from '../../../src-shared/equipment/purchase-order-totals';
import { Field, Footer, LetterheadBlock, styles, Table, type Letterhead } from './pdf-parts';

export interface PurchaseOrderDocumentProps {
  letterhead: Letterhead;
  number: string;
  data: PurchaseOrderData;
  supplier: { name: string; address: string; contact: string };
  issuedOn: string;
  issued: string;
}

/** A purchase order on the letterhead: supplier, numbered lines with tax, totals, delivery and payment terms. */
export function PurchaseOrderDocument({ letterhead, number, data, supplier, issuedOn, issued }: PurchaseOrderDocumentProps) {
  const totals = orderTotals(data.lines);
  const money = (minor: number) => formatMoney(minor, data.currency);
  return (
    <Document title={`Purchase order ${number}`} author={letterhead.organisation}>
      <Page size="A4" style={styles.page}>
        <LetterheadBlock letterhead={letterhead} />
        <Text style={styles.title}>Purchase order {number}</Text>
        <Text style={styles.subtitle}>Issued {issuedOn}</Text>
        <View style={{ flexDirection: 'row', marginBottom: 8 }}>
          <View style={{ flex: 1 }}>
            <Text style={styles.section}>Supplier</Text>
            <Text>{supplier.name}</Text>
            {supplier.contact ? <Text>{supplier.contact}</Text> : null}
            {supplier.address ? <Text>{supplier.address}</Text> : null}
          </View>
          <View style={{ flex: 1 }}>
            <Text style={styles.section}>Deliver to</Text>
            <Text>{data.deliveryAddress || letterhead.organisation}</Text>
          </View>
        </View>
        <Table
          columns={[
            { title: '#', width: '5%' },
            { title: 'Description', width: '39%' },
            { title: 'Qty', width: '8%', isRight: true },
            { title: 'Unit price', width: '16%', isRight: true },
            { title: 'Tax', width: '10%', isRight: true },
            { title: 'Amount', width: '22%', isRight: true },
          ]}
          rows={data.lines.map((line, i) => [String(i + 1), line.description, String(line.quantity), money(line.unitPriceMinor), `${line.taxRatePercent} %`, money(totals.lines[i]?.netMinor ?? 0)])}
        />
        <View style={{ marginTop: 8, alignSelf: 'flex-end', width: 220 }}>
          <Field label="Net" value={money(totals.netMinor)} />
          <Field label="Tax" value={money(totals.taxMinor)} />
          <Field label="Total" value={money(totals.grossMinor)} />
        </View>
        <Text style={styles.section}>Terms</Text>
        <Field label="Delivery due" value={data.deliveryDue ?? 'As agreed'} />
        <Field label="Payment" value={data.paymentTerms} />
        {data.notes ? <Text style={styles.paragraph}>{data.notes}</Text> : null}
        <Text style={[styles.paragraph, { marginTop: 10 }]}>Please acknowledge this order and quote {number} on the delivery note and invoice.</Text>
        <Footer issued={issued} />
      </Page>
    </Document>
  );
}
