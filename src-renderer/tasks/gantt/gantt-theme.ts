import { alpha, type Theme } from '@mui/material/styles';

type BarColours = { backgroundColor: string; backgroundSelectedColor: string; progressColor: string; progressSelectedColor: string };

/** Colours baked into each bar handed to gantt-task-react; a new palette rebuilds the bars. */
export interface GanttPalette {
  normal: BarColours;
  critical: BarColours;
  done: BarColours;
  summary: BarColours;
  milestone: BarColours;
  isCriticalShown: boolean;
  canEdit: boolean;
}

const bar = (background: string, progress: string, selectedBackground = background, selectedProgress = progress): BarColours => ({
  backgroundColor: background, backgroundSelectedColor: selectedBackground, progressColor: progress, progressSelectedColor: selectedProgress,
});

// Mid-tone backgrounds with a dark progress fill, so the library's white in-bar labels stay readable in both themes.
export function ganttPalette(theme: Theme, isCriticalShown: boolean, canEdit: boolean): GanttPalette {
  const isDark = theme.palette.mode === 'dark';
  return {
    normal: isDark ? bar('#3f6676', '#2f8fb0', '#4a7485', '#3aa0c2') : bar('#7fa9bc', '#1f6f8b', '#6f9cb1', '#185a71'),
    critical: isDark ? bar('#8a3f3b', '#d0483f', '#9a4843', '#e05248') : bar('#e3908a', '#c62828', '#db7f78', '#a82020'),
    done: isDark ? bar('#3d6b48', '#3f9a55', '#467a52', '#48ab60') : bar('#8dc49c', '#2e7d32', '#7db98d', '#256b29'),
    summary: isDark ? bar('#5b6670', '#8c99a5') : bar('#6d7a86', '#3e4a55'),
    milestone: bar(theme.palette.secondary.main, theme.palette.secondary.main, theme.palette.secondary.dark, theme.palette.secondary.dark),
    isCriticalShown,
    canEdit,
  };
}

/**
 * Theme overrides for gantt-task-react 0.3.9's stylesheet (dist/index.css), whose class names are
 * fixed hashes in that version. Its grid is hidden: the chart paints rows, columns and weekends
 * underneath (gantt-grid), so the dependency arrows the chart draws itself also sit below the bars.
 */
export const ganttLibrarySx = (theme: Theme) => ({
  '& ._3eULf': { outline: 'none' },
  '& ._2dZTy, & ._2dZTy:nth-child(even)': { fill: 'transparent' },
  // Its row lines and column ticks only span a tile's own dates; the chart draws the grid instead (gantt-grid).
  '& ._3rUKi, & ._RuwuK': { display: 'none' },
  '& ._3zRJQ': { fill: '#fff', fontWeight: 500 },
  '& ._3KcaM': { fill: theme.palette.text.secondary },
  '& ._3w_5u': { fill: alpha('#fff', 0.75) },
  '& ._25P-K': { zIndex: 5 },
  // The library's own scrollbars: the chart scrolls natively, so they would only take room.
  '& ._2k9Ys, & ._1eT-t': { display: 'none' },
});

export const arrowColour = (theme: Theme) => alpha(theme.palette.text.secondary, 0.75);
export const todayColour = (theme: Theme) => alpha(theme.palette.warning.main, theme.palette.mode === 'dark' ? 0.16 : 0.12);
