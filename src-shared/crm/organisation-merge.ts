/**
 * Merging a duplicate organisation into the one that stays: every record that names the loser is
 * repointed to the survivor, field by field as each kind declares its organisation references
 * (CRM's and equipment procurement's), so nothing linked is lost. Record links (`activity` documents
 * of kind `link`) are repointed by the merge command with the same ids. Pure: which data changes;
 * the command (crm/organisations/merge) writes them through writeRecord with the loser's removal,
 * as one audited command.
 */

type Data = Record<string, unknown>;

/** Where each kind holds organisation ids: single-id fields and id-list fields. */
export const organisationReferences: Readonly<Record<string, { fields?: readonly string[]; lists?: readonly string[]; when?: (data: Data) => boolean }>> = {
  contact: { fields: ['organisationId'] },
  opportunity: { fields: ['organisationId'] },
  quotation: { fields: ['organisationId'] },
  sales_order: { fields: ['organisationId'] },
  lead: { fields: ['convertedOrganisationId'] },
  interaction: { fields: ['subjectId'], when: (d) => d.subjectKind === 'organisation' },
  // Equipment procurement, once its supplier records are organisations (supplier-mapping.ts).
  equipment: { fields: ['supplierId'] },
  purchase_order: { fields: ['supplierId'] },
  bid: { fields: ['supplierId'] },
  calibration_plan: { fields: ['supplierId'] },
  rfq: { lists: ['supplierIds'] },
};

/** The kinds whose records the merge must look through. */
export const kindsReferencingOrganisations = Object.keys(organisationReferences);

/** The record's data with the loser replaced by the survivor, or null when it does not name the loser. */
export function repointedData(kind: string, data: Data, loserId: string, survivorId: string): Data | null {
  const refs = organisationReferences[kind];
  if (!refs || (refs.when && !refs.when(data))) return null;
  let changed = false;
  const next: Data = { ...data };
  for (const field of refs.fields ?? []) {
    if (next[field] === loserId) {
      next[field] = survivorId;
      changed = true;
    }
  }
  for (const field of refs.lists ?? []) {
    const list = next[field];
    if (Array.isArray(list) && list.includes(loserId)) {
      // The survivor may be in the list already (an RFQ sent to both duplicates): keep it once.
      next[field] = [...new Set(list.map((id: unknown) => (id === loserId ? survivorId : id)))];
      changed = true;
    }
  }
  return changed ? next : null;
}

/** What the merge refuses before writing anything (null when it may go ahead). */
export function mergeProblem(survivor: { id: string; kind: string; deletedAt?: unknown } | null, loser: { id: string; kind: string; deletedAt?: unknown } | null): string | null {
  if (!survivor || !loser || survivor.kind !== 'organisation' || loser.kind !== 'organisation') return 'Pick two organisations to merge.';
  if (survivor.id === loser.id) return 'An organisation cannot be merged into itself.';
  if (survivor.deletedAt || loser.deletedAt) return 'One of the organisations was removed or merged already.';
  return null;
}

/** The survivor's roles and blanks filled from the loser (a customer merged into a supplier becomes both). */
export function mergedOrganisationData(survivor: Data, loser: Data): Data {
  const roles = [...new Set([...(Array.isArray(survivor.roles) ? survivor.roles : []), ...(Array.isArray(loser.roles) ? loser.roles : [])])];
  const filled: Data = { ...survivor, roles };
  for (const field of ['email', 'phone', 'website', 'taxId', 'supplierScope']) {
    if (!filled[field] && loser[field]) filled[field] = loser[field];
  }
  if (Array.isArray(loser.addresses) && (!Array.isArray(survivor.addresses) || survivor.addresses.length === 0)) filled.addresses = loser.addresses;
  return filled;
}
