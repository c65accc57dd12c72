import { Document, Page, Text, View } from '@react-pdf/renderer';
import type { RfqData } from '../../../src-shared/equipment/rfq-kind';
import { Field, Footer, LetterheadBlock, styles, Table, type Letterhead } from './pdf-parts';

export interface RfqDocumentProps {
  letterhead: Letterhead;
  number: string;
  data: RfqData;
  /** The suppliers it goes to, by name. */
  suppliers: string[];
  purchaseRequest: string;
  issued: string;
}

/** A request for quotation as sent to the suppliers: what, how many, by when, and how bids are judged. */
export function RfqDocument({ letterhead, number, data, suppliers, purchaseRequest, issued }: RfqDocumentProps) {
  const totalWeight = data.criteria.reduce((n, c) => n + c.weight, 0);
  return (
    <Document title={`Request for quotation ${number}`} author={letterhead.organisation}>
      <Page size="A4" style={styles.page}>
        <LetterheadBlock letterhead={letterhead} />
        <Text style={styles.title}>Request for quotation {number}</Text>
        <Text style={styles.subtitle}>{data.subject}</Text>
        <Field label="Quantity" value={String(data.quantity)} />
        <Field label="Bids due by" value={data.responseDue} />
        <Field label="Currency" value={data.currency} />
        <Field label="Our reference" value={purchaseRequest} />
        <Field label="Sent to" value={suppliers.join(', ')} />
        <Text style={styles.section}>Specification</Text>
        <Text style={styles.paragraph}>{data.specification || 'As described above.'}</Text>
        {data.deliveryAddress ? (
          <View>
            <Text style={styles.section}>Delivery address</Text>
            <Text style={styles.paragraph}>{data.deliveryAddress}</Text>
          </View>
        ) : null}
        <Text style={styles.section}>How bids are evaluated</Text>
        <Table
          columns={[{ title: 'Criterion', width: '70%' }, { title: 'Weight', width: '30%', isRight: true }]}
          rows={data.criteria.map((c) => [c.name, `${Math.round((c.weight / totalWeight) * 100)} %`])}
        />
        <Text style={[styles.paragraph, { marginTop: 12 }]}>
          Please quote the unit price, delivery time in days, warranty in months and how far your offer meets the specification, quoting {number} in your reply.
        </Text>
        <Footer issued={issued} />
      </Page>
    </Document>
  );
}
