import { formatDay } from '../format/display-format';
import { dueInstant } from '../scheduler/due-time';
import { reminder, type DueReminder } from '../scheduler/reminder';
import { accessEndsOn, type ExitFacts } from './exit-access';
import { recordTextPlace } from './hr-who';

/**
 * The moment a leaving person's access ends, as scheduler reminders: one per live exit and HR
 * person, due at midnight (the lab's offset) after the last day. Firing one deactivates the person
 * on the PC and tells HR (src-main/hr/exit-deactivation-rule.ts); its id is a function of the exit
 * and the last day only, so it fires once across restarts and PCs, and a moved last day derives a
 * new one. Pure.
 */
export interface ExitForReminders extends ExitFacts {
  id: string;
  personId: string;
  personName: string;
  data: { lastDay?: unknown };
}

export const exitReminderKind = 'exit_access';

export function exitReminders(exits: readonly ExitForReminders[], hrIds: readonly string[], utcOffsetMinutes: number): DueReminder[] {
  return exits.flatMap((exit) => {
    const ends = accessEndsOn([exit]);
    const dueAtMs = ends ? dueInstant(ends, { dueTimeOfDay: '00:00', utcOffsetMinutes }) : undefined;
    if (!ends || dueAtMs === undefined) return [];
    const lastDay = String(exit.data.lastDay);
    const key = `exit:${exit.id}:${lastDay}`;
    return [...new Set(hrIds)].map((recipientId) =>
      reminder({
        key: `${key}:${recipientId}`,
        kind: exitReminderKind,
        series: `${key}:${recipientId}`,
        dueAt: new Date(dueAtMs).toISOString(),
        recipientId,
        event: 'person_left',
        subject: `${exit.personName}'s LabFlow account is deactivated`,
        body: `${exit.personName}'s last day was ${formatDay(lastDay, recordTextPlace)}. Their account and sync access ended at midnight; finish the exit checklist in HR → Exits.`,
        link: { section: 'hr' },
        about: exit.id,
      }),
    );
  });
}

/** The person whose access a fired reminder ends: the exit it is about, found in `exits`. */
export const personOfReminder = (r: Pick<DueReminder, 'about'>, exits: readonly ExitForReminders[]): string | null =>
  exits.find((e) => e.id === r.about)?.personId ?? null;
