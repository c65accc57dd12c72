import type { RecordDocument } from '../records/record-document';
import type { RecordLookup, RecordReads } from '../records/record-kind';
import type { CalibrationEvent, PlanSchedule } from './calibration-schedule';
import { calibrationFacts, instrumentFacts, planFacts } from './equipment-facts';
import { checkFitForUse, type InstrumentFacts, type Unfit, type UseKind } from './fitness';
import { dateOf } from './interval';
import { trainingReads, trainingRefusal } from '../hr/training-gate';

/**
 * What the invariants of records about an instrument read (the instrument, its calibration plans
 * and calibrations, the person using it) and the checks they share: the copy of the custodian a
 * record carries, and usage gating. Host and sync server load the same reads (record-invariants.ts)
 * and run the same checks, each on its own documents and clock.
 */
type Doc = Record<string, unknown>;

/** The instrument record, and optionally more reads. */
export const instrumentRead = (equipmentId: string): RecordReads => ({ ids: [{ collection: 'records', id: equipmentId }] });

/**
 * Everything usage gating reads: the instrument, its calibration plans and calibrations, and the
 * person (for their name) with HR's training courses and their completions (src-shared/hr/training-gate.ts).
 */
export function gateReads(equipmentId: string, personId?: string): RecordReads {
  const training = personId ? trainingReads(personId) : {};
  return {
    ids: [{ collection: 'records', id: equipmentId }, ...(personId ? [{ collection: 'people', id: personId }] : [])],
    byParent: [
      { kind: 'calibration_plan', parentId: equipmentId },
      { kind: 'calibration', parentId: equipmentId },
      ...(training.byParent ?? []),
    ],
    ...(training.byPerson ? { byPerson: training.byPerson } : {}),
  };
}

/** Two read lists as one. */
export const mergeReads = (...reads: RecordReads[]): RecordReads => ({
  ids: reads.flatMap((r) => r.ids ?? []),
  byParent: reads.flatMap((r) => r.byParent ?? []),
  byPerson: reads.flatMap((r) => r.byPerson ?? []),
});

/** The instrument as the lookup holds it (null when it is not there or not an instrument). */
export function instrumentIn(lookup: RecordLookup, equipmentId: string): Doc | null {
  const doc = lookup.get('records', equipmentId);
  return doc && doc.kind === 'equipment' ? doc : null;
}

export interface InstrumentState {
  instrument: InstrumentFacts;
  plans: PlanSchedule[];
  calibrations: CalibrationEvent[];
}

/** The instrument with its plans and calibrations, read through `gateReads`. */
export function instrumentState(lookup: RecordLookup, equipmentId: string): InstrumentState | null {
  const doc = instrumentIn(lookup, equipmentId);
  if (!doc) return null;
  return {
    instrument: instrumentFacts(doc),
    plans: lookup.byParent('calibration_plan', equipmentId).map(planFacts),
    calibrations: lookup.byParent('calibration', equipmentId).map(calibrationFacts),
  };
}

const unknownInstrument = { message: 'Choose an instrument from the equipment register.', field: 'data.equipmentId' };

/**
 * A record about an instrument names it (`equipmentId`) and carries its custodian: checked when the
 * record is created or moved to another instrument, so rules naming "the custodian" cannot be
 * claimed by a PC.
 */
export function checkInstrumentCopy(record: { data: { equipmentId: string; custodianId: string } }, previous: RecordDocument | null, lookup: RecordLookup): { message: string; field?: string } | null {
  if (previous && (previous.data as Doc).equipmentId === record.data.equipmentId) return null;
  const instrument = instrumentIn(lookup, record.data.equipmentId);
  if (!instrument) return unknownInstrument;
  const custodianId = instrumentFacts(instrument).custodianId;
  if (record.data.custodianId !== custodianId) return { message: `The instrument's custodian has changed meanwhile; reload it and try again.`, field: 'data.custodianId' };
  return null;
}

/** Usage gating of a booking, usage entry or allocation through the lookup; a refusal a person can act on, or null. */
export function gateThroughLookup(lookup: RecordLookup, input: { equipmentId: string; personId?: string | undefined; from: string; to: string; now: string; use: UseKind }): Unfit | { reason: 'unknown'; message: string } | null {
  const state = instrumentState(lookup, input.equipmentId);
  if (!state) return { reason: 'unknown', message: unknownInstrument.message };
  const person = input.personId ? lookup.get('people', input.personId) : null;
  const personName = typeof person?.name === 'string' ? person.name : undefined;
  const unfit = checkFitForUse({
    ...state,
    person: input.personId ? { id: input.personId, ...(personName ? { name: personName } : {}) } : undefined,
    from: input.from,
    to: input.to,
    now: input.now,
    use: input.use,
  });
  if (unfit || !input.personId) return unfit;
  // Authorisation follows valid training (issue 14): a required course expired or missing refuses the person.
  const { number, name } = state.instrument;
  const untrained = trainingRefusal(lookup, { personId: input.personId, personName, equipmentId: input.equipmentId, instrumentLabel: number ? `${number} ${name}` : name, fromDay: dateOf(input.from), toDay: dateOf(input.to) });
  return untrained ? { reason: 'not_trained', message: untrained } : null;
}
