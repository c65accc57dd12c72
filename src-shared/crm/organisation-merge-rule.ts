import type { RecordInvariant } from '../records/record-kind';
import { kindsFiledUnderOrganisations } from './organisation-merge';

/**
 * The organisation kind's invariant, run by the host's merge command and again by the sync server
 * for every pushed organisation: a duplicate is retired (status `merged`) only into another live
 * organisation that is not itself merged, and only once nothing is filed under it any more —
 * contacts, opportunities, quotations, orders, interactions, invoices and payments must have moved
 * to the survivor first, so a hostile or broken PC cannot retire an organisation and strand its
 * records. The pointer is set once and never changes.
 */
type MergeData = { name: string; mergedIntoId?: string | undefined };

const kindNames: Readonly<Record<string, [string, string]>> = {
  contact: ['contact', 'contacts'],
  opportunity: ['opportunity', 'opportunities'],
  quotation: ['quotation', 'quotations'],
  sales_order: ['sales order', 'sales orders'],
  interaction: ['interaction', 'interactions'],
  invoice: ['invoice', 'invoices'],
  payment: ['payment', 'payments'],
};

/** "2 contacts and 1 invoice" from counts per kind. */
export function describeCounts(counts: ReadonlyMap<string, number>): string {
  const parts = [...counts].filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${(kindNames[kind] ?? [kind, kind])[n === 1 ? 0 : 1]}`);
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

export const organisationMergeInvariant: RecordInvariant<MergeData> = {
  reads: (data, record) =>
    record.status === 'merged' && data.mergedIntoId
      ? { ids: [{ collection: 'records', id: data.mergedIntoId }], byParent: kindsFiledUnderOrganisations.map((kind) => ({ kind, parentId: record.id })) }
      : {},
  check: ({ record, previous, lookup }) => {
    const into = record.data.mergedIntoId;
    const field = 'data.mergedIntoId';
    const before = (previous?.data as MergeData | undefined)?.mergedIntoId;
    if (before && before !== into) return { message: 'This organisation was merged already; the organisation it was merged into cannot change.', field };
    if (record.status !== 'merged') return into ? { message: 'Only merging an organisation names the one it was merged into.', field } : null;
    if (previous?.status === 'merged') return null;
    if (!into) return { message: 'Name the organisation this one is merged into.', field };
    if (into === record.id) return { message: 'An organisation cannot be merged into itself.', field };
    const survivor = lookup.get('records', into);
    if (!survivor) return { message: 'The organisation this one is merged into has not arrived yet.', field, isWaiting: true };
    if (survivor.kind !== 'organisation' || survivor.status === 'merged') return { message: 'Merge into a live organisation that was not merged itself.', field };
    const left = new Map(kindsFiledUnderOrganisations.map((kind) => [kind, lookup.byParent(kind, record.id).length]));
    const remaining = describeCounts(left);
    if (remaining === '') return null;
    return { message: `${record.data.name} still has ${remaining}. Move them to the organisation it is merged into first (CRM → Possible duplicates → Merge does).`, field };
  },
};
