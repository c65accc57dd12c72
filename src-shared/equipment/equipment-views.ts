import type { RecordView } from '../records/record-contract';
import type { EvaluationMatrix } from './bid-evaluation';
import type { EquipmentDashboard } from './equipment-dashboard';
import type { UnfitReason } from './fitness';
import type { EquipmentLifecycleEvent } from './lifecycle-event';

/** What the equipment screens show, as the host answers them (equipment-contract.ts). */

/** A person by id and name, for pickers and labels. */
export interface PersonName {
  id: string;
  name: string;
}

export interface Fitness {
  isFit: boolean;
  reason?: UnfitReason | 'unknown';
  message?: string;
}

export interface InstrumentRow {
  id: string;
  number: string;
  name: string;
  category: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
  status: string;
  statusLabel: string;
  location: string;
  custodianId: string;
  custodianName: string;
  isGxpCritical: boolean;
  /** The earliest calibration due over its active plans. */
  nextDue?: { dueDate: string; planName: string; daysLeft: number };
  /** Fit for use today by its custodian (status and calibration; the person's authorisation aside). */
  fitness: Fitness;
}

export interface CalibrationPlanView {
  id: string;
  number: string;
  name: string;
  status: string;
  intervalText: string;
  provider: string;
  method: string;
  dueDate: string;
  daysLeft: number;
  lastCalibration?: { id: string; number: string; performedOn: string; result: string };
  points: { id: string; name: string; unit: string; nominal: number; tolerance: number }[];
  reminderLeadDays: number[];
}

export interface CalibrationRow {
  id: string;
  number: string;
  planName: string;
  performedOn: string;
  performedBy: string;
  result: string;
  asFoundResult: string;
  certificateNumber: string;
  status: string;
}

/** A record about the instrument in a list on its page. */
export interface RelatedRow {
  id: string;
  kind: string;
  number: string;
  title: string;
  status: string;
  statusLabel: string;
  date: string;
}

export interface InstrumentOverview {
  record: RecordView;
  custodianName: string;
  authorisedUsers: PersonName[];
  location: string;
  fitness: Fitness;
  calibrationPlans: CalibrationPlanView[];
  calibrations: CalibrationRow[];
  maintenancePlans: RelatedRow[];
  workOrders: RelatedRow[];
  qualifications: RelatedRow[];
  deviations: RelatedRow[];
  decommissioning: RelatedRow[];
  /** Bookings that have not ended yet. */
  upcomingBookings: BookingItem[];
}

export interface BookingItem {
  id: string;
  equipmentId: string;
  equipmentLabel: string;
  personId: string;
  personName: string;
  start: string;
  end: string;
  purpose: string;
  status: string;
  /** The viewer may cancel it. */
  canCancel: boolean;
}

export interface HistoryView {
  equipmentId: string;
  label: string;
  events: EquipmentLifecycleEvent[];
}

export interface BidRow {
  id: string;
  number: string;
  supplierId: string;
  supplierName: string;
  priceMinor: number;
  currency: string;
  deliveryDays: number;
  warrantyMonths: number;
  specificationCompliance: string;
  status: string;
}

export interface BidMatrixView {
  rfq: RecordView;
  bids: BidRow[];
  matrix: EvaluationMatrix;
  evaluators: (PersonName & { evaluationId?: string; status: string })[];
  /** The viewer's own evaluation, when they are an evaluator. */
  mine?: { id?: string; status: string; scores: { bidId: string; criterionId: string; score: number }[] };
  canAward: boolean;
}

export type { EquipmentDashboard };

/** A rendered document (RFQ, purchase order, history card) for download. */
export interface RenderedDocument {
  fileName: string;
  contentType: 'application/pdf';
  base64: string;
}
