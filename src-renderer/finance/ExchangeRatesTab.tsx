import { Alert, Button, Paper, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { parseRate } from '../../src-shared/finance/exchange-rate';
import { formatDay } from '../../src-shared/format/display-format';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { DateField } from '../format/DateField';
import { todayLocal } from '../tasks/task-labels';

const isCurrency = (code: string) => /^[A-Z]{3}$/.test(code);

/**
 * Exchange rates finance enters, dated: 1 unit of one currency in another from a day on (until the
 * pair's next rate). Budgets convert costs in another currency with the rate on the cost's day. The
 * history lists every rate, newest first; a wrong one is removed with a reason and entered again
 * (one rate per pair and day — the host and the sync server refuse a second).
 */
export function ExchangeRatesTab({ canEnter }: { canEnter: boolean }) {
  const rates = useLiveQuery('records/register', { kind: 'exchange_rate', sort: { field: 'validFrom', direction: 'desc' }, limit: 500 });
  const create = useCommand('records/create');
  const remove = useCommand('records/remove');
  const [from, setFrom] = useState('USD');
  const [to, setTo] = useState('EUR');
  const [validFrom, setValidFrom] = useState(todayLocal());
  const [rate, setRate] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const rateOk = parseRate(rate) !== null;
  const enter = async () => {
    setNote(null);
    const result = await create.run({ kind: 'exchange_rate', data: { from, to, validFrom, rate: rate.trim() } });
    if (result.ok) {
      setNote(`1 ${from} = ${rate.trim()} ${to} from ${formatDay(validFrom)} is entered.`);
      setRate('');
    }
  };
  const rows = rates.data?.rows ?? [];
  return (
    <Stack spacing={2}>
      {canEnter && (
        <Paper variant="outlined" sx={{ p: 2 }} component="form" aria-label="Enter an exchange rate" onSubmit={(e) => { e.preventDefault(); void enter(); }}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
            <TextField label="From" value={from} onChange={(e) => setFrom(e.target.value.toUpperCase())} sx={{ width: 100 }} error={!isCurrency(from)} helperText={isCurrency(from) ? '1 unit of' : 'e.g. USD'} />
            <TextField label="To" value={to} onChange={(e) => setTo(e.target.value.toUpperCase())} sx={{ width: 100 }} error={!isCurrency(to) || to === from} helperText={to === from ? 'Another currency' : isCurrency(to) ? 'buys' : 'e.g. EUR'} />
            <TextField label="Rate" value={rate} onChange={(e) => setRate(e.target.value)} sx={{ width: 180 }} error={rate !== '' && !rateOk}
              helperText={rate !== '' && !rateOk ? 'A number above zero, at most nine decimals' : 'e.g. 0.9231'} />
            <DateField label="Valid from" value={validFrom} onChange={setValidFrom} required />
            <Button type="submit" variant="contained" disabled={!rateOk || !isCurrency(from) || !isCurrency(to) || from === to || create.isRunning} sx={{ mt: 1 }}>Enter rate</Button>
          </Stack>
        </Paper>
      )}
      {note && <Alert severity="success" onClose={() => setNote(null)}>{note}</Alert>}
      {(create.error ?? remove.error) && <Alert severity="error">{errorText((create.error ?? remove.error)!)}</Alert>}
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">No exchange rates yet: a cost in another currency than its budget’s is shown aside until one is entered.</Typography>
      ) : (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Exchange rates">
            <TableHead><TableRow>{['Valid from', 'Rate', ''].map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow></TableHead>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.id} data-testid="exchange-rate-row">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDay(String(r.values.validFrom ?? ''))}</TableCell>
                  <TableCell>{r.title}</TableCell>
                  <TableCell align="right">
                    {canEnter && <Button size="small" color="error" disabled={remove.isRunning} onClick={() => void remove.run({ id: r.id, reason: 'Entered wrongly' })}>Remove</Button>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}
