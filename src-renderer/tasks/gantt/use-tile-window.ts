import { useEffect, useState, type RefObject } from 'react';

export interface TileWindow {
  /** First rendered tile. */
  first: number;
  /** Last rendered tile (inclusive). */
  last: number;
}

const windowFor = (scrollTop: number, viewport: number, tilePx: number, headerPx: number, tileCount: number): TileWindow => {
  const top = Math.max(0, scrollTop - headerPx);
  // One tile of overscan on each side: a scroll of up to a tile needs no render at all.
  const first = Math.max(0, Math.floor(top / tilePx) - 1);
  const last = Math.max(first, Math.min(tileCount - 1, Math.floor((top + viewport) / tilePx) + 1));
  return { first, last };
};

/**
 * The tiles (fixed blocks of rows) a scroll container should render: those in view plus one on
 * each side. Updates only when that set changes, so most scroll frames render nothing.
 *
 * While scrolling, bars slide under a still pointer; hovering each (the library re-renders and opens
 * its tooltip) and hit-testing them would cost frames, so the container carries `data-scrolling`
 * until scrolling stops and the chart turns pointer events off meanwhile.
 */
export function useTileWindow(scrollRef: RefObject<HTMLElement | null>, tileCount: number, tilePx: number, headerPx: number): TileWindow {
  const [tiles, setTiles] = useState<TileWindow>(() => windowFor(0, 900, tilePx, headerPx, tileCount));

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    let settled = 0;
    const update = () => {
      const next = windowFor(element.scrollTop, element.clientHeight || 900, tilePx, headerPx, tileCount);
      setTiles((current) => (current.first === next.first && current.last === next.last ? current : next));
    };
    const onScroll = () => {
      update();
      if (settled === 0) element.dataset.scrolling = 'true';
      window.clearTimeout(settled);
      settled = window.setTimeout(() => {
        settled = 0;
        delete element.dataset.scrolling;
      }, 150);
    };
    update();
    element.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', onScroll);
      window.clearTimeout(settled);
      resize.disconnect();
    };
  }, [scrollRef, tileCount, tilePx, headerPx]);

  return tiles;
}
