import { Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { RegisterRow } from '../../src-shared/records/record-contract';

export interface RegisterColumn {
  label: string;
  value: (row: RegisterRow) => ReactNode;
  width?: number;
}

/** A small table of records for the procurement screens (the generic registers are the records platform's). */
export function RegisterTable({ label, rows, columns, empty }: { label: string; rows: RegisterRow[]; columns: RegisterColumn[]; empty: string }) {
  if (rows.length === 0) return <Typography variant="body2" color="text.secondary">{empty}</Typography>;
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={label}>
        <TableHead><TableRow>{columns.map((c) => <TableCell key={c.label} sx={c.width ? { width: c.width } : {}}>{c.label}</TableCell>)}</TableRow></TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid={`${label}-row`}>
              {columns.map((c) => <TableCell key={c.label}>{c.value(row)}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
