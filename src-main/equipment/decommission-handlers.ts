import { fail, ok } from '../../src-shared/core/result';
import { bookingKind } from '../../src-shared/equipment/booking-kind';
import { decommissioningBlockers, openBookings } from '../../src-shared/equipment/decommissioning-checks';
import { decommissioningKind, type DecommissioningData } from '../../src-shared/equipment/decommissioning-kind';
import { equipmentKind } from '../../src-shared/equipment/equipment-kind';
import { purchaseRequestKind } from '../../src-shared/equipment/purchase-request-kind';
import type { AnyRecordKind } from '../../src-shared/records/record-kind';
import { availableTransitions } from '../../src-shared/records/record-rules';
import type { WorkflowEvent } from '../../src-shared/workflows/workflow-events';
import type { CommandHandlers } from '../host/handler-types';
import type { LabDatabase } from '../database/open-database';
import { recordActorOf } from '../records/record-actor';
import { readRecord, recordViewOf } from '../records/record-store';
import { changeRecord, childrenOf, recordOf, reread } from '../records/module-records';

/**
 * The approval decisions the workflows make about equipment records, until workflows act on records
 * themselves (the `wfrecords` work): which workflow and step decide a kind, and the statuses its
 * approve and reject outcomes stand for. Remove with `equipment/apply-workflow-decision` then.
 */
const decidedBy: Record<string, { kind: AnyRecordKind; code: string; stepId: string; outcomes: Record<string, string> }> = {
  purchase_request: { kind: purchaseRequestKind, code: 'EQUIPMENT_PROCUREMENT', stepId: 'approval', outcomes: { approve: 'approved', reject: 'rejected' } },
  decommissioning: { kind: decommissioningKind, code: 'EQUIPMENT_DECOMMISSIONING', stepId: 'approval', outcomes: { approve: 'approved', reject: 'rejected' } },
};

/** The latest decision of the deciding step in any instance of `code` run against `recordId`. */
async function latestDecision(db: LabDatabase, recordId: string, code: string, stepId: string): Promise<string | null> {
  const instances = await db.workflow_instances.find({ selector: { entityId: recordId, code } }).exec();
  let latest: { at: string; action: string } | null = null;
  for (const instance of instances) {
    const events = await db.workflow_events.find({ selector: { instanceId: instance.id, type: 'step_completed' } }).exec();
    for (const doc of events) {
      const event = doc.get('data') as WorkflowEvent;
      if (event.stepId !== stepId || !event.action) continue;
      if (!latest || event.at > latest.at) latest = { at: event.at, action: event.action };
    }
  }
  return latest?.action ?? null;
}

export const decommissionCommandHandlers: CommandHandlers<'equipment/decommission' | 'equipment/apply-workflow-decision'> = {
  async 'equipment/decommission'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const request = await recordOf(context.db, decommissioningKind, input.requestId, actor);
    if (request.error) return request.error;
    if (request.value.status !== 'approved') return fail('invalid_state', 'The decommissioning request must be approved first (its approval workflow decides).');
    const data = request.value.data as DecommissioningData;
    const instrument = await recordOf(context.db, equipmentKind, data.equipmentId, actor);
    if (instrument.error) return instrument.error;
    // Who may decommission is checked before anything is written (bookings are cancelled first).
    if (!availableTransitions(equipmentKind, actor, instrument.value).some((t) => t.to === 'decommissioned')) return fail('forbidden', 'Only QA can decommission an instrument.');
    const now = context.clock().toISOString();
    // Everything but the bookings (cancelled here) must be ready before anything is written.
    const blockers = decommissioningBlockers(data, [], now);
    if (blockers.length > 0) return fail('invalid_state', `Before the instrument is decommissioned: ${blockers.join('; ')}.`);
    const all = await childrenOf(context.db, 'booking', instrument.value.id);
    const open = new Set(openBookings(all, now).map((b) => b.id));
    const bookings = all.filter((b) => open.has(b.id));
    for (const booking of bookings) {
      const cancelled = await changeRecord(context, bookingKind, actor, booking, { status: 'cancelled' });
      if (!cancelled.ok) return cancelled;
    }
    const checked = await changeRecord(context, decommissioningKind, actor, request.value, { data: { bookingsCancelledAt: now } });
    if (!checked.ok) return checked;
    const equipment = await changeRecord(context, equipmentKind, actor, instrument.value, { status: 'decommissioned' });
    if (!equipment.ok) return equipment;
    const completed = await changeRecord(context, decommissioningKind, actor, await reread(context.db, request.value.id), { status: 'completed' });
    if (!completed.ok) return completed;
    return ok({ equipment: equipment.value, request: completed.value, cancelledBookings: bookings.length });
  },

  async 'equipment/apply-workflow-decision'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const stored = await readRecord(context.db, input.recordId);
    const rule = stored ? decidedBy[stored.doc.kind] : undefined;
    if (!stored || !rule) return fail('invalid_input', 'Only purchase requests and decommissioning requests are decided by an approval workflow here.', { field: 'recordId' });
    const record = await recordOf(context.db, rule.kind, input.recordId, actor);
    if (record.error) return record.error;
    const action = await latestDecision(context.db, record.value.id, rule.code, rule.stepId);
    const to = action ? rule.outcomes[action] : undefined;
    if (!to) return fail('invalid_state', `The ${rule.code} workflow has not decided about ${record.value.number || 'this record'} yet.`);
    if (record.value.status === to) return ok(recordViewOf({ kind: rule.kind, doc: record.value, isFromNewerVersion: false }, actor));
    return changeRecord(context, rule.kind, actor, record.value, { status: to }, { workflowMove: to });
  },
};
