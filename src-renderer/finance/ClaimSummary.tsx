import { Alert, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { expenseCategoryLabels } from '../../src-shared/finance/expense-categories';
import type { ExpenseClaimData } from '../../src-shared/finance/expense-claim-kind';
import type { RecordView } from '../../src-shared/records/record-contract';
import { formatDay, formatMoney } from '../../src-shared/format/display-format';

const tone = { approved: 'success', reimbursed: 'success', submitted: 'info', rejected: 'error' } as const;

/** A claim that has left its draft: its lines as sent, where it stands, and its reimbursement once paid. */
export function ClaimSummary({ claim, data, onOpen }: { claim: RecordView; data: ExpenseClaimData; onOpen: () => void }) {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={`Expense claim ${claim.number}`}>
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="h6" component="h3">Expense claim {claim.number}: {data.purpose}</Typography>
          <Chip size="small" label={claim.statusLabel} color={tone[claim.status as keyof typeof tone] ?? 'default'} data-testid="claim-status" />
          <Button sx={{ ml: 'auto' }} onClick={onOpen}>Open its page</Button>
        </Stack>
        {claim.status === 'reimbursed' && data.reimbursedOn && (
          <Alert severity="success" data-testid="claim-reimbursed">Reimbursed on {formatDay(data.reimbursedOn)}, payment reference {data.reimbursementReference}.</Alert>
        )}
        {claim.status === 'submitted' && <Alert severity="info">Waiting for approval; its steps are on its page, under Workflows.</Alert>}
        <Table size="small" aria-label="Claim lines">
          <TableHead>
            <TableRow><TableCell>Date</TableCell><TableCell>Category</TableCell><TableCell>What for</TableCell><TableCell align="right">Amount</TableCell><TableCell>Receipt</TableCell></TableRow>
          </TableHead>
          <TableBody>
            {data.lines.map((l) => (
              <TableRow key={l.id}>
                <TableCell>{formatDay(l.date)}</TableCell>
                <TableCell>{expenseCategoryLabels[l.category]}</TableCell>
                <TableCell>{l.description}</TableCell>
                <TableCell align="right">{formatMoney(l.amountMinor, l.currency)}</TableCell>
                <TableCell>{l.receiptAttachmentId ? 'Attached' : '—'}</TableCell>
              </TableRow>
            ))}
            <TableRow><TableCell colSpan={3}><strong>Total</strong></TableCell><TableCell align="right"><strong>{formatMoney(data.total.amountMinor, data.total.currency)}</strong></TableCell><TableCell /></TableRow>
          </TableBody>
        </Table>
      </Stack>
    </Paper>
  );
}
