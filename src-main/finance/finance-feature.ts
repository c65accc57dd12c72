import type { HostFeature } from '../host/feature';
import { invoiceEmailCommandHandlers } from './invoice-email';
import { invoiceCommandHandlers } from './invoice-handlers';
import { paymentCommandHandlers } from './payment-handlers';
import { statementCommandHandlers } from './statement-handler';
import { receivablesQueryHandlers } from './receivables-query';

/**
 * Finance receivables (src-shared/finance): invoices from orders, issuing with gapless numbers,
 * credit notes, sending them by email, payments allocated to invoices and the receivables overview. Drafts are plain
 * records (`records/create|update`).
 */
export const financeFeature: HostFeature = {
  name: 'finance',
  commands: { ...invoiceCommandHandlers, ...invoiceEmailCommandHandlers, ...paymentCommandHandlers, ...statementCommandHandlers },
  queries: { ...receivablesQueryHandlers },
};
