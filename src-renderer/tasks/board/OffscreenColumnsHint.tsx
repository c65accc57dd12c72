import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import { Button, Stack } from '@mui/material';
import { useEffect, useState, type RefObject } from 'react';
import type { TaskStatus } from '../../../src-shared/tasks/task-model';
import { statusLabel } from '../task-labels';

interface Offscreen {
  left: TaskStatus[];
  right: TaskStatus[];
}

const none: Offscreen = { left: [], right: [] };

/** Columns (elements with `data-column`) that the scrolling row shows less than half of, per side. */
function offscreenColumns(row: HTMLElement): Offscreen {
  const frame = row.getBoundingClientRect();
  const result: Offscreen = { left: [], right: [] };
  for (const column of row.querySelectorAll<HTMLElement>('[data-column]')) {
    const box = column.getBoundingClientRect();
    const status = column.dataset.column as TaskStatus;
    if (box.left + box.width / 2 > frame.right) result.right.push(status);
    else if (box.right - box.width / 2 < frame.left) result.left.push(status);
  }
  return result;
}

/**
 * Says which columns a narrow window pushes out of sight, with a button that scrolls to them: the
 * board's columns shrink to fit first, and only a window too narrow for that scrolls sideways.
 */
export function OffscreenColumnsHint({ rowRef }: { rowRef: RefObject<HTMLElement | null> }) {
  const [offscreen, setOffscreen] = useState<Offscreen>(none);
  useEffect(() => {
    const row = rowRef.current;
    if (!row) return;
    const update = () => {
      const next = offscreenColumns(row);
      setOffscreen((current) => (current.left.join() === next.left.join() && current.right.join() === next.right.join() ? current : next));
    };
    update();
    row.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(row);
    return () => {
      row.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [rowRef]);

  if (offscreen.left.length === 0 && offscreen.right.length === 0) return null;
  const reveal = (status: TaskStatus | undefined) => {
    const column = status ? rowRef.current?.querySelector<HTMLElement>(`[data-column="${status}"]`) : null;
    column?.scrollIntoView({ inline: 'nearest', block: 'nearest' });
  };
  const names = (list: TaskStatus[]) => list.map((s) => statusLabel[s]).join(', ');
  return (
    <Stack direction="row" sx={{ justifyContent: 'space-between' }} data-testid="board-offscreen">
      {offscreen.left.length > 0 ? (
        <Button size="small" startIcon={<ChevronLeftIcon />} onClick={() => reveal(offscreen.left.at(-1))}>More columns: {names(offscreen.left)}</Button>
      ) : <span />}
      {offscreen.right.length > 0 && (
        <Button size="small" endIcon={<ChevronRightIcon />} onClick={() => reveal(offscreen.right.at(-1))}>More columns: {names(offscreen.right)}</Button>
      )}
    </Stack>
  );
}
