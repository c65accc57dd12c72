import { Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { RegisterRow } from '../../src-shared/records/record-contract';
import { formatMoney } from '../../src-shared/format/display-format';

type Tone = 'default' | 'info' | 'success' | 'warning' | 'error';

const isMoney = (v: unknown): v is { amountMinor: number; currency: string } => typeof v === 'object' && v !== null && 'amountMinor' in v && 'currency' in v;

/**
 * A finance list of one kind's records (expense claims, budgets): number, what it is, its total and
 * its status; a row opens the record. The register's rows as the `records/register` query gives them.
 */
export function RecordTotalsTable({ label, rows, openId, onOpen, what, statusLabel, tones, rowTestId }: {
  label: string;
  rows: readonly RegisterRow[];
  openId: string | undefined;
  onOpen: (id: string) => void;
  /** The second column: its heading and each row's text. */
  what: { heading: string; of: (row: RegisterRow) => string };
  statusLabel: (status: string) => string;
  tones: Readonly<Record<string, Tone>>;
  rowTestId: string;
}) {
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow><TableCell>Number</TableCell><TableCell>{what.heading}</TableCell><TableCell align="right">Total</TableCell><TableCell>Status</TableCell></TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => {
          const total = r.values.total;
          return (
            <TableRow key={r.id} hover selected={r.id === openId} sx={{ cursor: 'pointer' }} onClick={() => onOpen(r.id)} data-testid={rowTestId}>
              <TableCell>{r.number}</TableCell>
              <TableCell>{what.of(r)}</TableCell>
              <TableCell align="right">{isMoney(total) ? formatMoney(total.amountMinor, total.currency) : ''}</TableCell>
              <TableCell><Chip size="small" label={statusLabel(r.status)} color={tones[r.status] ?? 'default'} /></TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
