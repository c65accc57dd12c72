import type { TaskStatus } from '../../../src-shared/tasks/task-model';
import { statusLabel } from '../task-labels';

/**
 * What a screen reader hears while a card is dragged. The drag library's own sentences name the
 * internal list ids ("moved … to list |in_progress") and announce a drop as done before the host
 * has answered; these name the columns and leave the outcome to `moveOutcome`.
 */
export const boardAnnouncements = {
  pickedUp: (title: string, from: TaskStatus) =>
    `Picked up “${title}” in ${statusLabel[from]}. Arrow keys move it between columns, Space drops it, Escape puts it back.`,
  over: (title: string, to: TaskStatus | null, position: number) =>
    to ? `“${title}” is over ${statusLabel[to]}, position ${position}.` : `“${title}” is not over a column.`,
  putBack: (title: string, from: TaskStatus) => `“${title}” was put back in ${statusLabel[from]}.`,
  dropped: (title: string, to: TaskStatus) => `Moving “${title}” to ${statusLabel[to]}…`,
};

/** The result of a move as said to the person: done, or refused with the host's reason. */
export function moveOutcome(title: string, to: TaskStatus, refusal: string | null): string {
  return refusal === null ? `“${title}” moved to ${statusLabel[to]}.` : `“${title}” was not moved to ${statusLabel[to]}: ${refusal}`;
}
