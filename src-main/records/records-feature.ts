import type { HostFeature } from '../host/feature';
import type { LabDatabase } from '../database/open-database';
import { globalSearchHandlers } from './global-search';
import { recordCommandHandlers } from './record-handlers';
import { recordLinkCommandHandlers, recordLinkQueryHandlers } from './record-links';
import { recordQueryHandlers } from './record-queries';
import { createRegisterIndex, type RegisterIndex } from './register-index';

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

/** Business records of every declared kind (src-shared/records): commands, registers, record pages, links and search. */
export const recordsFeature: HostFeature = {
  name: 'records',
  commands: { ...recordCommandHandlers, ...recordLinkCommandHandlers },
  queries: { ...recordQueryHandlers(indexOf), ...recordLinkQueryHandlers, ...globalSearchHandlers(indexOf) },
  start(services) {
    return {
      dispose() {
        indexes.get(services.db)?.dispose();
        indexes.delete(services.db);
      },
    };
  },
};
