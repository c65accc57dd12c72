import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { DragDropContext, type DropResult } from '@hello-pangea/dnd';
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import type { PipelineCard } from '../../src-shared/crm/crm-contract';
import { formatMoney } from '../../src-shared/format/display-format';
import { VirtualDropList, type RenderDropItem } from '../board/VirtualDropList';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { useRecordNav } from '../records/record-routes';
import { markWhenPainted } from '../tasks/gantt/paint-mark';
import { LostReasonDialog } from './LostReasonDialog';
import { OpportunityCard, OPPORTUNITY_SLOT } from './OpportunityCard';
import { stageTotals, type StageColumn } from './pipeline-columns';

const idOf = (card: PipelineCard) => card.id;

/** One stage: its name, count and value per currency above a virtual list of its cards. */
const StageColumnView = memo(function StageColumnView({ column, onOpen }: { column: StageColumn; onOpen: (id: string) => void }) {
  const { stage, cards, totals } = column;
  const renderCard = useCallback<RenderDropItem<PipelineCard>>(
    (card, provided, isDragging, style) => <OpportunityCard card={card} provided={provided} isDragging={isDragging} style={style} onOpen={style ? onOpen : undefined} />,
    [onOpen],
  );
  return (
    <Paper variant="outlined" sx={{ width: 270, flexShrink: 0, bgcolor: 'action.hover' }} data-testid={`stage-${stage.id}`}>
      <Box sx={{ p: 1.5, pb: 0.5 }}>
        <Typography variant="subtitle2" component="h3">{stage.label} <Typography component="span" variant="caption" color="text.secondary">({stage.probabilityPercent} %)</Typography></Typography>
        <Typography variant="caption" color="text.secondary">
          {cards.length === 0 ? 'Nothing here' : `${cards.length.toLocaleString()} · ${totals.map((t) => formatMoney(t.amountMinor, t.currency)).join(' + ')}`}
        </Typography>
      </Box>
      <VirtualDropList droppableId={stage.id} items={cards} idOf={idOf} slot={OPPORTUNITY_SLOT} height="max(360px, calc(100vh - 330px))"
        renderItem={renderCard} emptyText="" ariaLabel={`${stage.label} opportunities`} />
    </Paper>
  );
});

const LOST = 'outcome:lost';
const noCards: PipelineCard[] = [];
const noRender: RenderDropItem<PipelineCard> = () => null;

/** Where a card is dropped to mark the opportunity lost: the reason is asked first. */
function LostColumn() {
  return (
    <Paper variant="outlined" sx={{ width: 150, flexShrink: 0, borderStyle: 'dashed', borderColor: 'error.main' }} data-testid="outcome-lost">
      <Box sx={{ p: 1.5, pb: 0.5 }}>
        <Typography variant="subtitle2" component="h3" color="error">Lost</Typography>
        <Typography variant="caption" color="text.secondary">Drop a card here to say why it was lost.</Typography>
      </Box>
      <VirtualDropList droppableId={LOST} items={noCards} idOf={idOf} slot={OPPORTUNITY_SLOT} height="160px" renderItem={noRender} emptyText="" ariaLabel="Mark as lost" />
    </Paper>
  );
}

/**
 * The pipeline board: one column per stage of the sales settings, the open opportunities in it.
 * Columns are virtual lists (the task board's VirtualDropList), so 2,000 opportunities open and drag
 * smoothly. Dropping a card in another column moves the opportunity there with the stage's default
 * probability (records/update); the card shows in its new column at once and goes back, with the
 * host's reason, if the move is refused. Dropping it on Lost asks why (LostReasonDialog); until the
 * reason is given the card stays where it was, and Cancel leaves it there.
 */
export function PipelineBoard() {
  const pipeline = useLiveQuery('crm/pipeline', {});
  const update = useCommand('records/update');
  const nav = useRecordNav();
  const [pending, setPending] = useState<ReadonlyMap<string, string>>(new Map());
  const [losing, setLosing] = useState<PipelineCard | null>(null);
  const stages = useMemo(() => pipeline.data?.stages ?? [], [pipeline.data]);
  const columns = useMemo(() => stageTotals(stages, pipeline.data?.open ?? [], pending), [stages, pipeline.data, pending]);
  const { openRecord } = nav;
  const onOpen = useCallback((id: string) => openRecord(id), [openRecord]);

  // "Open" for the benchmark (bench/crm.bench.ts): the first board painted with its cards.
  const hasBoard = pipeline.data !== undefined;
  useEffect(() => {
    if (!hasBoard) return;
    return markWhenPainted('labflow:pipeline:painted', () => document.querySelector('[data-testid="opportunity-card"]') !== null || document.querySelector('[data-testid="pipeline-empty"]') !== null);
  }, [hasBoard]);

  const onDragEnd = async ({ draggableId, destination, source }: DropResult) => {
    if (!destination || destination.droppableId === source.droppableId) return;
    if (destination.droppableId === LOST) return setLosing(pipeline.data?.open.find((c) => c.id === draggableId) ?? null);
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
      {pipeline.data && pipeline.data.open.length === 0 && <Typography variant="body2" color="text.secondary" data-testid="pipeline-empty">No open opportunities: convert a qualified lead to start one.</Typography>}
      <DragDropContext onDragEnd={(result) => void onDragEnd(result)}>
        {/* Focusable, so a keyboard can scroll the stages that do not fit (the board may hold no card to tab to). */}
        <Stack direction="row" spacing={1.5} sx={{ overflowX: 'auto', alignItems: 'flex-start' }} data-testid="pipeline-board" tabIndex={0} role="region" aria-label="Pipeline by stage">
          {/* First, so that it is in view whatever the number of stages: the drag library moves a card by keyboard only to columns in view. */}
          {columns.length > 0 && <LostColumn />}
          {columns.map((column) => <StageColumnView key={column.stage.id} column={column} onOpen={onOpen} />)}
        </Stack>
      </DragDropContext>
      {losing && <LostReasonDialog card={losing} onClose={() => setLosing(null)} />}
    </Stack>
  );
}
