import { memo, useCallback } from 'react';
import type { KanbanCard } from '../../../src-shared/tasks/kanban';
import { VirtualDropList, type RenderDropItem } from '../../board/VirtualDropList';
import { BoardCard, CARD_SLOT } from './BoardCard';

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

const idOf = (card: KanbanCard) => card.task.id;

/** One board cell as a virtual list of task cards (the shared VirtualDropList; the dragged card is a clone on the body). */
export const VirtualCardList = memo(function VirtualCardList({ droppableId, cards, height, isDropDisabled, isDragDisabled, nameOf, onOpen, emptyText }: Props) {
  const renderCard = useCallback<RenderDropItem<KanbanCard>>(
    (card, provided, isDragging, style) => (
      <BoardCard card={card} assigneeName={nameOf(card.task.assigneeId)} provided={provided} isDragging={isDragging} {...(style ? { style } : {})} {...(style && onOpen ? { onOpen } : {})} />
    ),
    [nameOf, onOpen],
  );
  return (
    <VirtualDropList droppableId={droppableId} items={cards} idOf={idOf} slot={CARD_SLOT} height={height} isDropDisabled={isDropDisabled} isDragDisabled={isDragDisabled}
      renderItem={renderCard} emptyText={emptyText} />
  );
});
