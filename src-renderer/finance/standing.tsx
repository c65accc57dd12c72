import { Chip } from '@mui/material';
import type { InvoiceStanding } from '../../src-shared/finance/receivables';

const standings: Record<InvoiceStanding, { label: string; color: 'default' | 'info' | 'warning' | 'success' | 'error' }> = {
  draft: { label: 'Draft', color: 'default' },
  issued: { label: 'Issued', color: 'info' },
  partly_paid: { label: 'Partly paid', color: 'warning' },
  paid: { label: 'Paid', color: 'success' },
  cancelled: { label: 'Cancelled', color: 'default' },
  overdue: { label: 'Overdue', color: 'error' },
};

/** An invoice's standing on today as a coloured chip ("Overdue" in red). */
export const standingChip = (standing: InvoiceStanding) => <Chip size="small" label={standings[standing].label} color={standings[standing].color} />;
