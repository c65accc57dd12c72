import { BehaviorSubject, map } from 'rxjs';
import { fail, ok } from '../../src-shared/core/result';
import { standaloneStatus, type SyncStatusView } from '../../src-shared/sync/sync-status';
import type { HostFeature } from '../host/feature';

const status$ = new BehaviorSubject<SyncStatusView>(standaloneStatus);

/** Team sync: Settings → Team sync commands, the sync status query and the background replication. */
export const syncFeature: HostFeature = {
  name: 'sync',
  commands: {
    'sync/connect': async () => fail('invalid_state', 'Team sync is not available yet.'),
    'sync/disconnect': async () => ok(status$.value),
    'sync/sync-now': async () => ok(status$.value),
  },
  queries: {
    'sync/status': () => status$.pipe(map((s) => ok(s))),
    'sync/conflicts': () => status$.pipe(map(() => ok([]))),
  },
};
