import { Text, View } from '@react-pdf/renderer';
import type { QuotationLine } from '../../../src-shared/crm/quotation-lines';
import { quotationTotals } from '../../../src-shared/crm/quotation-money';
import { formatDocumentMoney } from '../../../src-shared/documents/signature-lines';
import type { LabDatabase } from '../../database/open-database';
import { DocumentTable } from './DocumentTable';
import { documentStyles as s } from './document-styles';

/**
 * What customer documents (quotation, invoice, credit note) share: who they are addressed to, the
 * priced lines with tax, and the totals with one row per tax rate — computed by the same money core
 * the kinds check their totals with, so the paper and the record never disagree.
 */
export interface BilledParty {
  customer: string;
  address: string;
  contact: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The customer's name, billing address and the contact a document is addressed to. */
export async function loadBilledParty(db: LabDatabase, organisationId: string | undefined, contactId: string | undefined): Promise<BilledParty> {
  const found = await db.records.findByIds([organisationId ?? '', contactId ?? ''].filter(Boolean)).exec();
  const organisation = (found.get(organisationId ?? '')?.get('data') ?? {}) as { name?: string; addresses?: { purpose: string; lines: string; postcode: string; city: string }[] };
  const address = organisation.addresses?.find((a) => a.purpose === 'billing') ?? organisation.addresses?.[0];
  return {
    customer: text(organisation.name) || 'Customer',
    address: address ? [address.lines, [address.postcode, address.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '',
    contact: contactId ? text(found.get(contactId)?.get('title')) : '',
  };
}

export function BilledTo({ heading, party }: { heading: string; party: BilledParty }) {
  return (
    <View style={{ marginBottom: 8 }}>
      <Text style={s.sectionTitle}>{heading}</Text>
      <Text>{party.customer}</Text>
      {party.contact ? <Text>{party.contact}</Text> : null}
      {party.address ? <Text>{party.address}</Text> : null}
    </View>
  );
}

/** The lines (quantity, unit price, discount, tax rate, net) and below them net, tax per rate and total. */
export function PricedLines({ lines, taxRounding, currency, totalLabel }: { lines: readonly QuotationLine[]; taxRounding: 'per_line' | 'per_total'; currency: string; totalLabel: string }) {
  const totals = quotationTotals(lines, taxRounding);
  const money = (minor: number) => formatDocumentMoney(minor, currency);
  return (
    <>
      <DocumentTable
        columns={[
          { title: '#', width: '5%' },
          { title: 'Description', width: '31%' },
          { title: 'Qty', width: '10%', isRight: true },
          { title: 'Unit price', width: '15%', isRight: true },
          { title: 'Discount', width: '12%', isRight: true },
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
      <View style={{ marginTop: 8, alignSelf: 'flex-end', width: 240 }} wrap={false}>
        {[
          { label: 'Net', value: totals.netMinor },
          ...totals.taxBands.map((band) => ({ label: `Tax ${band.rateBasisPoints / 100} %`, value: band.taxMinor })),
        ].map((row) => (
          <View key={row.label} style={s.fieldRow}>
            <Text style={{ width: '50%', color: '#5f6368' }}>{row.label}</Text>
            <Text style={{ width: '50%', textAlign: 'right' }}>{money(row.value)}</Text>
          </View>
        ))}
        <View style={[s.fieldRow, { borderBottomWidth: 1, borderBottomColor: '#1d1d1f' }]}>
          <Text style={{ width: '50%', fontWeight: 'bold' }}>{totalLabel}</Text>
          <Text style={{ width: '50%', textAlign: 'right', fontWeight: 'bold' }}>{money(totals.grossMinor)}</Text>
        </View>
      </View>
    </>
  );
}
