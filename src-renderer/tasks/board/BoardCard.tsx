import ChecklistIcon from '@mui/icons-material/Checklist';
import EventIcon from '@mui/icons-material/Event';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import { darken, styled } from '@mui/material/styles';
import type { DraggableProvided } from '@hello-pangea/dnd';
import { memo, type CSSProperties } from 'react';
import type { KanbanCard } from '../../../src-shared/tasks/kanban';
import { priorityLabel, todayLocal } from '../task-labels';

/** Height of a card's slot in a column, gap included: fixed, so long columns can be virtualised. */
export const CARD_SLOT = 104;
const CARD_GAP = 8;

const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const shortDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dayMonth.format(new Date(y, m - 1, d));
};

const initials = (name: string) => name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]?.toUpperCase()).join('');

/**
 * The card's look as one styled element (one CSS class per theme) with plain children: dozens of
 * cards mount while a column scrolls or a card is dragged, so no per-card sx, tooltips or MUI
 * widgets. The drag clone renders on the page body and carries the same class.
 */
const CardBox = styled('div')(({ theme }) => ({
  height: CARD_SLOT - CARD_GAP, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', justifyContent: 'space-between',
  padding: theme.spacing(1.25, 1.25, 1.25, 1.5), backgroundColor: theme.palette.background.paper, borderRadius: Number(theme.shape.borderRadius) * 1.5,
  border: `1px solid ${theme.palette.divider}`, position: 'relative', overflow: 'hidden', cursor: 'grab', color: theme.palette.text.primary,
  '&:hover': { borderColor: theme.palette.text.disabled },
  '&[data-dragging="true"]': { borderColor: theme.palette.primary.main, boxShadow: theme.shadows[8], cursor: 'grabbing' },
  '&::before': { content: '""', position: 'absolute', left: 0, top: 0, bottom: 0, width: 3, backgroundColor: theme.palette.info.main },
  '&[data-priority="critical"]::before': { backgroundColor: theme.palette.error.main },
  '&[data-priority="high"]::before': { backgroundColor: theme.palette.warning.main },
  '&[data-priority="low"]::before': { backgroundColor: theme.palette.grey[500] },
  '& .bc-head': { display: 'flex', gap: theme.spacing(1), alignItems: 'flex-start' },
  '& .bc-title': {
    ...theme.typography.body2, fontWeight: 500, lineHeight: 1.35, flex: 1, minWidth: 0,
    display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden',
  },
  '&[data-status="cancelled"] .bc-title': { textDecoration: 'line-through' },
  '& .bc-avatar': {
    width: 24, height: 24, flexShrink: 0, borderRadius: '50%', display: 'grid', placeItems: 'center', fontSize: 11, fontWeight: 500,
    backgroundColor: theme.palette.primary.main, color: theme.palette.primary.contrastText,
  },
  '& .bc-meta': {
    ...theme.typography.caption, display: 'flex', gap: theme.spacing(1.25), alignItems: 'center', color: theme.palette.text.secondary,
    whiteSpace: 'nowrap', overflow: 'hidden', minHeight: 20,
  },
  '& .bc-item': { display: 'inline-flex', alignItems: 'center', gap: 3, flexShrink: 0, '& svg': { fontSize: 14 } },
  '& .bc-overdue': { color: theme.palette.error.main, fontWeight: 600 },
  // Warning orange is too light for 12 px text on a white card (3.1:1); darkened it reads at 4.5:1 or more.
  '& .bc-waiting': { color: theme.palette.mode === 'dark' ? theme.palette.warning.light : darken(theme.palette.warning.main, 0.35), fontWeight: 600 },
  '& .bc-priority': { fontWeight: 600 },
}));

interface ContentProps {
  card: KanbanCard;
  assigneeName: string | null;
}

/** What a card shows. Memoised on the card object, which stays the same while its task is unchanged. */
const CardContent = memo(function CardContent({ card, assigneeName }: ContentProps) {
  const { task } = card;
  const isDone = task.status === 'done' || task.status === 'cancelled';
  const isOverdue = !isDone && task.dueDate !== undefined && task.dueDate < todayLocal();
  return (
    <>
      <div className="bc-head">
        <span className="bc-title" data-testid="card-title">{task.title}</span>
        {assigneeName && <span className="bc-avatar" title={`Assigned to ${assigneeName}`}>{initials(assigneeName)}</span>}
      </div>
      <div className="bc-meta">
        {card.isBlocked && (
          <span className="bc-item bc-waiting" title={`Waits for ${card.blockedBy.join(', ')}`} data-testid="card-waiting"><HourglassTopIcon />Waiting</span>
        )}
        {task.dueDate && (
          <span className={`bc-item${isOverdue ? ' bc-overdue' : ''}`} title={isOverdue ? 'Overdue' : 'Due'}><EventIcon />{shortDay(task.dueDate)}</span>
        )}
        {card.checklistTotal > 0 && <span className="bc-item" title="Checklist"><ChecklistIcon />{card.checklistDone}/{card.checklistTotal}</span>}
        <span className="bc-item bc-priority" title={`${priorityLabel[task.priority]} priority`}>{priorityLabel[task.priority]}</span>
      </div>
    </>
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
      <CardBox data-dragging={isDragging} data-priority={card.task.priority} data-status={card.task.status}>
        <CardContent card={card} assigneeName={assigneeName} />
      </CardBox>
    </div>
  );
}
