import { fail } from '../../src-shared/core/result';
import { candidateKind } from '../../src-shared/hr/candidate-kind';
import { candidateMove } from '../../src-shared/hr/candidate-pipeline';
import type { CommandHandlers } from '../host/handler-types';
import { recordActorOf } from '../records/record-actor';
import { writeRecord } from '../records/record-handlers';
import { canReadRecordDoc, readRecord } from '../records/record-store';

/**
 * A candidate's move on the hiring board: the pipeline says whether the move exists
 * (candidate-pipeline.ts), then one audited write sets the stage and, for a rejection, its reason —
 * judged by the candidate kind's rules like any record write, and again by the sync server.
 */
export const hiringCommandHandlers: CommandHandlers<'hr/candidates/move'> = {
  async 'hr/candidates/move'(input, context) {
    const actor = await recordActorOf(context.db, context.actor.id);
    const record = await readRecord(context.db, input.id);
    if (!record || !canReadRecordDoc(actor, record) || record.doc.kind !== candidateKind.kind) return fail('not_found', 'That candidate no longer exists, or they are not shared with you.', { field: 'id' });
    if (record.isFromNewerVersion) return fail('invalid_state', 'This candidate was written by a newer version of LabFlow; update LabFlow on this PC to move them.');
    const move = candidateMove(record.doc.status, input.to, input.reason);
    if (!move.ok) return move;
    const { doc } = record;
    return writeRecord(context, candidateKind, actor, doc, { ...doc, status: move.value.to, data: { ...doc.data, ...move.value.data } });
  },
};
