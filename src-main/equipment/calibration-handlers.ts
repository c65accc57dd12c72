import { fail, ok } from '../../src-shared/core/result';
import { calibrationKind } from '../../src-shared/equipment/calibration-kind';
import { calibrationPlanKind, type CalibrationPlanData } from '../../src-shared/equipment/calibration-plan-kind';
import { deviationKind } from '../../src-shared/equipment/deviation-kind';
import { calibrationFacts } from '../../src-shared/equipment/equipment-facts';
import { equipmentKind, type EquipmentData } from '../../src-shared/equipment/equipment-kind';
import { impactsBetween, lastGoodDate } from '../../src-shared/equipment/impact-assessment';
import { judgeReadings } from '../../src-shared/equipment/tolerance';
import type { RecordView } from '../../src-shared/records/record-contract';
import type { CommandContext, CommandHandlers } from '../host/handler-types';
import { recordActorOf } from '../records/record-actor';
import { changeRecord, childrenOf, createRecord, personNames, recordOf, reread } from '../records/module-records';

/** Statuses from which a failed calibration quarantines the instrument. */
const QUARANTINE_FROM = new Set(['in_service', 'out_of_service', 'under_maintenance']);

/** Every resource allocation of the instrument in any project (plan items are few per project; filtered here). */
async function allocationsOf(context: CommandContext, equipmentId: string): Promise<Record<string, unknown>[]> {
  const docs = await context.db.plan_items.find({ selector: { kind: 'resource_allocation' } }).exec();
  return docs.map((d) => d.toJSON() as Record<string, unknown>).filter((d) => (d.data as { equipmentId?: string } | undefined)?.equipmentId === equipmentId);
}

export const calibrationCommandHandlers: CommandHandlers<'equipment/calibration/record'> = {
  /**
   * Readings are taken for the plan's own points (nominal and tolerance copied from the plan), judged,
   * and stored with their verdicts. Out of tolerance as found: an impact assessment lists what used
   * the instrument since its last good calibration. Failed as left: the instrument is quarantined.
   */
  async 'equipment/calibration/record'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const instrument = await recordOf(context.db, equipmentKind, input.equipmentId, actor);
    if (instrument.error) return instrument.error;
    const plan = await recordOf(context.db, calibrationPlanKind, input.planId, actor);
    if (plan.error) return plan.error;
    const planData = plan.value.data as CalibrationPlanData;
    if (planData.equipmentId !== instrument.value.id) return fail('invalid_input', 'Choose one of the instrument’s calibration plans.', { field: 'planId' });
    const given = new Map(input.readings.map((r) => [r.pointId, r]));
    const missing = planData.points.findIndex((p) => !given.has(p.id));
    if (missing >= 0) return fail('invalid_input', `Enter the as-left reading of “${planData.points[missing]?.name}”.`, { field: `readings.${missing}.asLeft` });
    const readings = planData.points.map((p) => ({ pointId: p.id, name: p.name, unit: p.unit, nominal: p.nominal, tolerance: p.tolerance, asFound: given.get(p.id)?.asFound, asLeft: given.get(p.id)?.asLeft }));
    const verdict = judgeReadings(readings as { pointId: string; nominal: number; tolerance: number; asFound?: number; asLeft: number }[]);
    const custodianId = (instrument.value.data as EquipmentData).custodianId;
    const created = await createRecord(context, calibrationKind, actor, {
      equipmentId: instrument.value.id,
      custodianId,
      planId: plan.value.id,
      performedOn: input.performedOn,
      provider: input.provider,
      ...(input.performedById ? { performedById: input.performedById } : input.provider === 'internal' ? { performedById: actor.id } : {}),
      performedByName: input.performedByName,
      certificateNumber: input.certificateNumber,
      readings,
      asFoundResult: verdict.asFound,
      result: verdict.asLeft,
      wasAdjusted: input.wasAdjusted,
      notes: input.notes,
    });
    if (!created.ok) return created;
    let calibration: RecordView = created.value;
    let impactAssessment: RecordView | undefined;
    if (verdict.asFound === 'fail') {
      const all = (await childrenOf(context.db, 'calibration', instrument.value.id)).map(calibrationFacts);
      const since = lastGoodDate(calibrationFacts(calibration as unknown as Record<string, unknown>), all);
      const [bookings, usage, allocations] = await Promise.all([childrenOf(context.db, 'booking', instrument.value.id), childrenOf(context.db, 'usage_log', instrument.value.id), allocationsOf(context, instrument.value.id)]);
      const names = await personNames(context.db, [...bookings, ...usage].map((d) => String((d.data as { personId?: string }).personId ?? '')));
      const impacts = impactsBetween({ bookings, usage, allocations, since, until: input.performedOn, names: (id) => names.get(id) ?? id });
      const label = `${instrument.value.number} ${(instrument.value.data as EquipmentData).name}`.trim();
      const deviation = await createRecord(context, deviationKind, actor, {
        equipmentId: instrument.value.id,
        custodianId,
        source: 'calibration',
        sourceRecordId: calibration.id,
        title: `Out of tolerance as found: ${label} (${calibration.number || input.performedOn})`,
        description: `Calibration ${calibration.number} on ${input.performedOn} found ${label} out of tolerance before adjustment. Assess every use since the last good calibration${since === '0000-01-01' ? '' : ` on ${since}`}: ${impacts.length} to review.`,
        impacts,
      });
      if (!deviation.ok) return deviation;
      impactAssessment = deviation.value;
      const linked = await changeRecord(context, calibrationKind, actor, await reread(context.db, calibration.id), { data: { impactDeviationId: deviation.value.id } });
      if (!linked.ok) return linked;
      calibration = linked.value;
    }
    let isQuarantined = false;
    if (verdict.asLeft === 'fail' && QUARANTINE_FROM.has(instrument.value.status)) {
      const quarantined = await changeRecord(context, equipmentKind, actor, await reread(context.db, instrument.value.id), { status: 'quarantined' });
      isQuarantined = quarantined.ok;
    }
    return ok({ calibration, ...(impactAssessment ? { impactAssessment } : {}), isQuarantined });
  },
};
