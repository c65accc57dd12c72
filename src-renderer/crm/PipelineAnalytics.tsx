import { Alert, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { forecastByMonth, funnel, openCurrencies } from '../../src-shared/crm/pipeline-analytics';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { ForecastPanel } from './ForecastPanel';
import { FunnelPanel } from './FunnelPanel';
import { WinRatePanel } from './WinRatePanel';

/**
 * The pipeline at a glance (the CRM's Analytics tab): the weighted forecast by month and the funnel
 * by stage, one currency at a time (amounts in different currencies are never added), and the win
 * rate by owner over a quarter or a year. Read from the same live query as the board, so a card
 * moved on the board — here or on another PC — changes the charts at once.
 */
export function PipelineAnalytics() {
  const pipeline = useLiveQuery('crm/pipeline', {});
  const open = useMemo(() => pipeline.data?.open ?? [], [pipeline.data]);
  const currencies = useMemo(() => openCurrencies(open), [open]);
  const [chosen, setChosen] = useState('');
  const currency = currencies.includes(chosen) ? chosen : currencies[0];
  const forecast = useMemo(() => (currency ? forecastByMonth(open, currency) : undefined), [open, currency]);
  const stages = useMemo(() => (currency && pipeline.data ? funnel(open, pipeline.data.stages, currency) : []), [open, currency, pipeline.data]);

  if (pipeline.error) return <Alert severity="error">{errorText(pipeline.error)}</Alert>;
  if (!pipeline.data) return <LinearProgress aria-label="Loading the pipeline" />;
  return (
    <Stack spacing={2} data-testid="pipeline-analytics">
      {currency ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <TextField select size="small" label="Currency" value={currency} onChange={(e) => setChosen(e.target.value)} sx={{ minWidth: 120 }} disabled={currencies.length < 2}>
            {currencies.map((c) => <MenuItem key={c} value={c}>{c}</MenuItem>)}
          </TextField>
          {forecast && forecast.otherCurrencies > 0 && (
            <Typography variant="body2" color="text.secondary">
              {forecast.otherCurrencies === 1 ? '1 open opportunity is' : `${forecast.otherCurrencies} open opportunities are`} in another currency: choose it to see {forecast.otherCurrencies === 1 ? 'it' : 'them'}.
            </Typography>
          )}
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary">No open opportunities: the forecast and the funnel start with the first converted lead.</Typography>
      )}
      {currency && forecast && <ForecastPanel months={forecast.months} currency={currency} />}
      {currency && <FunnelPanel stages={stages} currency={currency} />}
      <WinRatePanel closed={pipeline.data.closed} />
    </Stack>
  );
}
