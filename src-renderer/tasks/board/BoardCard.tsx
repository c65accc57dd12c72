import ChecklistIcon from '@mui/icons-material/Checklist';
import EventIcon from '@mui/icons-material/Event';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import { Avatar, Box, Stack, Tooltip, Typography } from '@mui/material';
import type { DraggableProvided } from '@hello-pangea/dnd';
import { memo, type CSSProperties } from 'react';
import type { KanbanCard } from '../../../src-shared/tasks/kanban';
import { priorityLabel, todayLocal } from '../task-labels';

/** Height of a card's slot in a column, gap included: fixed, so long columns can be virtualised. */
export const CARD_SLOT = 104;
const CARD_GAP = 8;

const priorityBar = { critical: 'error.main', high: 'warning.main', medium: 'info.main', low: 'grey.500' } as const;

const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const shortDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dayMonth.format(new Date(y, m - 1, d));
};

const initials = (name: string) => name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]?.toUpperCase()).join('');

interface ContentProps {
  card: KanbanCard;
  assigneeName: string | null;
  isDragging: boolean;
}

/** What a card shows. Memoised on the card object, which stays the same while its task is unchanged. */
const CardContent = memo(function CardContent({ card, assigneeName, isDragging }: ContentProps) {
  const { task } = card;
  const isDone = task.status === 'done' || task.status === 'cancelled';
  const isOverdue = !isDone && task.dueDate !== undefined && task.dueDate < todayLocal();
  return (
    <Box sx={{
      height: CARD_SLOT - CARD_GAP, display: 'flex', flexDirection: 'column', justifyContent: 'space-between', p: 1.25, pl: 1.5,
      bgcolor: 'background.paper', borderRadius: 1.5, border: 1, borderColor: isDragging ? 'primary.main' : 'divider',
      boxShadow: isDragging ? 8 : 0, position: 'relative', overflow: 'hidden', cursor: 'grab',
      '&::before': { content: '""', position: 'absolute', left: 0, top: 0, bottom: 0, width: 3, bgcolor: priorityBar[task.priority] },
      '&:hover': { borderColor: 'text.disabled' },
    }}>
      <Typography variant="body2" sx={{ fontWeight: 500, lineHeight: 1.35, display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', textDecoration: task.status === 'cancelled' ? 'line-through' : 'none' }}
        data-testid="card-title">
        {task.title}
      </Typography>
      <Stack direction="row" spacing={1.25} sx={{ alignItems: 'center', color: 'text.secondary', minHeight: 24 }}>
        <Tooltip title={`${priorityLabel[task.priority]} priority`}><Typography variant="caption" sx={{ fontWeight: 600 }}>{priorityLabel[task.priority]}</Typography></Tooltip>
        {task.dueDate && (
          <Stack direction="row" spacing={0.4} sx={{ alignItems: 'center', color: isOverdue ? 'error.main' : 'inherit' }} title={isOverdue ? 'Overdue' : 'Due'}>
            <EventIcon sx={{ fontSize: 14 }} />
            <Typography variant="caption" sx={{ fontWeight: isOverdue ? 600 : 400 }}>{shortDay(task.dueDate)}</Typography>
          </Stack>
        )}
        {card.checklistTotal > 0 && (
          <Stack direction="row" spacing={0.4} sx={{ alignItems: 'center' }} title="Checklist">
            <ChecklistIcon sx={{ fontSize: 14 }} />
            <Typography variant="caption">{card.checklistDone}/{card.checklistTotal}</Typography>
          </Stack>
        )}
        {card.isBlocked && (
          <Tooltip title={`Waits for ${card.blockedBy.join(', ')}`}>
            <Stack direction="row" spacing={0.4} sx={{ alignItems: 'center', color: 'warning.main' }} data-testid="card-waiting">
              <HourglassTopIcon sx={{ fontSize: 14 }} />
              <Typography variant="caption" sx={{ fontWeight: 600 }}>Waiting</Typography>
            </Stack>
          </Tooltip>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {assigneeName && (
          <Tooltip title={assigneeName}>
            <Avatar sx={{ width: 24, height: 24, fontSize: 11, bgcolor: 'primary.main' }} aria-label={`Assigned to ${assigneeName}`}>{initials(assigneeName)}</Avatar>
          </Tooltip>
        )}
      </Stack>
    </Box>
  );
});

interface CardProps {
  card: KanbanCard;
  assigneeName: string | null;
  provided: DraggableProvided;
  isDragging: boolean;
  /** Position in a virtual list; absent for the drag clone. */
  style?: CSSProperties;
  onOpen?: (taskId: string) => void;
}

/** A draggable card: the drag wrapper (cheap, follows the list's positions) around the memoised content. */
export function BoardCard({ card, assigneeName, provided, isDragging, style, onOpen }: CardProps) {
  const positioned: CSSProperties = style
    ? { ...provided.draggableProps.style, ...style, height: CARD_SLOT - CARD_GAP }
    : { ...provided.draggableProps.style, height: CARD_SLOT - CARD_GAP };
  return (
    <div ref={provided.innerRef} {...provided.draggableProps} {...provided.dragHandleProps} style={positioned}
      data-testid="board-card" data-task-id={card.task.id} aria-label={`${card.task.title}${card.isBlocked ? ' (waiting)' : ''}`}
      onClick={onOpen ? () => onOpen(card.task.id) : undefined}>
      <CardContent card={card} assigneeName={assigneeName} isDragging={isDragging} />
    </div>
  );
}
