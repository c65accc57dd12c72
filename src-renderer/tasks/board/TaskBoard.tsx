import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import { Alert, AlertTitle, Box, LinearProgress, Snackbar, Stack } from '@mui/material';
import { DragDropContext, type BeforeCapture, type DragStart, type DragUpdate, type DropResult, type ResponderProvided } from '@hello-pangea/dnd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../../errors/error-text';
import { EmptySection } from '../../shell/EmptySection';
import { markWhenPainted } from '../gantt/paint-mark';
import { statusLabel } from '../task-labels';
import { boardAnnouncements } from './board-announcements';
import { BoardFilters } from './BoardFilters';
import { BoardLanes } from './BoardLanes';
import { neighboursAt, parseDroppableId } from './board-model';
import { useBoardProjects } from './use-board-projects';
import { useProjectBoard } from './use-project-board';

/** Read by screen readers, not drawn. */
const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

interface Props {
  projectId: string;
  /** Shows a project picker when given (the Tasks section); a project page passes none. */
  onProjectChange?: (projectId: string) => void;
  onOpenTask?: (taskId: string) => void;
  height?: string;
}

/**
 * The Kanban board: a column per status, optional swimlanes by assignee, filters by project and
 * assignee, WIP limits. Dropping a card moves it through `tasks/move`; a refused move puts it back
 * and says why. Long columns are virtual lists; keyboard dragging uses the library's space/arrow keys.
 */
export function TaskBoard({ projectId, onProjectChange, onOpenTask, height = 'calc(100vh - 230px)' }: Props) {
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [swimlanes, setSwimlanes] = useState(false);
  const [dragLane, setDragLane] = useState<string | null>(null);
  const projects = useBoardProjects(onProjectChange !== undefined);
  const data = useProjectBoard({ projectId, assigneeId, swimlanes });
  const { board, lanes } = data;

  // Person names by id, rebuilt only when the people themselves change (every push brings a new array).
  const peopleKey = board?.people.map((p) => `${p.id}\u0000${p.name}`).join('\u0001') ?? '';
  const { people, nameOf } = useMemo(() => {
    const list = peopleKey ? peopleKey.split('\u0001').map((entry) => entry.split('\u0000') as [string, string]) : [];
    const names = new Map(list);
    return { people: list.map(([id, name]) => ({ id, name })), nameOf: (id: string | undefined) => (id ? (names.get(id) ?? null) : null) };
  }, [peopleKey]);

  const latestLanes = useRef(lanes);
  latestLanes.current = lanes;
  const onBeforeCapture = useCallback((before: BeforeCapture) => {
    const lane = latestLanes.current.find((l) => l.cells.some((c) => c.cards.some((card) => card.task.id === before.draggableId)));
    setDragLane(lane?.key ?? null);
  }, []);

  const titleOf = (taskId: string) => lanes.flatMap((l) => l.cells.flatMap((c) => c.cards)).find((c) => c.task.id === taskId)?.task.title ?? 'The card';
  const onDragStart = (start: DragStart, provided: ResponderProvided) => {
    provided.announce(boardAnnouncements.pickedUp(titleOf(start.draggableId), parseDroppableId(start.source.droppableId).status));
  };
  const onDragUpdate = (update: DragUpdate, provided: ResponderProvided) => {
    const to = update.destination ? parseDroppableId(update.destination.droppableId).status : null;
    provided.announce(boardAnnouncements.over(titleOf(update.draggableId), to, (update.destination?.index ?? 0) + 1));
  };

  const onDragEnd = (result: DropResult, provided: ResponderProvided) => {
    setDragLane(null);
    const { destination, source, draggableId } = result;
    const title = titleOf(draggableId);
    const from = parseDroppableId(source.droppableId).status;
    if (!destination || (destination.droppableId === source.droppableId && destination.index === source.index)) {
      provided.announce(boardAnnouncements.putBack(title, from));
      return;
    }
    const to = parseDroppableId(destination.droppableId);
    const cell = lanes.find((l) => l.key === to.laneKey)?.cells.find((c) => c.status === to.status);
    if (!cell) return;
    // Only "moving…" here: whether it moved is said once the host answers (data.outcome).
    provided.announce(boardAnnouncements.dropped(title, to.status));
    void data.moveCard(draggableId, title, to.status, neighboursAt(cell.cards, draggableId, destination.index));
  };

  // "Open" for the benchmark: the first board painted with its cards.
  const hasBoard = board !== undefined;
  useEffect(() => {
    if (!hasBoard) return;
    return markWhenPainted('labflow:board:painted', () => document.querySelector('[data-testid="board-card"]') !== null || document.querySelector('[data-testid="board-empty"]') !== null);
  }, [hasBoard]);

  if (data.error) return <Alert severity="error">{errorText(data.error)}</Alert>;

  const total = board?.columns.reduce((n, c) => n + c.cards.length, 0) ?? 0;
  const overLimit = board?.columns.filter((c) => c.isOverWipLimit).map((c) => statusLabel[c.status]) ?? [];
  const summary = board ? [`${total.toLocaleString()} card${total === 1 ? '' : 's'}`, overLimit.length ? `over WIP limit: ${overLimit.join(', ')}` : ''].filter(Boolean).join(' · ') : '';

  return (
    <Stack spacing={1.5} data-testid="task-board">
      <BoardFilters projects={projects} projectId={projectId} {...(onProjectChange ? { onProject: onProjectChange } : {})} people={people}
        assigneeId={assigneeId} onAssignee={setAssigneeId} swimlanes={swimlanes} onSwimlanes={setSwimlanes} summary={summary} />
      {data.refusal && (
        <Alert severity="warning" onClose={data.clearRefusal} data-testid="board-refusal">
          <AlertTitle>“{data.refusal.taskTitle}” was not moved</AlertTitle>
          {errorText(data.refusal.error)}
        </Alert>
      )}
      {board && !board.canEdit && <Alert severity="info" variant="outlined">You can see this board; only the project's team can move cards.</Alert>}
      {!board && data.isLoading && <LinearProgress aria-label="Loading the board" />}
      {board && total === 0 && !assigneeId && (
        <EmptySection icon={<ViewKanbanIcon />} title="No tasks on this board yet" text="Tasks of the project appear here, one column per status. Drag a card to change its status." />
      )}
      {board && (total > 0 || assigneeId) && (
        <DragDropContext onBeforeCapture={onBeforeCapture} onDragStart={onDragStart} onDragUpdate={onDragUpdate} onDragEnd={onDragEnd}>
          <BoardLanes lanes={lanes} totals={data.totals} hasLanes={swimlanes} dragLane={dragLane} canEdit={board.canEdit} nameOf={nameOf} height={height}
            {...(onOpenTask ? { onOpen: onOpenTask } : {})} />
        </DragDropContext>
      )}
      {board && total === 0 && <span data-testid="board-empty" hidden />}
      <Box role="status" aria-live="polite" data-testid="board-announcement" sx={visuallyHidden}>{data.outcome}</Box>
      <Snackbar open={data.wipNotice !== null} autoHideDuration={6000} onClose={(_event, reason) => reason !== 'clickaway' && data.clearWipNotice()} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
        message={data.wipNotice ? `${statusLabel[data.wipNotice]} is now over its WIP limit.` : ''} />
    </Stack>
  );
}
