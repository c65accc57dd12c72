// The benchmark's reference: FullCalendar's month view as it comes, in a trivial wrapper with the
// same events held in memory (no host, no database, no bridge), the same options as LabFlow's
// calendar. LabFlow's month navigation is compared with this one's.
import type { EventInput } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin from '@fullcalendar/interaction';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { createRoot } from 'react-dom/client';
import { whenPainted } from '../../ui/reference/paint-timing';

declare global {
  interface Window {
    mountReference?: (events: { id: string; title: string; start: string; end: string }[], initialDate: string) => Promise<void>;
  }
}

window.mountReference = (events, initialDate) =>
  new Promise((resolve) => {
    const input: EventInput[] = events.map((e) => ({ ...e, backgroundColor: '#1f6f8b', borderColor: '#1f6f8b' }));
    createRoot(document.getElementById('root') as HTMLElement).render(
      <div data-testid="meeting-calendar">
        <FullCalendar
          plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin]}
          initialView="dayGridMonth"
          initialDate={initialDate}
          headerToolbar={{ left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,timeGridDay' }}
          firstDay={1}
          height="auto"
          dayMaxEvents
          editable
          events={input}
          datesSet={() => {
            performance.clearMarks('labflow:calendar:painted');
            void whenPainted(() => document.querySelector('.fc-event') !== null).then(() => performance.mark('labflow:calendar:painted'));
          }}
        />
      </div>,
    );
    void whenPainted(() => document.querySelector('.fc-daygrid-day') !== null).then(() => resolve());
  });
