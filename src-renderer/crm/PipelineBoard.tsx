import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { DragDropContext, Draggable, Droppable, type DropResult } from '@hello-pangea/dnd';
import { useMemo, useState } from 'react';
import type { PipelineCard } from '../../src-shared/crm/crm-contract';
import { formatDay, formatMoney } from '../../src-shared/format/display-format';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useRecordNav } from '../records/record-routes';
import { stageTotals } from './pipeline-columns';

function OpportunityCard({ card, onOpen }: { card: PipelineCard; onOpen: (id: string) => void }) {
  return (
    <Stack spacing={0.25}>
      <Typography variant="caption" color="text.secondary">{card.number} · {card.organisationName}</Typography>
      <Typography variant="body2" sx={{ fontWeight: 500, cursor: 'pointer' }} onClick={() => onOpen(card.id)}>{card.name}</Typography>
      <Typography variant="body2">{formatMoney(card.value.amountMinor, card.value.currency)} · {card.probabilityPercent} %</Typography>
      <Typography variant="caption" color="text.secondary">Closes {formatDay(card.expectedCloseOn)}{card.ownerName ? ` · ${card.ownerName}` : ''}</Typography>
    </Stack>
  );
}

/**
 * The pipeline board: one column per stage of the sales settings, the open opportunities in it.
 * Dropping a card in another column moves the opportunity there with the stage's default
 * probability (records/update); the card shows in its new column at once and goes back, with the
 * host's reason, if the move is refused.
 */
export function PipelineBoard() {
  const pipeline = useLiveQuery('crm/pipeline', {});
  const update = useCommand('records/update');
  const nav = useRecordNav();
  const [pending, setPending] = useState<ReadonlyMap<string, string>>(new Map());
  const stages = useMemo(() => pipeline.data?.stages ?? [], [pipeline.data]);
  const columns = useMemo(() => stageTotals(stages, pipeline.data?.open ?? [], pending), [stages, pipeline.data, pending]);

  const onDragEnd = async ({ draggableId, destination, source }: DropResult) => {
    if (!destination || destination.droppableId === source.droppableId) return;
    const stage = stages.find((s) => s.id === destination.droppableId);
    if (!stage) return;
    setPending((p) => new Map(p).set(draggableId, stage.id));
    await update.run({ id: draggableId, data: { stageId: stage.id, probabilityPercent: stage.probabilityPercent } });
    setPending((p) => {
      const next = new Map(p);
      next.delete(draggableId);
      return next;
    });
  };

  if (pipeline.error) return <Alert severity="error">{errorText(pipeline.error)}</Alert>;
  return (
    <Stack spacing={1.5}>
      {update.error && <Alert severity="error" onClose={update.clearError}>{errorText(update.error)}</Alert>}
      <DragDropContext onDragEnd={(result) => void onDragEnd(result)}>
        <Stack direction="row" spacing={1.5} sx={{ overflowX: 'auto', alignItems: 'flex-start' }}>
          {columns.map(({ stage, cards, totals }) => (
            <Paper key={stage.id} variant="outlined" sx={{ width: 270, flexShrink: 0, bgcolor: 'action.hover' }} data-testid={`stage-${stage.id}`}>
              <Box sx={{ p: 1.5, pb: 1 }}>
                <Typography variant="subtitle2" component="h3">{stage.label} <Typography component="span" variant="caption" color="text.secondary">({stage.probabilityPercent} %)</Typography></Typography>
                <Typography variant="caption" color="text.secondary">
                  {cards.length === 0 ? 'Nothing here' : `${cards.length} · ${totals.map((t) => formatMoney(t.amountMinor, t.currency)).join(' + ')}`}
                </Typography>
              </Box>
              <Droppable droppableId={stage.id}>
                {(drop, snapshot) => (
                  <Stack ref={drop.innerRef} {...drop.droppableProps} data-dragging-over={snapshot.isDraggingOver} spacing={1} sx={{ p: 1, minHeight: 120, bgcolor: snapshot.isDraggingOver ? 'action.selected' : undefined }} role="group" aria-label={`${stage.label} opportunities`}>
                    {cards.map((card, index) => (
                      <Draggable key={card.id} draggableId={card.id} index={index}>
                        {(drag, dragging) => (
                          <Paper ref={drag.innerRef} {...drag.draggableProps} {...drag.dragHandleProps} sx={{ p: 1.25 }} data-testid="opportunity-card" data-dragging={dragging.isDragging} aria-label={card.name}>
                            <OpportunityCard card={card} onOpen={(id) => nav.openRecord(id)} />
                          </Paper>
                        )}
                      </Draggable>
                    ))}
                    {drop.placeholder}
                  </Stack>
                )}
              </Droppable>
            </Paper>
          ))}
        </Stack>
      </DragDropContext>
      {pipeline.data && pipeline.data.open.length === 0 && <Typography variant="body2" color="text.secondary">No open opportunities: convert a qualified lead to start one.</Typography>}
    </Stack>
  );
}
