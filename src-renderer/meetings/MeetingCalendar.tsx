import type { DateSelectArg, EventClickArg, EventDropArg, EventInput } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Alert, Box, Snackbar, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useTheme, type Theme } from '@mui/material/styles';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CalendarEntry } from '../../src-shared/meetings/meeting-views';
import { useCommand, useLiveQuery } from '../bridge/BridgeProvider';
import { errorText } from '../errors/error-text';
import { formatTimeRange } from '../format/date-time';
import { useNavigation } from '../shell/navigation';
import { markWhenPainted } from '../tasks/gantt/paint-mark';
import { calendarThemeSx } from './calendar-theme';
import { useDirectoryNames } from './use-directory-names';

/**
 * Day, week and month views of my meetings, my tasks' due dates and my projects' milestones (or the
 * team's), with FullCalendar's MIT views themed by MUI. Dragging or resizing a meeting I organise
 * moves it (the attendees are told, and anyone busy then is named); clicking opens it.
 */
export function MeetingCalendar({ onCreate }: { onCreate: (startsAt: string, endsAt: string) => void }) {
  const theme = useTheme<Theme>();
  const { go } = useNavigation();
  const names = useDirectoryNames();
  const [view, setView] = useState<'mine' | 'team'>('mine');
  const calendar = useRef<FullCalendar>(null);
  const [range, setRange] = useState<{ from: string; to: string; isMonth: boolean } | null>(null);
  // The month grid shows a few entries per day and "+N more" (the host trims, so a busy month stays small to send and draw).
  const entries = useLiveQuery(
    'meetings/calendar',
    range ? { from: range.from, to: range.to, view, ...(range.isMonth ? { perDay: MONTH_PER_DAY, timeZone: LOCAL_ZONE } : {}) } : { from: '1970-01-01T00:00:00Z', to: '1970-01-01T00:00:00Z', view },
  );
  const update = useCommand('meetings/update');
  const [notice, setNotice] = useState<{ severity: 'warning' | 'error' | 'success'; text: string } | null>(null);

  const events = useMemo<EventInput[]>(() => (range ? (entries.data ?? []).map((e) => toEvent(e, theme.palette)) : []), [entries.data, range, theme.palette]);

  // "Open" for the benchmark: the entries of the range now shown, painted.
  const count = entries.isLoading || !entries.data ? -1 : entries.data.length;
  useEffect(() => {
    if (count < 0 || !range) return;
    return markWhenPainted('labflow:calendar:painted', () => count === 0 || document.querySelector('[data-testid="meeting-calendar"] .fc-event') !== null);
  }, [count, range, entries.data]);

  const move = async (info: EventDropArg | EventResizeDoneArg) => {
    const { event } = info;
    if (!event.start || !event.end) return info.revert();
    const result = await update.run({ id: event.id, scope: 'occurrence', startsAt: event.start.toISOString(), endsAt: event.end.toISOString() });
    if (!result.ok) {
      info.revert();
      return setNotice({ severity: 'error', text: errorText(result.error) });
    }
    const busy = result.value.clashes.filter((c) => c.kind === 'person');
    setNotice(
      busy.length > 0
        ? { severity: 'warning', text: `Moved. Busy then: ${busy.map((c) => `${names(c.whoId)} (${c.title}, ${formatTimeRange(c.startsAt, c.endsAt)})`).join('; ')}.` }
        : { severity: 'success', text: `“${event.title}” moved to ${formatTimeRange(event.start.toISOString(), event.end.toISOString())}. The attendees are told.` },
    );
  };

  return (
    <Box data-testid="meeting-calendar" sx={calendarThemeSx(theme)}>
      <ToggleButtonGroup size="small" exclusive value={view} onChange={(_e, v: 'mine' | 'team' | null) => v && setView(v)} aria-label="Whose calendar" sx={{ mb: 1 }}>
        <ToggleButton value="mine">My calendar</ToggleButton>
        <ToggleButton value="team">Team</ToggleButton>
      </ToggleButtonGroup>
      {entries.error && <Alert severity="error">{errorText(entries.error)}</Alert>}
      <FullCalendar
        ref={calendar}
        plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin]}
        initialView="timeGridWeek"
        headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay' }}
        buttonText={{ today: 'Today', month: 'Month', week: 'Week', day: 'Day' }}
        firstDay={1}
        dayHeaderFormat={{ weekday: 'short', day: 'numeric', month: 'short' }}
        titleFormat={{ day: 'numeric', month: 'short', year: 'numeric' }}
        nowIndicator
        height="auto"
        dayMaxEvents
        scrollTime="08:00:00"
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
        events={events}
        // FullCalendar draws its arrow icons as role="img" with no name inside named buttons: hidden
        // from screen readers, which read the button's own name ("Previous week").
        viewDidMount={(arg) => arg.el.closest('.fc')?.querySelectorAll('.fc-icon[role="img"]').forEach((icon) => icon.setAttribute('aria-hidden', 'true'))}
        datesSet={(arg) => {
          const next = { from: arg.start.toISOString(), to: arg.end.toISOString(), isMonth: arg.view.type === 'dayGridMonth' };
          setRange((r) => (r?.from === next.from && r.to === next.to && r.isMonth === next.isMonth ? r : next));
        }}
        eventOrder="order,start,-duration,allDay,title"
        eventClick={(arg: EventClickArg) => {
          const entry = arg.event.extendedProps as { kind: CalendarEntry['kind']; section: string; itemId: string };
          if (entry.kind === 'more') calendar.current?.getApi().changeView('timeGridDay', entry.itemId);
          else go(entry.section, [entry.itemId]);
        }}
        eventDrop={(arg) => void move(arg)}
        eventResize={(arg) => void move(arg)}
        selectable
        selectMirror
        select={(arg: DateSelectArg) => {
          if (!arg.allDay) onCreate(arg.start.toISOString(), arg.end.toISOString());
          arg.view.calendar.unselect();
        }}
      />
      <Snackbar open={notice !== null} autoHideDuration={8000} onClose={() => setNotice(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        {notice ? <Alert severity={notice.severity} onClose={() => setNotice(null)} data-testid="calendar-notice">{notice.text}</Alert> : undefined}
      </Snackbar>
    </Box>
  );
}

type Palette = Theme['palette'];

const MONTH_PER_DAY = 3;
const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function toEvent(entry: CalendarEntry, palette: Palette): EventInput {
  if (entry.kind === 'more') {
    // Last in its day, in the text colour of links rather than as a meeting.
    return { id: entry.id, title: entry.title, start: entry.start, allDay: true, editable: false, backgroundColor: 'transparent', borderColor: 'transparent', textColor: palette.primary.main, classNames: ['labflow-more'], extendedProps: { kind: entry.kind, section: entry.section, itemId: entry.itemId, order: 1 } };
  }
  const colour = entry.kind === 'task' ? palette.warning.main : entry.kind === 'milestone' ? palette.secondary.main : entry.myResponse === 'declined' || entry.isCancelled ? palette.grey[500] : palette.primary.main;
  return {
    id: entry.id,
    title: entry.isCancelled ? `Cancelled: ${entry.title}` : entry.myResponse === 'needs_action' ? `${entry.title} (not answered)` : entry.title,
    start: entry.start,
    ...(entry.end ? { end: entry.end } : {}),
    allDay: entry.isAllDay,
    editable: entry.canMove,
    backgroundColor: colour,
    borderColor: colour,
    textColor: palette.getContrastText(colour),
    classNames: [`labflow-${entry.kind}`, ...(entry.isCancelled ? ['labflow-cancelled'] : [])],
    extendedProps: { kind: entry.kind, section: entry.section, itemId: entry.itemId, order: 0 },
  };
}
