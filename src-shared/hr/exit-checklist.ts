import type { ExitData } from './exit-kind';

/**
 * The exit checklist HR starts from when recording an exit: keys and badge, one line per instrument
 * the person is custodian of and per open task assigned to them (each handed over in place, to a
 * colleague HR names), the exit interview and the final settlement handed to finance. The account's
 * deactivation is not a line: it happens by itself after the last day (exit-access.ts). Pure.
 */
export type ChecklistItem = ExitData['checklist'][number];

export interface Holdings {
  instruments: readonly { id: string; title: string }[];
  tasks: readonly { id: string; title: string }[];
}

/** Item ids say what an item hands over: `i:<record id>` an instrument, `t:<task id>` a task. */
export const handoverOf = (itemId: string): { what: 'instrument' | 'task'; id: string } | null =>
  itemId.startsWith('i:') ? { what: 'instrument', id: itemId.slice(2) } : itemId.startsWith('t:') ? { what: 'task', id: itemId.slice(2) } : null;

export const settlementItemId = 'settlement';
export const interviewItemId = 'interview';

export function exitChecklist(holdings: Holdings): ChecklistItem[] {
  return [
    { id: 'keys', label: 'Return keys, access badge and lab coat', owner: 'hr', doneOn: '' },
    ...holdings.instruments.map((i) => ({ id: `i:${i.id}`, label: `Hand over instrument ${i.title}`, owner: 'manager', doneOn: '' })),
    ...holdings.tasks.map((t) => ({ id: `t:${t.id}`, label: `Hand over task ${t.title}`.slice(0, 300), owner: 'manager', doneOn: '' })),
    { id: interviewItemId, label: 'Hold the exit interview', owner: 'hr', doneOn: '' },
    { id: settlementItemId, label: 'Hand the final settlement to finance', owner: 'hr', doneOn: '' },
  ];
}

/** The checklist with one item ticked off (or reopened with ''), the others as they were. */
export const tickItem = (checklist: readonly ChecklistItem[], itemId: string, doneOn: string): ChecklistItem[] =>
  checklist.map((i) => (i.id === itemId ? { ...i, doneOn } : i));
