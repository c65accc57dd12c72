import EventIcon from '@mui/icons-material/Event';
import {
  Alert, Chip, FormControlLabel, LinearProgress, Link, Paper, Stack, Switch, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import type { MeetingRow } from '../../src-shared/meetings/meeting-views';
import { useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatTimeRange } from '../format/date-time';
import { EmptySection } from '../shell/EmptySection';
import { useNavigation } from '../shell/navigation';
import { meetingTypeLabels, responseLabels, responseTone } from './meeting-labels';

const DAY_MS = 86_400_000;

/** Meetings of the last four weeks and the next twelve, mine or everyone's, each occurrence a row. */
export function MeetingList() {
  const { go } = useNavigation();
  const [isMineOnly, setIsMineOnly] = useState(true);
  // One window per opening of the list; the live query keeps it current within it.
  const window = useMemo(() => {
    const today = new Date();
    today.setHours(0, 0, 0, 0);
    return { from: new Date(today.getTime() - 28 * DAY_MS).toISOString(), to: new Date(today.getTime() + 84 * DAY_MS).toISOString() };
  }, []);
  const rows = useLiveQuery('meetings/list', { ...window, isMineOnly });
  const now = new Date().toISOString();
  const list = rows.data ?? [];
  const upcoming = list.filter((r) => r.endsAt >= now);
  const past = list.filter((r) => r.endsAt < now).reverse();
  return (
    <Stack spacing={2}>
      <FormControlLabel control={<Switch checked={!isMineOnly} onChange={(e) => setIsMineOnly(!e.target.checked)} />} label="Everyone's meetings" />
      {rows.isLoading && <LinearProgress aria-label="Loading meetings" />}
      {rows.error && <Alert severity="error">{errorText(rows.error)}</Alert>}
      {!rows.isLoading && list.length === 0 && (
        <EmptySection icon={<EventIcon />} title="No meetings" text="Meetings you organise or are invited to, in the last four weeks and the next twelve, are listed here. Schedule one with “New meeting”." />
      )}
      {upcoming.length > 0 && <Rows title="Upcoming" rows={upcoming} onOpen={(id) => go('meetings', [id])} />}
      {past.length > 0 && <Rows title="Past" rows={past} onOpen={(id) => go('meetings', [id])} />}
    </Stack>
  );
}

function Rows({ title, rows, onOpen }: { title: string; rows: MeetingRow[]; onOpen: (id: string) => void }) {
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1" component="h3">{title}</Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label={`${title} meetings`}>
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Meeting</TableCell>
              <TableCell>Type</TableCell>
              <TableCell>Where</TableCell>
              <TableCell>Organiser</TableCell>
              <TableCell>My answer</TableCell>
              <TableCell>Minutes</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id} hover>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTimeRange(r.startsAt, r.endsAt)}</TableCell>
                <TableCell>
                  <Link component="button" onClick={() => onOpen(r.id)} sx={{ textDecoration: r.status === 'cancelled' ? 'line-through' : undefined }}>{r.title}</Link>
                  {r.isSeries && <Chip size="small" label="Series" sx={{ ml: 1 }} />}
                  {r.status === 'cancelled' && <Chip size="small" color="error" label="Cancelled" sx={{ ml: 1 }} />}
                </TableCell>
                <TableCell>{meetingTypeLabels[r.type]}</TableCell>
                <TableCell>{r.place || '—'}</TableCell>
                <TableCell>{r.organiserName}</TableCell>
                <TableCell>{r.myResponse ? <Chip size="small" color={responseTone[r.myResponse]} label={responseLabels[r.myResponse]} /> : '—'}</TableCell>
                <TableCell>{r.publishedVersions > 0 ? `Published${r.publishedVersions > 1 ? ` (version ${r.publishedVersions})` : ''}` : '—'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </Stack>
  );
}
