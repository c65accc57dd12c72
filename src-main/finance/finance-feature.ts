import type { HostFeature } from '../host/feature';
import { invoiceEmailCommandHandlers } from './invoice-email';
import { invoiceCommandHandlers } from './invoice-handlers';
import { paymentCommandHandlers } from './payment-handlers';
import { payablesCommandHandlers, payablesQueryHandlers } from './payables-handlers';
import { statementCommandHandlers } from './statement-handler';
import { receivablesQueryHandlers } from './receivables-query';
import { reportExportHandlers } from './report-export';

/**
 * Finance receivables (src-shared/finance): invoices from orders, issuing with gapless numbers,
 * credit notes, sending them by email, payments allocated to invoices and the receivables overview;
 * supplier invoices paid by outgoing payments (payables); the finance reports as CSV or Excel files. Drafts are plain
 * records (`records/create|update`).
 */
export const financeFeature: HostFeature = {
  name: 'finance',
  commands: { ...invoiceCommandHandlers, ...invoiceEmailCommandHandlers, ...paymentCommandHandlers, ...statementCommandHandlers, ...payablesCommandHandlers },
  queries: { ...receivablesQueryHandlers, ...payablesQueryHandlers, ...reportExportHandlers },
};
