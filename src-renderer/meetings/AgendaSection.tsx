import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import DragIndicatorIcon from '@mui/icons-material/DragIndicator';
import { DragDropContext, Draggable, Droppable, type DropResult } from '@hello-pangea/dnd';
import { Alert, Box, Button, Chip, IconButton, MenuItem, Paper, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useState } from 'react';
import { moveItem } from '../../src-shared/meetings/agenda';
import type { AgendaItemView, MeetingDetail } from '../../src-shared/meetings/meeting-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatDate, formatTime } from '../format/date-time';
import { useNavigation } from '../shell/navigation';
import { AgendaItemFiles } from './AgendaItemFiles';
import { actionStatusLabels, actionTone } from './meeting-labels';
import { SavedTextField } from './SavedTextField';
import { isSeriesItself } from './meeting-kind';
import { useActivePeople } from './use-directory-names';

/**
 * The agenda: items in order with their time slots, the total against the meeting's length, the
 * open action items of earlier meetings of the series, and each item's notes while minutes are
 * taken. The organiser adds, removes and drags items into order.
 */
export function AgendaSection({ meeting }: { meeting: MeetingDetail }) {
  const { go } = useNavigation();
  const reorder = useCommand('meetings/agenda/reorder');
  const remove = useCommand('meetings/agenda/remove');
  const notes = useCommand('meetings/minutes/notes');
  // The order shown while a drag's command runs, so the item does not jump back first.
  const [pending, setPending] = useState<AgendaItemView[] | null>(null);
  const items = pending ?? meeting.agenda;
  const canPlan = meeting.can.manage && meeting.status !== 'cancelled';
  const error = reorder.error ?? remove.error ?? notes.error;

  const onDragEnd = async (result: DropResult) => {
    if (!result.destination || result.destination.index === result.source.index) return;
    const next = moveItem(items, result.source.index, result.destination.index);
    setPending(next);
    await reorder.run({ id: meeting.id, itemIds: next.map((i) => i.id) });
    setPending(null);
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label="Agenda" component="section">
      <Stack spacing={1.5}>
        <Stack direction="row" sx={{ alignItems: 'baseline' }} spacing={2}>
          <Typography variant="h6" component="h3" sx={{ flexGrow: 1 }}>{isSeriesItself(meeting) ? 'Standing agenda' : 'Agenda'}</Typography>
          <Typography variant="body2" color={meeting.timing.isOver ? 'error' : 'text.secondary'} data-testid="agenda-timing">{meeting.timing.summary}</Typography>
        </Stack>
        {isSeriesItself(meeting) && <Typography variant="body2" color="text.secondary">Every meeting of the series starts with these items; each meeting's own agenda can then change.</Typography>}
        {meeting.timing.isOver && <Alert severity="warning">The agenda needs more time than the meeting has: shorten items or make the meeting longer.</Alert>}
        {meeting.carriedActionItems.length > 0 && (
          <Box>
            <Typography variant="subtitle2">Open action items from earlier meetings</Typography>
            {meeting.carriedActionItems.map((a) => (
              <Stack key={`${a.meetingId}-${a.id}`} direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.25 }}>
                <Chip size="small" color={actionTone[a.status]} label={actionStatusLabels[a.status]} />
                <Typography variant="body2">{a.description} — {a.ownerName}{a.dueDate ? `, due ${formatDate(a.dueDate)}` : ''} (from {formatDate(a.meetingStartsAt, meeting.timeZone)})</Typography>
              </Stack>
            ))}
          </Box>
        )}
        {items.length === 0 && <Typography variant="body2" color="text.secondary">No agenda items yet.</Typography>}
        <DragDropContext onDragEnd={(r) => void onDragEnd(r)}>
          <Droppable droppableId="agenda" isDropDisabled={!canPlan}>
            {(drop) => (
              <Stack ref={drop.innerRef} {...drop.droppableProps} spacing={1}>
                {items.map((item, index) => (
                  <Draggable key={item.id} draggableId={item.id} index={index} isDragDisabled={!canPlan}>
                    {(drag) => (
                      <Paper ref={drag.innerRef} {...drag.draggableProps} variant="outlined" sx={{ p: 1.5 }} data-testid="agenda-item">
                        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                          {canPlan && <Box {...drag.dragHandleProps} aria-label={`Move “${item.title}”`} sx={{ display: 'flex', color: 'text.secondary' }}><DragIndicatorIcon /></Box>}
                          <Typography sx={{ fontWeight: 600, flexGrow: 1 }}>{index + 1}. {item.title}</Typography>
                          <Typography variant="body2" color={item.isOutside ? 'error' : 'text.secondary'}>
                            {formatTime(item.slotStartsAt, meeting.timeZone)}–{formatTime(item.slotEndsAt, meeting.timeZone)} · {item.minutes} min{item.presenterName ? ` · ${item.presenterName}` : ''}
                          </Typography>
                          {canPlan && (
                            <Tooltip title="Remove from the agenda">
                              <IconButton size="small" aria-label={`Remove “${item.title}”`} onClick={() => void remove.run({ id: meeting.id, itemId: item.id })}><DeleteIcon fontSize="small" /></IconButton>
                            </Tooltip>
                          )}
                        </Stack>
                        {item.linkedTasks.length > 0 && (
                          <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
                            {item.linkedTasks.map((t) => <Chip key={t.id} size="small" variant="outlined" label={t.title} onClick={() => go('tasks', [t.id])} />)}
                          </Stack>
                        )}
                        <AgendaItemFiles meeting={meeting} item={item} canPlan={canPlan} />
                        {meeting.can.takeMinutes && !isSeriesItself(meeting) && (
                          <SavedTextField
                            label="Notes"
                            value={item.notes}
                            onSave={(text) => notes.run({ id: meeting.id, itemId: item.id, notes: text })}
                            multiline
                            minRows={1}
                            size="small"
                            fullWidth
                            sx={{ mt: 1 }}
                            slotProps={{ htmlInput: { 'aria-label': `Notes on “${item.title}”` } }}
                          />
                        )}
                        {!meeting.can.takeMinutes && item.notes && <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>{item.notes}</Typography>}
                      </Paper>
                    )}
                  </Draggable>
                ))}
                {drop.placeholder}
              </Stack>
            )}
          </Droppable>
        </DragDropContext>
        {canPlan && <AddAgendaItem meeting={meeting} />}
        {error && <Alert severity="error">{errorText(error)}</Alert>}
      </Stack>
    </Paper>
  );
}

function AddAgendaItem({ meeting }: { meeting: MeetingDetail }) {
  const add = useCommand('meetings/agenda/add');
  const people = useActivePeople();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('10');
  const [presenterId, setPresenterId] = useState('');
  const submit = async () => {
    const result = await add.run({ id: meeting.id, title, minutes: Number(minutes) || 0, ...(presenterId ? { presenterId } : {}) });
    if (result.ok) {
      // Ready for the next item: the last one's length is no better a guess than the usual ten minutes.
      setTitle('');
      setMinutes('10');
      setPresenterId('');
    }
  };
  return (
    <Stack direction="row" spacing={1} component="form" onSubmit={(e) => { e.preventDefault(); void submit(); }} aria-label="Add an agenda item" sx={{ alignItems: 'flex-start' }}>
      <TextField size="small" label="New agenda item" value={title} onChange={(e) => setTitle(e.target.value)} fullWidth error={add.error?.field === 'title'} helperText={add.error ? errorText(add.error) : undefined} />
      <TextField size="small" label="Minutes" type="number" value={minutes} onChange={(e) => setMinutes(e.target.value)} sx={{ width: 130, flexShrink: 0 }} />
      <TextField size="small" select label="Presenter" value={presenterId} onChange={(e) => setPresenterId(e.target.value)} sx={{ minWidth: 180, flexShrink: 0 }}>
        <MenuItem value="">Nobody in particular</MenuItem>
        {people.map((p) => <MenuItem key={p.id} value={p.id}>{p.name}</MenuItem>)}
      </TextField>
      <Button type="submit" startIcon={<AddIcon />} disabled={!title.trim() || add.isRunning}>Add</Button>
    </Stack>
  );
}
