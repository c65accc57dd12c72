import type { HostFeature } from '../host/feature';
import type { LabDatabase } from '../database/open-database';
import { globalSearchHandlers } from './global-search';
import { recordCommentCommandHandlers, recordCommentQueryHandlers } from './record-comments';
import { recordHistoryQueryHandlers } from './record-history';
import { recordCommandHandlers } from './record-handlers';
import { recordLinkCommandHandlers, recordLinkQueryHandlers } from './record-links';
import { recordQueryHandlers } from './record-queries';
import { registerExportHandlers } from './register-export';
import { createRegisterIndex, type RegisterIndex } from './register-index';
import { registerViewCommandHandlers, registerViewQueryHandlers } from './register-views';

// One register index per host, found by the host's database: a test process may run several hosts.
const indexes = new WeakMap<LabDatabase, RegisterIndex>();
const indexOf = (db: LabDatabase): RegisterIndex => {
  let index = indexes.get(db);
  if (!index) {
    index = createRegisterIndex(db);
    indexes.set(db, index);
  }
  return index;
};

/** Business records of every declared kind (src-shared/records): commands, registers (saved views, exports), record pages (links, comments, history) and search. */
export const recordsFeature: HostFeature = {
  name: 'records',
  commands: { ...recordCommandHandlers, ...recordLinkCommandHandlers, ...registerViewCommandHandlers, ...recordCommentCommandHandlers },
  queries: {
    ...recordQueryHandlers(indexOf),
    ...recordLinkQueryHandlers,
    ...globalSearchHandlers(indexOf),
    ...registerViewQueryHandlers,
    ...registerExportHandlers(indexOf),
    ...recordCommentQueryHandlers,
    ...recordHistoryQueryHandlers,
  },
  start(services) {
    // Registers answer from memory: fill it now, in the background, rather than on the first open.
    indexOf(services.db).warm();
    return {
      dispose() {
        indexes.get(services.db)?.dispose();
        indexes.delete(services.db);
      },
    };
  },
};
