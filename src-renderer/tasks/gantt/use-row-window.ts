import { useEffect, useState, type RefObject } from 'react';

/** Rows move in and out of the rendered window this many at a time, so most scroll frames render nothing. */
const CHUNK = 16;

export interface RowWindow {
  /** First rendered row (a multiple of CHUNK). */
  start: number;
  /** One past the last rendered row. */
  end: number;
}

const windowFor = (scrollTop: number, viewport: number, rowHeight: number, headerHeight: number, rowCount: number): RowWindow => {
  const first = Math.max(0, Math.floor((scrollTop - headerHeight) / rowHeight));
  const start = Math.max(0, (Math.floor(first / CHUNK) - 1) * CHUNK);
  const visibleRows = Math.ceil(viewport / rowHeight) + 1;
  // One chunk above and at least one below the visible rows: a scroll of up to a chunk needs no render.
  const end = Math.min(rowCount, (Math.ceil((first + visibleRows) / CHUNK) + 1) * CHUNK);
  return { start: Math.min(start, Math.max(0, end - 1)), end };
};

/**
 * The rows a scroll container should render: the visible ones plus overscan, in whole chunks.
 * Updates only when the window moves to another chunk (a state update per chunk, not per frame).
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, rowCount: number, rowHeight: number, headerHeight: number): RowWindow {
  const [rowWindow, setRowWindow] = useState<RowWindow>(() => windowFor(0, 800, rowHeight, headerHeight, rowCount));

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const update = () => {
      const next = windowFor(element.scrollTop, element.clientHeight || 800, rowHeight, headerHeight, rowCount);
      setRowWindow((current) => (current.start === next.start && current.end === next.end ? current : next));
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [scrollRef, rowCount, rowHeight, headerHeight]);

  return rowWindow;
}
