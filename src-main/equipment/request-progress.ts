import { purchaseRequestKind } from '../../src-shared/equipment/purchase-request-kind';
import type { RecordActor } from '../../src-shared/records/who';
import type { CommandContext } from '../host/handler-types';
import { changeRecord, recordOf } from '../records/module-records';

/**
 * A purchase request follows its order: ordered when the order is sent, received when everything
 * arrived. Only from the status that move starts at (a request cancelled meanwhile stays so).
 */
export async function advanceRequest(context: CommandContext, actor: RecordActor, requestId: string | undefined, from: string, to: string): Promise<void> {
  if (!requestId) return;
  const request = await recordOf(context.db, purchaseRequestKind, requestId, actor);
  if (request.value?.status === from) await changeRecord(context, purchaseRequestKind, actor, request.value, { status: to });
}
