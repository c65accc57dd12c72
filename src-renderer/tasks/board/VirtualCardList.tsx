import { Box, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { Draggable, Droppable, type DraggableProvided, type DraggableRubric, type DraggableStateSnapshot } from '@hello-pangea/dnd';
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import type { KanbanCard } from '../../../src-shared/tasks/kanban';
import { BoardCard, CARD_SLOT } from './BoardCard';

/** Cards rendered beyond the visible ones, above and below. */
const OVERSCAN = 3;
const PAD = 8;

interface Props {
  droppableId: string;
  cards: readonly KanbanCard[];
  /** CSS height of the scrolling list. */
  height: string;
  isDropDisabled: boolean;
  isDragDisabled: boolean;
  nameOf: (personId: string | undefined) => string | null;
  onOpen?: (taskId: string) => void;
  emptyText: string;
}

/** First and last card index to render for a scroll position, moving in steps of OVERSCAN cards. */
function rangeFor(scrollTop: number, viewport: number, count: number): [number, number] {
  const first = Math.floor(Math.max(0, scrollTop - PAD) / CARD_SLOT);
  const start = Math.max(0, Math.floor(first / OVERSCAN) * OVERSCAN - OVERSCAN);
  const end = Math.min(count, Math.ceil((first + viewport / CARD_SLOT + 1) / OVERSCAN) * OVERSCAN + OVERSCAN);
  return [start, end];
}

/**
 * One board cell as a virtual list (@hello-pangea/dnd's `mode="virtual"`): only the cards in view
 * (plus a few) are rendered, each at its own offset; the dragged card is drawn as a clone on the body.
 */
export const VirtualCardList = memo(function VirtualCardList({ droppableId, cards, height, isDropDisabled, isDragDisabled, nameOf, onOpen, emptyText }: Props) {
  const scrollRef = useRef<HTMLElement | null>(null);
  const [range, setRange] = useState<[number, number]>(() => rangeFor(0, 900, cards.length));

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const update = () => {
      const next = rangeFor(element.scrollTop, element.clientHeight || 900, cards.length);
      setRange((current) => (current[0] === next[0] && current[1] === next[1] ? current : next));
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [cards.length]);

  const renderClone = useCallback(
    (provided: DraggableProvided, snapshot: DraggableStateSnapshot, rubric: DraggableRubric) => {
      const card = cards[rubric.source.index] as KanbanCard;
      return <BoardCard card={card} assigneeName={nameOf(card.task.assigneeId)} provided={provided} isDragging={snapshot.isDragging} />;
    },
    [cards, nameOf],
  );

  return (
    <Droppable droppableId={droppableId} mode="virtual" renderClone={renderClone} isDropDisabled={isDropDisabled}>
      {(droppable, snapshot) => {
        // A virtual list has no placeholder element: one more slot makes room for a card dragged in.
        const slots = cards.length + (snapshot.isUsingPlaceholder ? 1 : 0);
        const items = [];
        for (let i = range[0]; i < Math.min(range[1], cards.length); i++) {
          const card = cards[i] as KanbanCard;
          items.push(
            <Draggable key={card.task.id} draggableId={card.task.id} index={i} isDragDisabled={isDragDisabled}>
              {(provided, dragSnapshot) => (
                <BoardCard card={card} assigneeName={nameOf(card.task.assigneeId)} provided={provided} isDragging={dragSnapshot.isDragging}
                  style={{ position: 'absolute', top: PAD + i * CARD_SLOT, left: PAD, right: PAD }} {...(onOpen ? { onOpen } : {})} />
              )}
            </Draggable>,
          );
        }
        return (
          <Box
            ref={(element: HTMLElement | null) => {
              scrollRef.current = element;
              droppable.innerRef(element);
            }}
            {...droppable.droppableProps}
            data-dragging-over={snapshot.isDraggingOver}
            sx={(theme) => ({
              height, overflowY: 'auto', overflowX: 'hidden', position: 'relative', borderRadius: 1.5, transition: 'background-color 0.15s ease',
              bgcolor: snapshot.isDraggingOver ? alpha(theme.palette.primary.main, 0.08) : 'transparent',
              outline: snapshot.isDraggingOver ? `2px dashed ${alpha(theme.palette.primary.main, 0.4)}` : 'none', outlineOffset: -2,
            })}
          >
            <Box sx={{ height: PAD * 2 + slots * CARD_SLOT, position: 'relative' }}>
              {items}
              {cards.length === 0 && emptyText && !snapshot.isDraggingOver && (
                <Typography variant="caption" color="text.disabled" sx={{ position: 'absolute', top: 24, left: 0, right: 0, textAlign: 'center' }}>{emptyText}</Typography>
              )}
            </Box>
          </Box>
        );
      }}
    </Droppable>
  );
});
