import type { Theme } from '@mui/material/styles';

/** FullCalendar's CSS variables and a few rules set from the MUI theme, so the calendar follows light and dark mode. */
export const calendarThemeSx = (theme: Theme) => ({
  '--fc-border-color': theme.palette.divider,
  '--fc-page-bg-color': theme.palette.background.paper,
  '--fc-neutral-bg-color': theme.palette.action.hover,
  '--fc-list-event-hover-bg-color': theme.palette.action.hover,
  '--fc-today-bg-color': theme.palette.action.selected,
  '--fc-now-indicator-color': theme.palette.error.main,
  '--fc-button-bg-color': theme.palette.primary.main,
  '--fc-button-border-color': theme.palette.primary.main,
  '--fc-button-hover-bg-color': theme.palette.primary.dark,
  '--fc-button-hover-border-color': theme.palette.primary.dark,
  '--fc-button-active-bg-color': theme.palette.primary.dark,
  '--fc-button-active-border-color': theme.palette.primary.dark,
  '--fc-button-text-color': theme.palette.primary.contrastText,
  '--fc-event-border-color': 'transparent',
  fontFamily: theme.typography.fontFamily,
  fontSize: theme.typography.body2.fontSize,
  '& .fc .fc-toolbar-title': { fontSize: theme.typography.h6.fontSize, fontWeight: theme.typography.h6.fontWeight },
  '& .fc .fc-button': { textTransform: 'none', borderRadius: `${theme.shape.borderRadius}px`, boxShadow: 'none' },
  '& .fc .fc-col-header-cell-cushion, & .fc .fc-daygrid-day-number': { color: theme.palette.text.primary, textDecoration: 'none' },
  '& .fc-event': { cursor: 'pointer' },
  '& .labflow-cancelled .fc-event-title': { textDecoration: 'line-through' },
});
