import { useLiveQuery } from '../bridge/BridgeProvider';

/** The live team-sync status of this PC (phase, server, pending changes, refused writes). */
export const useSyncStatus = () => useLiveQuery('sync/status', {});

/** Conflicts the server resolved, newest first; optionally for one record. */
export const useSyncConflicts = (recordId?: string) => useLiveQuery('sync/conflicts', recordId ? { recordId, limit: 50 } : { limit: 50 });
