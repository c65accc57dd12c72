import { MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { BudgetVersusActualReport } from './BudgetVersusActualReport';
import { CashReceivedReport } from './CashReceivedReport';

/**
 * Finance reports for a year: cash received by month (finance staff and administrators, who see
 * the payments) and budget versus actual per department and project (the budgets the person may read).
 */
export function ReportsTab({ seesPayments }: { seesPayments: boolean }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  return (
    <Stack spacing={3}>
      <TextField select size="small" label="Year" value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: 140 }}>
        {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => <MenuItem key={y} value={y}>{y}</MenuItem>)}
      </TextField>
      {seesPayments && <CashReceivedReport year={year} />}
      <BudgetVersusActualReport year={year} />
    </Stack>
  );
}
