import type { HostFeature } from '../host/feature';
import { documentCommandHandlers, documentQueryHandlers } from './document-handlers';
import { organisationCommandHandlers, organisationQueryHandlers } from './organisation-handlers';

/** Generated documents (PDF) and the organisation's letterhead (Settings → Organisation). */
export const documentsFeature: HostFeature = {
  name: 'documents',
  commands: { ...documentCommandHandlers, ...organisationCommandHandlers },
  queries: { ...documentQueryHandlers, ...organisationQueryHandlers },
};
