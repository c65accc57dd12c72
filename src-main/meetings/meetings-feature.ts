import type { HostFeature } from '../host/feature';
import { actionCommandHandlers } from './action-handlers';
import { agendaCommandHandlers } from './agenda-handlers';
import { calendarCommandHandlers, calendarQueryHandlers } from './calendar-handlers';
import { meetingCommandHandlers } from './meeting-handlers';
import { meetingQueryHandlers } from './meeting-queries';
import { minutesCommandHandlers } from './minutes-handlers';

/**
 * Meetings (src-shared/meetings/meeting-contract.ts): scheduling, answers, agendas, minutes,
 * action items, the calendar and calendar files. Its reminders are scheduler rules
 * (scheduler/reminder-rules.ts: meeting reminders, minutes not published, action items due).
 */
export const meetingsFeature: HostFeature = {
  name: 'meetings',
  commands: { ...meetingCommandHandlers, ...agendaCommandHandlers, ...minutesCommandHandlers, ...actionCommandHandlers, ...calendarCommandHandlers },
  queries: { ...meetingQueryHandlers, ...calendarQueryHandlers },
};
