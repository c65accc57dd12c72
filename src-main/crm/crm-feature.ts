import type { HostFeature } from '../host/feature';
import { catalogueQueryHandlers } from './catalogue-query';
import { leadConversionHandlers } from './lead-conversion-handler';
import { leadImportHandlers } from './lead-import-handler';
import { pipelineQueryHandlers } from './pipeline-query';
import { quotationCommandHandlers } from './quotation-handlers';
import { salesSettingsQueryHandlers } from './sales-settings-query';
import { timelineQueryHandlers } from './timeline-query';

/**
 * CRM and sales (src-shared/crm): lead import and conversion, quotation revisions, sending (PDF by email
 * through the outbox) and orders, the pipeline board, the catalogue with its price lists, the sales settings in force and each customer record's timeline of interactions. Everything else about leads,
 * opportunities, quotations and orders is the records platform's generic commands.
 */
export const crmFeature: HostFeature = {
  name: 'crm',
  commands: { ...leadConversionHandlers, ...leadImportHandlers, ...quotationCommandHandlers },
  queries: { ...pipelineQueryHandlers, ...catalogueQueryHandlers, ...salesSettingsQueryHandlers, ...timelineQueryHandlers },
};
