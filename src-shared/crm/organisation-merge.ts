/**
 * Merging a duplicate organisation into the one that stays: every record that names the loser is
 * repointed to the survivor, field by field as each kind declares its organisation references
 * (CRM's and equipment procurement's), so nothing linked is lost. Record links (`activity` documents
 * of kind `link`) are repointed by the merge command with the same ids. Pure: which data changes;
 * the command (crm/organisations/merge) writes them through writeRecord with the loser's removal,
 * as one audited command.
 */

type Data = Record<string, unknown>;

/**
 * Where each kind holds organisation ids: single-id fields and id-list fields. `isChild`: the
 * kind's `parentId` column is that organisation, so the sync server can list what is left under
 * a merged organisation (organisation-merge-rule.ts); the other kinds are found by their data.
 */
export const organisationReferences: Readonly<Record<string, { fields?: readonly string[]; lists?: readonly string[]; when?: (data: Data) => boolean; isChild?: true }>> = {
  contact: { fields: ['organisationId'], isChild: true },
  opportunity: { fields: ['organisationId'], isChild: true },
  quotation: { fields: ['organisationId'], isChild: true },
  sales_order: { fields: ['organisationId'], isChild: true },
  lead: { fields: ['convertedOrganisationId'] },
  interaction: { fields: ['subjectId'], when: (d) => d.subjectKind === 'organisation', isChild: true },
  // Finance: an issued invoice or a payment keeps the customer it names (finance's field rules),
  // so the merge refuses to retire an organisation that has them and says to keep that one.
  invoice: { fields: ['organisationId'], isChild: true },
  payment: { fields: ['organisationId'], isChild: true },
  credit_note: { fields: ['organisationId'] },
  // Equipment procurement, once its supplier records are organisations (supplier-mapping.ts).
  equipment: { fields: ['supplierId'] },
  purchase_order: { fields: ['supplierId'] },
  bid: { fields: ['supplierId'] },
  calibration_plan: { fields: ['supplierId'] },
  rfq: { lists: ['supplierIds'] },
};

/** The kinds whose records the merge must look through. */
export const kindsReferencingOrganisations = Object.keys(organisationReferences);
/** The kinds filed under their organisation (`parentId`). */
export const kindsFiledUnderOrganisations = kindsReferencingOrganisations.filter((kind) => organisationReferences[kind]?.isChild);

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
type Merging = { id: string; kind: string; status?: string; deletedAt?: unknown };
export function mergeProblem(survivor: Merging | null, loser: Merging | null): string | null {
  if (!survivor || !loser || survivor.kind !== 'organisation' || loser.kind !== 'organisation') return 'Pick two organisations to merge.';
  if (survivor.id === loser.id) return 'An organisation cannot be merged into itself.';
  if (survivor.deletedAt || loser.deletedAt || survivor.status === 'merged' || loser.status === 'merged') return 'One of the organisations was removed or merged already.';
  return null;
}

/** The details a person chooses between, field by field, in the merge dialog (roles are always joined). */
export const mergeableFields = [
  { field: 'name', label: 'Name' },
  { field: 'email', label: 'Email' },
  { field: 'phone', label: 'Phone' },
  { field: 'website', label: 'Website' },
  { field: 'taxId', label: 'Tax id' },
  { field: 'paymentTermsDays', label: 'Payment terms (days)' },
  { field: 'currency', label: 'Currency' },
  { field: 'ownerId', label: 'Account manager' },
  { field: 'supplierScope', label: 'Supplies' },
  { field: 'addresses', label: 'Addresses' },
  { field: 'notes', label: 'Notes' },
] as const;
export type MergeableField = (typeof mergeableFields)[number]['field'];
export type MergeChoices = Partial<Record<MergeableField, 'survivor' | 'loser'>>;

/**
 * The survivor's roles and blanks filled from the loser (a customer merged into a supplier becomes
 * both), then each field the person chose to take from the loser.
 */
export function mergedOrganisationData(survivor: Data, loser: Data, choices: MergeChoices = {}): Data {
  const roles = [...new Set([...(Array.isArray(survivor.roles) ? survivor.roles : []), ...(Array.isArray(loser.roles) ? loser.roles : [])])];
  const filled: Data = { ...survivor, roles };
  for (const field of ['email', 'phone', 'website', 'taxId', 'supplierScope']) {
    if (!filled[field] && loser[field]) filled[field] = loser[field];
  }
  if (Array.isArray(loser.addresses) && (!Array.isArray(survivor.addresses) || survivor.addresses.length === 0)) filled.addresses = loser.addresses;
  for (const [field, side] of Object.entries(choices)) {
    if (side !== 'loser') continue;
    if (loser[field] === undefined) delete filled[field];
    else filled[field] = loser[field];
  }
  return filled;
}
