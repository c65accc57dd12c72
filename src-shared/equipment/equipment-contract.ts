import { z } from 'zod';
import { command, query } from '../bridge/define';
import { planDateSchema, recordIdSchema } from '../projects/document-fields';
import type { RecordView } from '../records/record-contract';
import type { EquipmentDashboard } from './equipment-dashboard';
import type { BookingItem, HistoryView, InstrumentOverview, InstrumentRow } from './equipment-views';
import { locationSchema } from './equipment-kind';
import { qualificationMeanings, stepResults } from './qualification-rules';

/**
 * An instrument's life between UI and host, beyond the generic record commands: records about an
 * instrument (which carry its custodian), installation, moves, qualification (steps, signatures),
 * calibrations, bookings and use (usage gating: refused with the reason when the instrument is not
 * fit for use or the person not authorised), fault reports and decommissioning; and the register,
 * dashboard, instrument page and history card. Refusals follow each kind's declaration and
 * invariant (`forbidden`, `invalid_state` with what to do, `invalid_input` with the field);
 * a wrong password when signing is `signature_invalid`.
 */
const id = recordIdSchema;
const isoTime = z.iso.datetime({ message: 'Enter a date and time.' });
const note = z.string().trim().max(2000).default('');

export const equipmentContract = {
  /** Creates a record about an instrument (a calibration or maintenance plan, a decommissioning request, a deviation) with its custodian filled in. */
  'equipment/add-record': command<RecordView>()(
    z.object({ kind: z.enum(['calibration_plan', 'maintenance_plan', 'decommissioning', 'deviation']), equipmentId: id, data: z.record(z.string(), z.unknown()) }),
  ),
  /** Installation: date, by whom, where, the site requirements checklist; a received instrument becomes installed. */
  'equipment/install': command<RecordView>()(
    z.object({
      id,
      installedOn: planDateSchema,
      installedById: id,
      location: locationSchema,
      siteChecklist: z.array(z.object({ item: z.string().trim().min(1, 'Describe the requirement.').max(300), isMet: z.boolean(), note })).max(100).default([]),
    }),
  ),
  /** Moves the instrument; every move is logged in its history. */
  'equipment/move': command<RecordView>()(z.object({ id, location: locationSchema })),
  /** Starts a qualification from an approved protocol (its steps copied); an installed instrument goes into qualification. */
  'equipment/qualification/start': command<RecordView>()(z.object({ equipmentId: id, protocolId: id, executorIds: z.array(id).max(20).default([]) })),
  /** Records a step's result; a failed step raises a deviation against the instrument. */
  'equipment/qualification/record-step': command<{ qualification: RecordView; deviation?: RecordView }>()(
    z.object({ id, stepId: id, result: z.enum(stepResults), comment: note }),
  ),
  /** Signs a qualification as executed, reviewed or approved: an electronic signature (password re-entered) bound to its meaning. */
  'equipment/qualification/sign': command<RecordView>()(
    z.object({ id, meaning: z.enum(qualificationMeanings), password: z.string().min(1, 'Enter your password to sign.').max(200) }),
  ),
  /**
   * Records a calibration against one of the instrument's plans: as-found and as-left readings per
   * measurement point, judged against the plan's tolerances. An as-found reading out of tolerance
   * opens an impact assessment (a deviation listing every booking, use and allocation since the last
   * good calibration); a failed calibration quarantines the instrument.
   */
  'equipment/calibration/record': command<{ calibration: RecordView; impactAssessment?: RecordView; isQuarantined: boolean }>()(
    z.object({
      equipmentId: id,
      planId: id,
      performedOn: planDateSchema,
      provider: z.enum(['internal', 'external']).default('internal'),
      performedById: id.optional(),
      performedByName: z.string().trim().max(200).default(''),
      certificateNumber: z.string().trim().max(100).default(''),
      readings: z.array(z.object({ pointId: id, asFound: z.number().optional(), asLeft: z.number({ error: 'Enter the as-left reading.' }) })).min(1).max(100),
      wasAdjusted: z.boolean().default(false),
      notes: note,
    }),
  ),
  /** Books the instrument (for oneself, or — custodian and QA — for someone else). */
  'equipment/book': command<RecordView>()(
    z.object({ equipmentId: id, personId: id.optional(), start: isoTime, end: isoTime, purpose: z.string().trim().max(500).default(''), projectId: id.optional(), taskId: id.optional() }),
  ),
  /** Logs a use of the instrument. */
  'equipment/log-use': command<RecordView>()(
    z.object({
      equipmentId: id,
      personId: id.optional(),
      startedAt: isoTime,
      endedAt: isoTime.optional(),
      reference: z.string().trim().max(200).default(''),
      notes: note,
      projectId: id.optional(),
      taskId: id.optional(),
      bookingId: id.optional(),
    }),
  ),
  /** Anyone reports a fault: a corrective work order; the custodian or QA may take the instrument out of service with it. */
  'equipment/report-fault': command<RecordView>()(
    z.object({ equipmentId: id, summary: z.string().trim().min(1, 'Say what is wrong.').max(200), faultDescription: note, takeOutOfService: z.boolean().default(false) }),
  ),
  /**
   * Decommissions the instrument of an approved decommissioning request: cancels its open bookings,
   * checks the data archive and disposal method, marks the instrument decommissioned (read-only from
   * then on, but for its disposal details) and completes the request.
   */
  'equipment/decommission': command<{ equipment: RecordView; request: RecordView; cancelledBookings: number }>()(z.object({ requestId: id })),
  /**
   * Until workflows act on records themselves: applies the decision of the approval workflow run
   * against a purchase request or decommissioning request (approved or rejected) to the record.
   */
  'equipment/apply-workflow-decision': command<RecordView>()(z.object({ recordId: id })),

  /** The equipment register with next calibration due and fitness for use. */
  'equipment/list': query<InstrumentRow[]>()(z.object({ text: z.string().trim().max(200).default(''), includeRetired: z.boolean().default(false) })),
  /** Calibrations due soon and overdue, instruments out of service, by location; the on-time rate over 12 months. */
  'equipment/dashboard': query<EquipmentDashboard>()(z.object({ horizonDays: z.number().int().min(1).max(365).default(30) })),
  /** One instrument with its plans, calibrations, maintenance, qualifications, deviations and bookings. */
  'equipment/instrument': query<InstrumentOverview>()(z.object({ id })),
  /** The instrument's history card (its lifecycle events, oldest first). */
  'equipment/history': query<HistoryView>()(z.object({ id })),
  /** Bookings between two instants, of one instrument or all. */
  'equipment/bookings': query<BookingItem[]>()(z.object({ from: isoTime, to: isoTime, equipmentId: id.optional() })),
};
