import type { ActionStatus } from '../../src-shared/meetings/action-items';
import type { AttendeeResponse } from '../../src-shared/meetings/meeting-model';

export { actionStatusLabels } from '../../src-shared/meetings/action-items';
export { attendanceLabels, meetingTypeLabels, responseLabels, roleLabels, weekdayLabels, frequencyLabels } from '../../src-shared/meetings/meeting-labels';

/** Chip colours of answers and action statuses. */
export const responseTone: Record<AttendeeResponse, 'default' | 'success' | 'warning' | 'error'> = { needs_action: 'default', accepted: 'success', tentative: 'warning', declined: 'error' };
export const actionTone: Record<ActionStatus, 'default' | 'info' | 'success' | 'error'> = { open: 'default', in_progress: 'info', done: 'success', cancelled: 'error' };

/** Time zones people pick from: the runtime's list, the reader's own first. */
export function timeZoneOptions(own: string): string[] {
  const all = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [own, 'UTC'];
  return [own, ...all.filter((z) => z !== own)];
}
