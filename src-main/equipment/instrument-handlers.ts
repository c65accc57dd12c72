import { bookingKind } from '../../src-shared/equipment/booking-kind';
import { calibrationPlanKind } from '../../src-shared/equipment/calibration-plan-kind';
import { decommissioningKind } from '../../src-shared/equipment/decommissioning-kind';
import { deviationKind } from '../../src-shared/equipment/deviation-kind';
import { equipmentKind, type EquipmentData } from '../../src-shared/equipment/equipment-kind';
import { maintenancePlanKind } from '../../src-shared/equipment/maintenance-plan-kind';
import { usageLogKind } from '../../src-shared/equipment/usage-log-kind';
import { workOrderKind } from '../../src-shared/equipment/work-order-kind';
import type { CommandHandlers } from '../host/handler-types';
import { recordActorOf } from '../records/record-actor';
import { changeRecord, createRecord, recordOf } from '../records/module-records';

type Names = 'equipment/add-record' | 'equipment/install' | 'equipment/move' | 'equipment/book' | 'equipment/log-use' | 'equipment/report-fault';

const childKinds = { calibration_plan: calibrationPlanKind, maintenance_plan: maintenancePlanKind, decommissioning: decommissioningKind, deviation: deviationKind } as const;

/**
 * Commands on an instrument and the records about it. Records about an instrument carry its
 * custodian, filled in here from the instrument (and checked again by the kinds' invariants on
 * host and server). Booking and logging a use are refused by usage gating with its reason.
 */
export const instrumentCommandHandlers: CommandHandlers<Names> = {
  async 'equipment/add-record'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const instrument = await recordOf(context.db, equipmentKind, input.equipmentId, actor);
    if (instrument.error) return instrument.error;
    const custodianId = (instrument.value.data as EquipmentData).custodianId;
    const extra = input.kind === 'decommissioning' ? { requestedById: actor.id } : {};
    return createRecord(context, childKinds[input.kind], actor, { ...extra, ...input.data, equipmentId: instrument.value.id, custodianId });
  },

  async 'equipment/install'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const found = await recordOf(context.db, equipmentKind, input.id, actor);
    if (found.error) return found.error;
    const siteChecklist = input.siteChecklist.map((item, i) => ({ id: `site-${i + 1}`, ...item }));
    const data = { installedOn: input.installedOn, installedById: input.installedById, location: input.location, siteChecklist };
    // Installing a received instrument moves it on; correcting the installation of one already installed only changes the data.
    return changeRecord(context, equipmentKind, actor, found.value, { data, ...(found.value.status === 'received' ? { status: 'installed' } : {}) });
  },

  async 'equipment/move'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const found = await recordOf(context.db, equipmentKind, input.id, actor);
    if (found.error) return found.error;
    return changeRecord(context, equipmentKind, actor, found.value, { data: { location: input.location } });
  },

  async 'equipment/book'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const instrument = await recordOf(context.db, equipmentKind, input.equipmentId, actor);
    if (instrument.error) return instrument.error;
    const { equipmentId, personId, ...rest } = input;
    return createRecord(context, bookingKind, actor, { ...rest, equipmentId, personId: personId ?? actor.id, custodianId: (instrument.value.data as EquipmentData).custodianId });
  },

  async 'equipment/log-use'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const instrument = await recordOf(context.db, equipmentKind, input.equipmentId, actor);
    if (instrument.error) return instrument.error;
    const { equipmentId, personId, ...rest } = input;
    return createRecord(context, usageLogKind, actor, { ...rest, equipmentId, personId: personId ?? actor.id, custodianId: (instrument.value.data as EquipmentData).custodianId });
  },

  async 'equipment/report-fault'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const instrument = await recordOf(context.db, equipmentKind, input.equipmentId, actor);
    if (instrument.error) return instrument.error;
    const data = instrument.value.data as EquipmentData;
    if (input.takeOutOfService) {
      // Checked before anything is written: only the custodian or QA take it out of service.
      const out = await changeRecord(context, equipmentKind, actor, instrument.value, { status: 'out_of_service' });
      if (!out.ok) return out;
    }
    // The work order says why it is out of service (the reason a status change asks for).
    return createRecord(context, workOrderKind, actor, {
      equipmentId: instrument.value.id,
      custodianId: data.custodianId,
      type: 'corrective',
      summary: input.summary,
      faultDescription: input.faultDescription,
      reportedById: actor.id,
      ...(input.takeOutOfService ? { downtimeStart: context.clock().toISOString() } : {}),
    });
  },
};
