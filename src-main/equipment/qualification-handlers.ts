import { fail, ok } from '../../src-shared/core/result';
import { deviationKind } from '../../src-shared/equipment/deviation-kind';
import { equipmentKind, type EquipmentData } from '../../src-shared/equipment/equipment-kind';
import { qualificationKind, type QualificationData } from '../../src-shared/equipment/qualification-kind';
import { qualificationProtocolKind, type QualificationProtocolData } from '../../src-shared/equipment/qualification-protocol-kind';
import { meaningLabels, type QualificationMeaning } from '../../src-shared/equipment/qualification-rules';
import { recordRefusedSignature } from '../audit/refused-signatures';
import { verifyPassword } from '../auth/passwords';
import type { CommandHandlers } from '../host/handler-types';
import { findPerson } from '../people/people-store';
import { writeContextOf } from '../projects/project-access';
import { recordActorOf } from '../records/record-actor';
import { changeRecord, createRecord, recordOf, reread } from '../records/module-records';

type Names = 'equipment/qualification/start' | 'equipment/qualification/record-step' | 'equipment/qualification/sign';

/** The status a signature of each meaning moves a qualification to, and from. */
const signedMove: Record<QualificationMeaning, { from: string; to: string }> = {
  executed: { from: 'planned', to: 'executed' },
  reviewed: { from: 'executed', to: 'reviewed' },
  approved: { from: 'reviewed', to: 'approved' },
};

/**
 * Qualification of an instrument (FAT/SAT/IQ/OQ/PQ): started from an approved protocol, executed
 * step by step (a failed step raises a deviation), then signed as executed, reviewed and approved —
 * each an electronic signature: the signer's password is checked here, name, time and meaning are
 * bound into the record, and the kind's invariant (host and server) checks who signs what.
 */
export const qualificationCommandHandlers: CommandHandlers<Names> = {
  async 'equipment/qualification/start'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const instrument = await recordOf(context.db, equipmentKind, input.equipmentId, actor);
    if (instrument.error) return instrument.error;
    const protocol = await recordOf(context.db, qualificationProtocolKind, input.protocolId, actor);
    if (protocol.error) return protocol.error;
    const p = protocol.value.data as QualificationProtocolData;
    const created = await createRecord(context, qualificationKind, actor, {
      equipmentId: instrument.value.id,
      custodianId: (instrument.value.data as EquipmentData).custodianId,
      protocolId: protocol.value.id,
      stage: p.stage,
      protocolTitle: p.title,
      executorIds: input.executorIds,
      steps: p.steps.map((s) => ({ id: s.id, text: s.text, acceptanceCriteria: s.acceptanceCriteria })),
    });
    if (!created.ok || instrument.value.status !== 'installed') return created;
    const moved = await changeRecord(context, equipmentKind, actor, instrument.value, { status: 'in_qualification' });
    return moved.ok ? created : moved;
  },

  async 'equipment/qualification/record-step'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const found = await recordOf(context.db, qualificationKind, input.id, actor);
    if (found.error) return found.error;
    const data = found.value.data as QualificationData;
    const step = data.steps.find((s) => s.id === input.stepId);
    if (!step) return fail('not_found', 'That step is not part of this qualification.', { field: 'stepId' });
    if (input.result === 'fail' && !input.comment) return fail('invalid_input', 'Describe what failed.', { field: 'comment' });
    const at = context.clock().toISOString();
    const steps = data.steps.map((s) => (s.id === step.id ? { ...s, result: input.result, comment: input.comment, recordedById: actor.id, recordedAt: at } : s));
    const updated = await changeRecord(context, qualificationKind, actor, found.value, { data: { steps } });
    if (!updated.ok || input.result !== 'fail' || step.deviationId) return updated.ok ? ok({ qualification: updated.value }) : updated;
    const instrument = await recordOf(context.db, equipmentKind, data.equipmentId, actor);
    if (instrument.error) return instrument.error;
    const deviation = await createRecord(context, deviationKind, actor, {
      equipmentId: data.equipmentId,
      custodianId: (instrument.value.data as EquipmentData).custodianId,
      source: 'qualification',
      sourceRecordId: found.value.id,
      stepId: step.id,
      title: `${data.stage} step failed: ${step.text.slice(0, 120)}`,
      description: `${found.value.number}: “${step.text}” did not meet “${step.acceptanceCriteria}”. ${input.comment}`,
    });
    if (!deviation.ok) return deviation;
    const latest = await reread(context.db, found.value.id);
    const withDeviation = (latest.data as QualificationData).steps.map((s) => (s.id === step.id ? { ...s, deviationId: deviation.value.id } : s));
    const linked = await changeRecord(context, qualificationKind, actor, latest, { data: { steps: withDeviation } });
    return linked.ok ? ok({ qualification: linked.value, deviation: deviation.value }) : linked;
  },

  async 'equipment/qualification/sign'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const found = await recordOf(context.db, qualificationKind, input.id, actor);
    if (found.error) return found.error;
    const move = signedMove[input.meaning];
    if (found.value.status !== move.from) return fail('invalid_state', `${meaningLabels[input.meaning]}: the qualification is not at that step.`, { field: 'meaning' });
    const person = await findPerson(context.db, actor.id);
    if (!(await verifyPassword(person?.passwordHash, input.password))) {
      // Refused signature attempts are kept with the record (DESIGN.md §6).
      await recordRefusedSignature(context.writer, writeContextOf(context), { subjectType: 'records', subjectId: found.value.id, meaning: input.meaning, what: [qualificationKind.label, found.value.number].filter(Boolean).join(' ') });
      return fail('signature_invalid', 'The password is not correct; nothing was signed.', { field: 'password' });
    }
    const data = found.value.data as QualificationData;
    const signature = { meaning: input.meaning, personId: actor.id, name: person?.name ?? context.actor.name, at: context.clock().toISOString() };
    return changeRecord(context, qualificationKind, actor, found.value, { status: move.to, data: { signatures: [...data.signatures, signature] } });
  },
};
