import { Box, Typography } from '@mui/material';
import { alpha } from '@mui/material/styles';
import { Draggable, Droppable, type DraggableProvided, type DraggableRubric, type DraggableStateSnapshot } from '@hello-pangea/dnd';
import { useCallback, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

/** Items rendered beyond the visible ones, above and below. */
const OVERSCAN = 3;
const PAD = 8;

/** How an item is drawn: in its slot (`style` positions it) or, without `style`, as the drag clone on the body. */
export type RenderDropItem<T> = (item: T, provided: DraggableProvided, isDragging: boolean, style?: CSSProperties) => ReactNode;

interface Props<T> {
  droppableId: string;
  items: readonly T[];
  /** The draggable id of an item (stable across renders). */
  idOf: (item: T) => string;
  /** Height of an item's slot, gap included: fixed, which is what lets the list render only what is in view. */
  slot: number;
  /** CSS height of the scrolling list. */
  height: string;
  isDropDisabled?: boolean;
  isDragDisabled?: boolean;
  renderItem: RenderDropItem<T>;
  emptyText: string;
  /** Names the list for assistive technology (e.g. "Proposal opportunities"). */
  ariaLabel?: string;
}

/** First and last item index to render for a scroll position, moving in steps of OVERSCAN items. */
function rangeFor(scrollTop: number, viewport: number, count: number, slot: number): [number, number] {
  const first = Math.floor(Math.max(0, scrollTop - PAD) / slot);
  const start = Math.max(0, Math.floor(first / OVERSCAN) * OVERSCAN - OVERSCAN);
  const end = Math.min(count, Math.ceil((first + viewport / slot + 1) / OVERSCAN) * OVERSCAN + OVERSCAN);
  return [start, end];
}

/**
 * A board column (or cell) as a virtual list (@hello-pangea/dnd's `mode="virtual"`): only the items
 * in view (plus a few) are rendered, each at its own offset; the dragged item is drawn as a clone on
 * the body. Shared by the task board and the CRM pipeline, which differ only in what a card shows.
 * Not memoised itself: its users memoise on their own props and pass a stable `renderItem`.
 */
export function VirtualDropList<T>({ droppableId, items, idOf, slot, height, isDropDisabled = false, isDragDisabled = false, renderItem, emptyText, ariaLabel }: Props<T>) {
  const scrollRef = useRef<HTMLElement | null>(null);
  const [range, setRange] = useState<[number, number]>(() => rangeFor(0, 900, items.length, slot));

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const update = () => {
      const next = rangeFor(element.scrollTop, element.clientHeight || 900, items.length, slot);
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
  }, [items.length, slot]);

  const renderClone = useCallback(
    (provided: DraggableProvided, snapshot: DraggableStateSnapshot, rubric: DraggableRubric) => renderItem(items[rubric.source.index] as T, provided, snapshot.isDragging),
    [items, renderItem],
  );

  return (
    <Droppable droppableId={droppableId} mode="virtual" renderClone={renderClone} isDropDisabled={isDropDisabled}>
      {(droppable, snapshot) => {
        // A virtual list has no placeholder element: one more slot makes room for an item dragged in.
        const slots = items.length + (snapshot.isUsingPlaceholder ? 1 : 0);
        const rendered = [];
        for (let i = range[0]; i < Math.min(range[1], items.length); i++) {
          const item = items[i] as T;
          rendered.push(
            <Draggable key={idOf(item)} draggableId={idOf(item)} index={i} isDragDisabled={isDragDisabled}>
              {(provided, dragSnapshot) => renderItem(item, provided, dragSnapshot.isDragging, { position: 'absolute', top: PAD + i * slot, left: PAD, right: PAD })}
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
            {...(ariaLabel ? { role: 'group', 'aria-label': ariaLabel } : {})}
            sx={(theme) => ({
              height, overflowY: 'auto', overflowX: 'hidden', position: 'relative', borderRadius: 1.5, transition: 'background-color 0.15s ease',
              bgcolor: snapshot.isDraggingOver ? alpha(theme.palette.primary.main, 0.08) : 'transparent',
              outline: snapshot.isDraggingOver ? `2px dashed ${alpha(theme.palette.primary.main, 0.4)}` : 'none', outlineOffset: -2,
            })}
          >
            <Box sx={{ height: PAD * 2 + slots * slot, position: 'relative' }}>
              {rendered}
              {items.length === 0 && emptyText && !snapshot.isDraggingOver && (
                <Typography variant="caption" color="text.disabled" sx={{ position: 'absolute', top: 24, left: 0, right: 0, textAlign: 'center' }}>{emptyText}</Typography>
              )}
            </Box>
          </Box>
        );
      }}
    </Droppable>
  );
}
