import { DragDropContext, Draggable, Droppable, type DragStart, type DragUpdate, type DropResult, type ResponderProvided } from '@hello-pangea/dnd';
import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { candidateMove, pipelineStages } from '../../src-shared/hr/candidate-pipeline';
import type { CandidateCard } from '../../src-shared/hr/hiring-views';
import { useCommand } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { RejectCandidateDialog } from './RejectCandidateDialog';

const isClosed = (stage: string) => stage === 'hired' || stage === 'rejected';
const stageLabel = (id: string | undefined) => pipelineStages.find((s) => s.id === id)?.label ?? 'no stage';

function Card({ card }: { card: CandidateCard }) {
  const { submitted, average } = card.scorecards;
  return (
    <Stack spacing={0.25}>
      <Typography variant="caption" color="text.secondary">{card.number} · {card.sourceLabel}</Typography>
      <Typography variant="body2" sx={{ fontWeight: 500 }}>{card.name}</Typography>
      {submitted > 0 && <Typography variant="caption">{submitted === 1 ? '1 scorecard' : `${submitted} scorecards`} · average {average ?? '–'} of 5</Typography>}
      {card.stage === 'rejected' && card.rejectionReason && <Typography variant="caption" color="text.secondary">{card.rejectionReason}</Typography>}
    </Stack>
  );
}

/**
 * A requisition's candidates by stage. Dragging a card (or lifting it with Space and moving it with
 * the arrow keys) to the next column moves the candidate there; to "Rejected" asks for the reason
 * first. What the pipeline does not allow (back, two stages at once, hired by a drop) is said at once,
 * without a write; what the host refuses is said with its reason. Cards show in their new column
 * while the move is written.
 */
export function CandidateBoard({ candidates, chosenId, onChoose }: { candidates: CandidateCard[]; chosenId: string | null; onChoose: (id: string) => void }) {
  const move = useCommand('hr/candidates/move');
  const [pending, setPending] = useState<ReadonlyMap<string, string>>(new Map());
  const [refusal, setRefusal] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState<CandidateCard | null>(null);
  const columns = useMemo(
    () => pipelineStages.map((stage) => ({ stage, cards: candidates.filter((c) => (pending.get(c.id) ?? c.stage) === stage.id) })),
    [candidates, pending],
  );

  const write = async (card: CandidateCard, to: string, reason = '') => {
    setPending((p) => new Map(p).set(card.id, to));
    await move.run({ id: card.id, to, reason });
    setPending((p) => {
      const next = new Map(p);
      next.delete(card.id);
      return next;
    });
  };

  // What a screen reader hears while a card is moved with the keyboard: names and stage labels, not ids.
  const nameOf = (id: string) => candidates.find((c) => c.id === id)?.name ?? 'The candidate';
  const onDragStart = (start: DragStart, provided: ResponderProvided) =>
    provided.announce(`${nameOf(start.draggableId)} picked up from ${stageLabel(start.source.droppableId)}. Use the left and right arrow keys to choose a stage, Space to drop, Escape to cancel.`);
  const onDragUpdate = (update: DragUpdate, provided: ResponderProvided) =>
    provided.announce(update.destination ? `Over ${stageLabel(update.destination.droppableId)}.` : 'Not over a stage.');

  const onDragEnd = ({ draggableId, destination, source }: DropResult, provided: ResponderProvided) => {
    setRefusal(null);
    move.clearError();
    const card = candidates.find((c) => c.id === draggableId);
    if (!card || !destination || destination.droppableId === source.droppableId) return provided.announce(`${nameOf(draggableId)} stays at ${stageLabel(source.droppableId)}.`);
    provided.announce(`Moving ${card.name} to ${stageLabel(destination.droppableId)}.`);
    if (destination.droppableId === 'rejected') return setRejecting(card);
    const planned = candidateMove(card.stage, destination.droppableId);
    if (!planned.ok) return setRefusal(planned.error.message);
    void write(card, destination.droppableId);
  };

  return (
    <Stack spacing={1.5}>
      {refusal && <Alert severity="warning" onClose={() => setRefusal(null)} data-testid="board-refusal">{refusal}</Alert>}
      {move.error && <Alert severity="error" onClose={move.clearError} data-testid="board-refusal">{errorText(move.error)}</Alert>}
      <DragDropContext onDragStart={onDragStart} onDragUpdate={onDragUpdate} onDragEnd={onDragEnd}>
        <Stack direction="row" spacing={1.5} sx={{ overflowX: 'auto', alignItems: 'flex-start' }}>
          {columns.map(({ stage, cards }) => (
            <Paper key={stage.id} variant="outlined" sx={{ flex: '1 1 0', minWidth: 170, bgcolor: 'action.hover' }} data-testid={`stage-${stage.id}`}>
              <Box sx={{ p: 1.5, pb: 1 }}>
                <Typography variant="subtitle2" component="h4">{stage.label}</Typography>
                <Typography variant="caption" color="text.secondary">{cards.length === 0 ? 'Nobody here' : cards.length === 1 ? '1 candidate' : `${cards.length} candidates`}</Typography>
              </Box>
              <Droppable droppableId={stage.id}>
                {(drop, snapshot) => (
                  <Stack ref={drop.innerRef} {...drop.droppableProps} data-dragging-over={snapshot.isDraggingOver} spacing={1} sx={{ p: 1, minHeight: 100, bgcolor: snapshot.isDraggingOver ? 'action.selected' : undefined }} role="group" aria-label={`${stage.label} candidates`}>
                    {cards.map((card, index) => (
                      <Draggable key={card.id} draggableId={card.id} index={index} isDragDisabled={isClosed(card.stage)}>
                        {(drag, dragging) => (
                          <Paper
                            ref={drag.innerRef}
                            {...drag.draggableProps}
                            {...drag.dragHandleProps}
                            onClick={() => onChoose(card.id)}
                            sx={{ p: 1.25, cursor: 'pointer', outline: card.id === chosenId ? 2 : 0, outlineColor: 'primary.main' }}
                            data-testid="candidate-card"
                            data-dragging={dragging.isDragging}
                            aria-label={card.name}
                          >
                            <Card card={card} />
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
      {candidates.length === 0 && <Typography variant="body2" color="text.secondary">No candidates yet: add the first one as applications come in.</Typography>}
      <RejectCandidateDialog
        candidate={rejecting}
        onClose={() => setRejecting(null)}
        onReject={async (reason) => {
          const card = rejecting;
          setRejecting(null);
          if (card) await write(card, 'rejected', reason);
        }}
      />
    </Stack>
  );
}
