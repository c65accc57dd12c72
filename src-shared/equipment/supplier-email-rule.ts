import type { RelatedDocuments } from '../sync/related-documents';
import { allow, dataOf, deny, type Decision } from '../sync/write-rule';
import type { RecordActor } from '../records/who';
import { isWho } from '../records/who';
import { procurement } from './equipment-who';

type Doc = Record<string, unknown>;

/**
 * An RFQ or purchase order emailed to a supplier (src-main/equipment/supplier-email.ts) is an outbox
 * delivery whose recipient is the supplier's record. The sync server sends what outbox documents say,
 * so a PC may queue such an email only from procurement staff, and only to the address the supplier's
 * record holds on the server: otherwise any member could make the server mail anyone a PDF.
 * Null when the delivery is not to a supplier.
 */
export function supplierEmailDecision(person: RecordActor, doc: Doc, related: RelatedDocuments): Decision | null {
  const data = dataOf(doc);
  if (doc.kind !== 'outbox' || data.channel !== 'email') return null;
  const supplier = related.get('records', String(doc.recipientId));
  if (supplier?.kind !== 'supplier') return null;
  if (!isWho(procurement, person, supplier)) return deny('Only procurement staff can email a supplier.');
  const address = String(dataOf(supplier).email ?? '').toLowerCase();
  return address !== '' && String(data.to).toLowerCase() === address ? allow : deny('An email to a supplier can only go to the address on its record.');
}
