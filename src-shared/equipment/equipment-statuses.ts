import type { RecordStatus } from '../records/record-kind';
import { codeLabel } from '../format/code-label';

/**
 * An instrument's life: bought, received, installed, qualified, in service (with spells out of
 * service, under maintenance or in quarantine), then decommissioned and disposed of. Only an
 * instrument in service may be booked, used or allocated (fitness.ts).
 */
export const equipmentStatuses = [
  { id: 'ordered', label: 'Ordered', tone: 'info' },
  { id: 'received', label: 'Received', tone: 'info' },
  { id: 'installed', label: 'Installed', tone: 'info' },
  { id: 'in_qualification', label: 'In qualification', tone: 'warning' },
  { id: 'in_service', label: 'In service', tone: 'success' },
  { id: 'out_of_service', label: 'Out of service', tone: 'error' },
  { id: 'under_maintenance', label: 'Under maintenance', tone: 'warning' },
  { id: 'quarantined', label: 'Quarantined', tone: 'error' },
  // Not read-only: the disposal fields are filled in after decommissioning (field rules say which).
  { id: 'decommissioned', label: 'Decommissioned', tone: 'default' },
  { id: 'disposed', label: 'Disposed', tone: 'default', isReadOnly: true },
] as const satisfies readonly RecordStatus[];

export type EquipmentStatus = (typeof equipmentStatuses)[number]['id'];

/** Statuses in which the instrument is out of use for a while (the dashboard's "out of service"). */
export const outOfUseStatuses: ReadonlySet<string> = new Set(['out_of_service', 'under_maintenance', 'quarantined']);

/** Statuses before the instrument was first put in service. */
export const notYetQualifiedStatuses: ReadonlySet<string> = new Set(['ordered', 'received', 'installed', 'in_qualification']);

/** Statuses after its working life. */
export const retiredStatuses: ReadonlySet<string> = new Set(['decommissioned', 'disposed']);

export const equipmentStatusLabel = (status: string): string => equipmentStatuses.find((s) => s.id === status)?.label ?? codeLabel(status);
