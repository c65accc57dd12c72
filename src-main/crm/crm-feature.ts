import type { HostFeature } from '../host/feature';
import { catalogueQueryHandlers } from './catalogue-query';
import { customerAccountQueryHandlers } from './customer-account-query';
import { leadConversionHandlers } from './lead-conversion-handler';
import { leadImportHandlers, leadImportQueryHandlers } from './lead-import-handler';
import { leadImportRuntime } from './lead-import-jobs';
import { organisationMergeHandlers, organisationMergeQueryHandlers } from './organisation-merge-handler';
import { pipelineQueryHandlers } from './pipeline-query';
import { quotationCommandHandlers } from './quotation-handlers';
import { salesSettingsQueryHandlers } from './sales-settings-query';
import { timelineQueryHandlers } from './timeline-query';

/**
 * CRM and sales (src-shared/crm): lead import (in batches, with progress and cancel) and conversion, quotation revisions, sending (PDF by email
 * through the outbox) and orders, the pipeline board, the catalogue with its price lists, the sales settings in force, each customer record's timeline of interactions, finding and merging duplicate organisations, and a customer's or order's invoices, payments and open amount. Everything else about leads,
 * opportunities, quotations and orders is the records platform's generic commands.
 */
export const crmFeature: HostFeature = {
  name: 'crm',
  commands: { ...leadConversionHandlers, ...leadImportHandlers, ...quotationCommandHandlers, ...organisationMergeHandlers },
  queries: { ...pipelineQueryHandlers, ...catalogueQueryHandlers, ...salesSettingsQueryHandlers, ...timelineQueryHandlers, ...organisationMergeQueryHandlers, ...customerAccountQueryHandlers, ...leadImportQueryHandlers },
  // Lead imports larger than one batch go on writing after their command answered.
  start: (services) => leadImportRuntime(services),
};
