import { Alert, Button, Checkbox, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { formatDay } from '../../src-shared/format/display-format';
import { handoverOf, type ChecklistItem } from '../../src-shared/hr/exit-checklist';
import type { ExitRow } from '../../src-shared/hr/exit-contract';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { PersonPicker } from '../equipment/PersonPicker';

const ownerLabels: Record<string, string> = { hr: 'HR', manager: 'Manager', it: 'IT' };

function HandOver({ exit, item }: { exit: ExitRow; item: ChecklistItem }) {
  const handOver = useCommand('hr/exit/hand-over');
  const [to, setTo] = useState('');
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <PersonPicker label="Hand over to" value={to} onChange={setTo} error={handOver.error?.field === 'toPersonId' ? handOver.error.message : undefined} />
        <Button variant="outlined" disabled={!to || handOver.isRunning} onClick={() => void handOver.run({ id: exit.id, itemId: item.id, toPersonId: to })}>Hand over</Button>
      </Stack>
      {handOver.error && handOver.error.field !== 'toPersonId' && <Alert severity="error">{errorText(handOver.error)}</Alert>}
    </Stack>
  );
}

/**
 * One exit: the person, reason and last day, when their access ends, the checklist (instruments and
 * tasks handed over in place, the rest ticked off), the exit interview and the settlement's
 * reference with finance, and completing it.
 */
export function ExitCard({ exit }: { exit: ExitRow }) {
  const tick = useCommand('hr/exit/tick');
  const update = useCommand('records/update');
  const transition = useCommand('records/transition');
  const [notes, setNotes] = useState(exit.exitInterviewNotes);
  const [reference, setReference] = useState(exit.settlementReference);
  const isOpen = exit.status === 'notified' || exit.status === 'in_progress';
  const complete = async () => {
    const saved = await update.run({ id: exit.id, data: { exitInterviewNotes: notes, settlementReference: reference } });
    if (saved.ok) await transition.run({ id: exit.id, to: 'completed' });
  };
  const refusal = tick.error ?? update.error ?? transition.error;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={`Exit of ${exit.personName}`} data-testid="exit-card">
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
          <Typography variant="h6" component="h3">{exit.personName}</Typography>
          <Typography color="text.secondary">{exit.number} · {exit.exitTypeLabel} · notice {formatDay(exit.noticeDate)} · last day {formatDay(exit.lastDay)}</Typography>
          <Chip size="small" label={exit.statusLabel} color={exit.status === 'completed' ? 'success' : exit.status === 'withdrawn' ? 'default' : 'warning'} />
        </Stack>
        <Typography data-testid="exit-access">
          {exit.isPersonActive ? `Their account and sync access end on ${formatDay(exit.accessEndsOn)}, after the last day.` : 'Their account is deactivated.'}
        </Typography>
        <Table size="small" aria-label="Exit checklist">
          <TableHead><TableRow><TableCell>Done</TableCell><TableCell>To do</TableCell><TableCell>Who</TableCell><TableCell>Done on</TableCell><TableCell /></TableRow></TableHead>
          <TableBody>
            {exit.checklist.map((item) => {
              const isHandover = Boolean(handoverOf(item.id));
              return (
                <TableRow key={item.id} data-testid="exit-item">
                  <TableCell padding="checkbox">
                    <Checkbox
                      checked={Boolean(item.doneOn)} disabled={!isOpen || tick.isRunning || (isHandover && !item.doneOn)}
                      onChange={(e) => void tick.run({ id: exit.id, itemId: item.id, isDone: e.target.checked })} slotProps={{ input: { 'aria-label': item.label } }}
                    />
                  </TableCell>
                  <TableCell>{item.label}</TableCell>
                  <TableCell>{ownerLabels[item.owner] ?? item.owner}</TableCell>
                  <TableCell>{item.doneOn ? formatDay(item.doneOn) : '—'}</TableCell>
                  <TableCell>{isOpen && isHandover && !item.doneOn && <HandOver exit={exit} item={item} />}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        <TextField label="Exit interview notes" value={notes} onChange={(e) => setNotes(e.target.value)} multiline minRows={2} disabled={!isOpen} />
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <TextField label="Settlement handed to finance as" value={reference} onChange={(e) => setReference(e.target.value)} disabled={!isOpen} helperText="The finance reference, e.g. the payroll run or invoice number." sx={{ minWidth: 320 }} />
          {isOpen && <Button variant="outlined" disabled={update.isRunning} onClick={() => void update.run({ id: exit.id, data: { exitInterviewNotes: notes, settlementReference: reference } })}>Save notes</Button>}
          {isOpen && <Button variant="contained" disabled={update.isRunning || transition.isRunning} onClick={() => void complete()}>Complete exit</Button>}
        </Stack>
        {refusal && <Alert severity="error" data-testid="exit-refusal">{errorText(refusal)}</Alert>}
      </Stack>
    </Paper>
  );
}
