import { Text, View } from '@react-pdf/renderer';
import { formatDocumentDay, formatDocumentMoney } from '../../../src-shared/documents/signature-lines';
import type { PurchaseRequestData } from '../../../src-shared/equipment/purchase-request-kind';
import { DocumentFrame } from '../components/DocumentFrame';
import { documentStyles as s } from '../components/document-styles';
import { FieldList } from '../components/FieldList';
import { SignatureBlock } from '../components/SignatureBlock';
import type { DocumentTemplate } from '../document-template';

/** The purchase request as procurement files it: what, how many, for how much, why, and who approved it. */
export const purchaseRequestTemplate: DocumentTemplate = {
  id: 'purchase_request',
  label: 'Purchase request',
  prints: { recordKinds: ['purchase_request'] },
  fileName: (data) => `${data.subject.number || 'Draft'} Purchase request.pdf`,
  render: (data) => {
    const request = (data.subject.record?.data ?? {}) as Partial<PurchaseRequestData>;
    const cost = request.estimatedCost;
    const name = (id: string | undefined) => (id ? (data.people.get(id) ?? id) : '');
    return (
      <DocumentFrame data={data} title={`Purchase request ${data.subject.number}`.trim()} subtitle={`Status: ${data.subject.statusLabel}`}>
        <FieldList
          fields={[
            { label: 'Item', value: request.itemName ?? data.subject.title },
            { label: 'Quantity', value: String(request.quantity ?? '') },
            { label: 'Estimated cost', value: cost ? formatDocumentMoney(cost.amountMinor, cost.currency) : '' },
            { label: 'Supplier', value: request.supplierName ?? '' },
            { label: 'Needed by', value: formatDocumentDay(request.neededBy) },
            { label: 'Requested by', value: name(request.requesterId) },
          ]}
        />
        {request.description ? (
          <View>
            <Text style={s.sectionTitle}>Description</Text>
            <Text style={s.paragraph}>{request.description}</Text>
          </View>
        ) : null}
        {request.justification ? (
          <View>
            <Text style={s.sectionTitle}>Justification</Text>
            <Text style={s.paragraph}>{request.justification}</Text>
          </View>
        ) : null}
        <SignatureBlock signatures={data.signatures} timeZone={data.timeZone} />
      </DocumentFrame>
    );
  },
};
