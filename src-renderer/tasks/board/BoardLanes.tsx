import { Avatar, Box, Stack, Typography } from '@mui/material';
import { useRef } from 'react';
import type { TaskStatus } from '../../../src-shared/tasks/task-model';
import { BoardColumnHeader } from './BoardColumnHeader';
import { CARD_SLOT } from './BoardCard';
import { droppableIdOf, type BoardLane } from './board-model';
import { OffscreenColumnsHint } from './OffscreenColumnsHint';
import { statusLabel } from '../task-labels';
import { VirtualCardList } from './VirtualCardList';

/**
 * Columns share the width (all seven fit a 1360 px window beside the navigation, so keyboard moves,
 * which only reach columns in view, reach Done and Cancelled) down to this width; a narrower window
 * scrolls sideways and says which columns it hides.
 */
export const COLUMN_MIN_WIDTH = 140;
const COLUMN_MAX_WIDTH = 320;
const COLUMN_GAP = 8;
const HEAD_HEIGHT = 44;

interface Props {
  lanes: readonly BoardLane[];
  totals: ReadonlyMap<TaskStatus, { count: number; limit: number | null }>;
  hasLanes: boolean;
  /** Lane of the card being dragged: in lane mode a card stays in its lane (lanes are assignees). */
  dragLane: string | null;
  canEdit: boolean;
  nameOf: (personId: string | undefined) => string | null;
  onOpen?: (taskId: string) => void;
  height: string;
}

const columnSx = { flex: '1 1 0', minWidth: COLUMN_MIN_WIDTH, maxWidth: COLUMN_MAX_WIDTH, bgcolor: 'action.hover', borderRadius: 2 } as const;

/** The columns, either as one row of full-height columns or as one row of cells per assignee lane. */
export function BoardLanes({ lanes, totals, hasLanes, dragLane, canEdit, nameOf, onOpen, height }: Props) {
  const rowRef = useRef<HTMLDivElement | null>(null);
  const statuses = lanes[0]?.cells.map((c) => c.status) ?? [];
  const head = (status: TaskStatus, shown: number) => {
    const total = totals.get(status);
    return <BoardColumnHeader status={status} count={total?.count ?? shown} shown={shown} limit={total?.limit ?? null} />;
  };

  if (!hasLanes) {
    const lane = lanes[0];
    return (
      <>
        <OffscreenColumnsHint rowRef={rowRef} />
        <Stack ref={rowRef} direction="row" spacing={`${COLUMN_GAP}px`} sx={{ overflowX: 'auto', pb: 1, height }} data-testid="board-columns">
          {lane?.cells.map((cell) => (
            <Box key={cell.status} sx={columnSx} role="group" aria-label={`Column ${statusLabel[cell.status]}`} data-testid={`column-${cell.status}`} data-column={cell.status}>
              {head(cell.status, cell.cards.length)}
              <VirtualCardList droppableId={droppableIdOf(lane.key, cell.status)} cards={cell.cards} height={`calc(${height} - ${HEAD_HEIGHT + 8}px)`}
                isDropDisabled={!canEdit} isDragDisabled={!canEdit} nameOf={nameOf} emptyText="No cards" {...(onOpen ? { onOpen } : {})} />
            </Box>
          ))}
        </Stack>
      </>
    );
  }

  const shownIn = (status: TaskStatus) => lanes.reduce((n, lane) => n + (lane.cells.find((c) => c.status === status)?.cards.length ?? 0), 0);
  return (
    <>
      <OffscreenColumnsHint rowRef={rowRef} />
      <Box ref={rowRef} sx={{ overflow: 'auto', height, pb: 1 }} data-testid="board-lanes">
        <Stack direction="row" spacing={`${COLUMN_GAP}px`} sx={{ position: 'sticky', top: 0, zIndex: 2, bgcolor: 'background.default', pb: 0.5 }}>
          {statuses.map((status) => <Box key={status} data-column={status} sx={{ ...columnSx, bgcolor: 'action.hover' }}>{head(status, shownIn(status))}</Box>)}
        </Stack>
        {lanes.map((lane) => {
          const name = lane.assigneeId ? (nameOf(lane.assigneeId) ?? 'Unknown person') : 'Unassigned';
          const most = Math.max(1, ...lane.cells.map((c) => c.cards.length));
          const cellHeight = `${Math.min(most, 3.5) * CARD_SLOT + 16}px`;
          const cardCount = lane.cells.reduce((n, c) => n + c.cards.length, 0);
          return (
            <Box key={lane.key} role="group" aria-label={`Lane ${name}`} data-testid="board-lane" sx={{ mt: 1.5 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', position: 'sticky', left: 0, width: 'fit-content', mb: 0.75, px: 0.5 }}>
                <Avatar sx={{ width: 22, height: 22, fontSize: 11, bgcolor: lane.assigneeId ? 'primary.main' : 'grey.500' }}>{name[0]}</Avatar>
                <Typography variant="subtitle2">{name}</Typography>
                <Typography variant="caption" color="text.secondary">{cardCount} card{cardCount === 1 ? '' : 's'}</Typography>
              </Stack>
              <Stack direction="row" spacing={`${COLUMN_GAP}px`}>
                {lane.cells.map((cell) => (
                  <Box key={cell.status} sx={columnSx}>
                    <VirtualCardList droppableId={droppableIdOf(lane.key, cell.status)} cards={cell.cards} height={cellHeight}
                      isDropDisabled={!canEdit || (dragLane !== null && dragLane !== lane.key)} isDragDisabled={!canEdit} nameOf={nameOf} emptyText=""
                      {...(onOpen ? { onOpen } : {})} />
                  </Box>
                ))}
              </Stack>
            </Box>
          );
        })}
      </Box>
    </>
  );
}
