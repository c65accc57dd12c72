import { Alert, Stack, Typography } from '@mui/material';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { CheckInCard } from './CheckInCard';
import { MonthSummary } from './MonthSummary';
import { WeekTimesheet } from './WeekTimesheet';

/**
 * HR's attendance tab: today's check-in and check-out, the week's timesheet, and — for managers and
 * HR, who can see someone besides themselves — the monthly summary with corrections to decide.
 * "Today" is the PC's day as the host counts it, so the timesheet opens on the week it stamps.
 */
export function Attendance({ personId }: { personId: string }) {
  const today = useLiveQuery('hr/attendance-today', {});
  if (today.error) return <Alert severity="error">{errorText(today.error)}</Alert>;
  if (!today.data) return <Typography color="text.secondary">Loading today…</Typography>;
  return (
    <Stack spacing={2}>
      <CheckInCard view={today.data} />
      <WeekTimesheet personId={personId} today={today.data.today} />
      <MonthSummary today={today.data.today} />
    </Stack>
  );
}
