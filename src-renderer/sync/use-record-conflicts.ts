import { useState } from 'react';
import type { Contract } from '../../src-shared/bridge/contract';
import type { InputOf } from '../../src-shared/bridge/define';
import type { AppError } from '../../src-shared/core/result';
import type { CollectionName } from '../../src-shared/db/schemas';
import type { RestoreCommand } from '../../src-shared/sync/conflict-restore';
import type { RecordConflictView } from '../../src-shared/sync/record-conflicts';
import { useBridge, useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import type { BridgeClient } from '../bridge/bridge-client';

/** Runs one restore call: the generic keeps the command and its input paired for the type checker. */
const runCall = <K extends RestoreCommand>(client: BridgeClient, call: { command: K; input: InputOf<Contract[K]> }) => client.call(call.command, call.input);

/**
 * The conflicts and refused writes one record shows, with "Use my version" (the lost values written
 * again through the record's own commands, then the conflict marked reviewed) and "Dismiss".
 */
export function useRecordConflicts(collection: CollectionName, recordId: string) {
  const client = useBridge();
  const query = useLiveQuery('sync/record-conflicts', { collection, recordId });
  const review = useCommand('sync/review-conflict');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ id: string; error: AppError } | null>(null);

  const act = async (id: string, work: () => Promise<AppError | null>) => {
    setBusyId(id);
    setFailure(null);
    const error = await work();
    setBusyId(null);
    if (error) setFailure({ id, error });
    return error === null;
  };
  const dismiss = (id: string) => act(id, async () => {
    const result = await review.run({ id });
    return result.ok ? null : result.error;
  });
  const restore = (conflict: RecordConflictView) => act(conflict.id, async () => {
    for (const call of conflict.restore) {
      const result = await runCall(client, call);
      if (!result.ok) return result.error;
    }
    const reviewed = await review.run({ id: conflict.id });
    return reviewed.ok ? null : reviewed.error;
  });

  const data = query.data;
  return {
    /** Conflicts still to look at, newest first (none until the first answer: nothing flashes). */
    open: data?.conflicts.filter((c) => !c.isSettled) ?? [],
    refused: data?.refused.filter((r) => !r.isReviewed) ?? [],
    busyId,
    failure,
    clearFailure: () => setFailure(null),
    dismiss,
    restore,
  };
}
