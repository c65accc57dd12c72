import { Button, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/**
 * The first step of every CSV import (leads, bank statements): a button that opens the file picker,
 * and beside it what was chosen or what the file should look like. `children` sits at the end of
 * the row (e.g. the statement's currency).
 */
export function CsvFileChooser({ inputLabel, chosen, hint, onChoose, children }: {
  /** The file input's accessible name. */
  inputLabel: string;
  /** What was chosen ("leads.csv: 12 rows"), or null before a file is chosen. */
  chosen: string | null;
  /** The expected shape of the file, shown until one is chosen. */
  hint: string;
  onChoose: (file: File) => void;
  children?: ReactNode;
}) {
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Button variant="outlined" component="label">
        Choose CSV file
        <input hidden type="file" accept=".csv,text/csv" aria-label={inputLabel} onChange={(e) => { const file = e.target.files?.[0]; if (file) onChoose(file); }} />
      </Button>
      <Typography variant="body2" color="text.secondary">{chosen ?? hint}</Typography>
      {children}
    </Stack>
  );
}
