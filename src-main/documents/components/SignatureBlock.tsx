import { Text, View } from '@react-pdf/renderer';
import { formatDocumentTime, type SignatureLine } from '../../../src-shared/documents/signature-lines';
import { documentStyles as s } from './document-styles';

/**
 * The e-signatures given on the record's workflows (DESIGN.md §6): for each, who signed, what the
 * signature means, and when — the same facts the audit trail binds into the signed event. With
 * none, the block says so rather than leaving blank lines that look signable.
 */
export function SignatureBlock({ signatures, timeZone }: { signatures: readonly SignatureLine[]; timeZone: string }) {
  return (
    <View wrap={false}>
      <Text style={s.sectionTitle}>Electronic signatures</Text>
      {signatures.length === 0 ? (
        <Text style={s.muted}>No electronic signatures have been given on this record yet.</Text>
      ) : (
        signatures.map((line, i) => (
          <View key={`${line.signedAt}-${i}`} style={s.signatureBox}>
            <Text>{`${line.meaningLabel} by ${line.signerName}`}</Text>
            <Text style={s.muted}>{`Signed ${formatDocumentTime(line.signedAt, timeZone)} · meaning: ${line.meaningLabel}${line.context ? ` · ${line.workflowCode}: ${line.context}` : ''}`}</Text>
          </View>
        ))
      )}
    </View>
  );
}
