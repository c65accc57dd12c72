/**
 * One entry of an instrument's history card: the feature spec's `EquipmentLifecycleEvent`, which the
 * public API serves as /api/v1/equipment-lifecycle. Events are not stored on their own: they are
 * derived from the instrument's records and its audit trail (history-card.ts), so the card can never
 * disagree with the records it summarises.
 */
export const lifecycleStages = [
  'procurement',
  'receipt',
  'installation',
  'move',
  'qualification',
  'calibration',
  'maintenance',
  'deviation',
  'booking',
  'usage',
  'status',
  'change',
  'decommissioning',
] as const;
export type LifecycleStage = (typeof lifecycleStages)[number];

export const stageLabels: Record<LifecycleStage, string> = {
  procurement: 'Procurement',
  receipt: 'Receipt',
  installation: 'Installation',
  move: 'Move',
  qualification: 'Qualification',
  calibration: 'Calibration',
  maintenance: 'Maintenance',
  deviation: 'Deviation',
  booking: 'Bookings',
  usage: 'Usage',
  status: 'Status',
  change: 'Change',
  decommissioning: 'Decommissioning',
};

export interface LifecycleSignature {
  meaning: string;
  name: string;
  at: string;
}

export interface EquipmentLifecycleEvent {
  /** Deterministic: the source record or audit entry and what happened. */
  id: string;
  equipmentId: string;
  /** When: an ISO instant, or a date for things recorded by day (a calibration, a receipt). */
  at: string;
  stage: LifecycleStage;
  title: string;
  detail: string;
  /** Who did it, by name. */
  by?: string;
  /** The record it comes from. */
  record?: { id: string; kind: string; number: string };
  signatures?: LifecycleSignature[];
}
