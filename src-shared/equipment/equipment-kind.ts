import { z } from 'zod';
import { moneySchema, planDateSchema, recordIdSchema } from '../projects/document-fields';
import { defineRecordKind } from '../records/record-kind';
import { planStanding } from './calibration-schedule';
import { calibrationFacts, locationLine, planFacts } from './equipment-facts';
import { equipmentStatuses } from './equipment-statuses';
import { procurement, qa, qaOrCustodian } from './equipment-who';
import { decommissioningBlockers } from './decommissioning-checks';

/**
 * An instrument in the equipment register: asset number (EQ-0001), identity, location, custodian,
 * GxP impact, where it was bought, warranty, authorised users, installation and disposal. Its status
 * follows its life (equipment-statuses.ts); two moves are guarded by the invariant: it is put in
 * service only with an approved qualification and a last calibration that passed, and decommissioned
 * only with an approved decommissioning whose checks are done. Once decommissioned only the disposal
 * details may be filled in; disposed, it is read-only and keeps its history.
 */

export const equipmentCategories = [
  { value: 'balance', label: 'Balance' },
  { value: 'pipette', label: 'Pipette' },
  { value: 'chromatography', label: 'Chromatography' },
  { value: 'spectroscopy', label: 'Spectroscopy' },
  { value: 'thermal', label: 'Incubator, oven or fridge' },
  { value: 'centrifuge', label: 'Centrifuge' },
  { value: 'microscope', label: 'Microscope' },
  { value: 'ph_meter', label: 'pH meter' },
  { value: 'other', label: 'Other' },
] as const;

export const disposalMethods = [
  { value: 'returned_to_supplier', label: 'Returned to the supplier' },
  { value: 'sold', label: 'Sold' },
  { value: 'donated', label: 'Donated' },
  { value: 'recycled', label: 'Recycled (WEEE)' },
  { value: 'hazardous_waste', label: 'Hazardous waste contractor' },
] as const;

const shortText = (max = 100) => z.string().trim().max(max, `At most ${max} characters.`).default('');

export const locationSchema = z.object({ site: shortText(), building: shortText(), room: shortText(), bench: shortText() });
export type EquipmentLocation = z.infer<typeof locationSchema>;

export const checklistItemSchema = z.object({
  id: recordIdSchema,
  item: z.string().trim().min(1, 'Describe the requirement, e.g. "Bench vibration-free".').max(300),
  isMet: z.boolean().default(false),
  note: shortText(500),
});

const equipmentData = z.object({
  name: z.string().trim().min(1, 'Name the instrument.').max(200, 'At most 200 characters.'),
  category: z.enum(equipmentCategories.map((c) => c.value) as [string, ...string[]]).default('other'),
  manufacturer: shortText(),
  model: shortText(),
  serialNumber: shortText(),
  location: locationSchema.default({ site: '', building: '', room: '', bench: '' }),
  custodianId: z.string({ error: 'Choose the custodian.' }).min(1, 'Choose the custodian.').max(40),
  /** Used for GxP work: its calibrations and qualifications are audited. */
  isGxpCritical: z.boolean().default(false),
  supplierId: recordIdSchema.optional(),
  purchaseOrderId: recordIdSchema.optional(),
  purchaseRequestId: recordIdSchema.optional(),
  cost: moneySchema.optional(),
  warrantyEnd: planDateSchema.optional(),
  /** People trained and allowed to use it (besides the custodian). */
  authorisedUserIds: z.array(recordIdSchema).max(500, 'At most 500 authorised users.').default([]),
  installedOn: planDateSchema.optional(),
  installedById: recordIdSchema.optional(),
  siteChecklist: z.array(checklistItemSchema).max(100).default([]),
  disposalMethod: z.enum(disposalMethods.map((m) => m.value) as [string, ...string[]]).optional(),
  disposalCertificateNumber: z.string().trim().max(100).optional(),
  disposedOn: planDateSchema.optional(),
  notes: shortText(5000),
});
export type EquipmentData = z.infer<typeof equipmentData>;

const working = ['ordered', 'received', 'installed', 'in_qualification', 'in_service', 'out_of_service', 'under_maintenance', 'quarantined'];
const identityFields = ['name', 'category', 'manufacturer', 'model', 'serialNumber', 'isGxpCritical', 'supplierId', 'purchaseOrderId', 'purchaseRequestId', 'cost', 'warrantyEnd', 'notes'];

export const equipmentKind = defineRecordKind<EquipmentData>({
  kind: 'equipment',
  module: 'equipment',
  label: 'Instrument',
  pluralLabel: 'Equipment',
  version: 1,
  data: equipmentData as z.ZodType<EquipmentData>,
  title: (d) => d.name,
  searchText: (d) => `${d.manufacturer} ${d.model} ${d.serialNumber} ${locationLine(d.location)}`,
  statuses: equipmentStatuses,
  initialStatus: 'ordered',
  transitions: [
    { from: ['ordered'], to: 'received', label: 'Mark as received', who: { anyOf: [procurement, qaOrCustodian] } },
    { from: ['received'], to: 'installed', label: 'Mark as installed', who: qaOrCustodian, requires: ['installedOn', 'installedById'] },
    { from: ['installed'], to: 'in_qualification', label: 'Start qualification', who: qaOrCustodian },
    { from: ['in_qualification', 'out_of_service', 'under_maintenance', 'quarantined'], to: 'in_service', label: 'Release for service', who: qa },
    { from: ['in_service'], to: 'out_of_service', label: 'Take out of service', who: qaOrCustodian, needsReason: true },
    { from: ['in_service', 'out_of_service'], to: 'under_maintenance', label: 'Start maintenance', who: qaOrCustodian },
    { from: ['under_maintenance'], to: 'out_of_service', label: 'Maintenance done, awaiting release', who: qaOrCustodian },
    { from: ['in_service', 'out_of_service', 'under_maintenance'], to: 'quarantined', label: 'Quarantine', who: qaOrCustodian, needsReason: true },
    { from: working, to: 'decommissioned', label: 'Decommission', who: qa },
    { from: ['decommissioned'], to: 'disposed', label: 'Record disposal', who: qa, requires: ['disposalMethod', 'disposalCertificateNumber', 'disposedOn'] },
  ],
  number: { prefix: 'EQ', isYearly: false },
  columns: { ownerId: (d) => d.custodianId, date: (d) => d.installedOn },
  fields: [
    { field: 'number', label: 'Asset number', type: 'text', isDefaultColumn: true },
    { field: 'name', label: 'Name', type: 'text', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'category', label: 'Category', type: 'choice', choices: equipmentCategories, isDefaultColumn: true, isEditable: true },
    { field: 'manufacturer', label: 'Manufacturer', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'model', label: 'Model', type: 'text', isEditable: true },
    { field: 'serialNumber', label: 'Serial number', type: 'text', isDefaultColumn: true, isEditable: true },
    { field: 'location.site', label: 'Site', type: 'text' },
    { field: 'location.room', label: 'Room', type: 'text', isDefaultColumn: true },
    { field: 'custodianId', label: 'Custodian', type: 'person', isDefaultColumn: true, isEditable: true, isRequired: true },
    { field: 'status', label: 'Status', type: 'choice', isDefaultColumn: true },
    { field: 'isGxpCritical', label: 'GxP impact', type: 'boolean', isDefaultColumn: true, isEditable: true },
    { field: 'supplierId', label: 'Supplier', type: 'record', recordKind: 'supplier', isEditable: true },
    { field: 'purchaseOrderId', label: 'Purchase order', type: 'record', recordKind: 'purchase_order' },
    { field: 'cost', label: 'Cost', type: 'money', isEditable: true },
    { field: 'warrantyEnd', label: 'Warranty until', type: 'date', isEditable: true },
    { field: 'authorisedUserIds', label: 'Authorised users', type: 'people', isEditable: true },
    { field: 'installedOn', label: 'Installed on', type: 'date' },
    { field: 'notes', label: 'Notes', type: 'text', isEditable: true, isMultiline: true },
  ],
  links: { related: ['purchase_request', 'purchase_order', 'supplier'] },
  create: { anyOf: [qa, procurement, 'admin'] },
  edit: [
    { fields: identityFields, who: { anyOf: [qaOrCustodian, procurement] }, inStatuses: working },
    { fields: ['location', 'custodianId', 'authorisedUserIds'], who: qaOrCustodian, inStatuses: working },
    { fields: ['installedOn', 'installedById', 'siteChecklist'], who: qaOrCustodian, inStatuses: ['received', 'installed', 'in_qualification'] },
    { fields: ['disposalMethod', 'disposalCertificateNumber', 'disposedOn'], who: qa, inStatuses: ['decommissioned'] },
  ],
  remove: { who: 'admin', inStatuses: ['ordered'] },
  invariant: {
    // Only the two guarded moves read anything.
    reads: (_d, record) =>
      record.status === 'in_service'
        ? { byParent: ['qualification', 'calibration_plan', 'calibration'].map((kind) => ({ kind, parentId: record.id })) }
        : record.status === 'decommissioned'
          ? { byParent: [{ kind: 'decommissioning', parentId: record.id }, { kind: 'booking', parentId: record.id }] }
          : {},
    check({ record, previous, lookup, now }) {
      if (previous?.status === record.status) return null;
      const label = `${record.number ? `${record.number} ` : ''}${record.data.name}`;
      if (record.status === 'in_service') {
        const approved = lookup.byParent('qualification', record.id).some((q) => q.status === 'approved');
        if (!approved) return { message: `${label} can be put in service only after a qualification (FAT, SAT, IQ, OQ or PQ) of it is approved.`, field: 'status' };
        const calibrations = lookup.byParent('calibration', record.id).map(calibrationFacts);
        for (const plan of lookup.byParent('calibration_plan', record.id).map(planFacts).filter((p) => p.isActive)) {
          const latest = planStanding(plan, calibrations).latest;
          if (latest?.result === 'fail') return { message: `${label} failed its last calibration (${latest.number || latest.performedOn}); record a calibration that passes before releasing it.`, field: 'status' };
        }
        return null;
      }
      if (record.status === 'decommissioned') {
        const requests = lookup.byParent('decommissioning', record.id);
        const approved = requests.find((r) => r.status === 'approved' || r.status === 'completed');
        if (!approved) return { message: `${label} can be decommissioned only through an approved decommissioning request.`, field: 'status' };
        const blockers = decommissioningBlockers((approved.data ?? {}) as Record<string, unknown>, lookup.byParent('booking', record.id), now);
        return blockers.length > 0 ? { message: `Before ${label} is decommissioned: ${blockers.join('; ')}.`, field: 'status' } : null;
      }
      return null;
    },
  },
});
