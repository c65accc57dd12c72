import { exitReminderKind, exitReminders, personOfReminder, type ExitForReminders } from '../../src-shared/hr/exit-reminders';
import { defaultCatchUp } from '../../src-shared/notifications/summarise';
import type { LabDatabase } from '../database/open-database';
import { SYSTEM_ACTOR } from '../host/handler-types';
import type { ReminderRule } from '../scheduler/reminder-rule';
import { fireReminders } from '../scheduler/fire-reminders';
import { hostUtcOffsetMinutes } from '../scheduler/rules/local-time';

/** The exit records on this PC (HR's PCs and the leaving person's own), with the person's name. */
async function exitsOn(db: LabDatabase): Promise<ExitForReminders[]> {
  const docs = await db.records.find({ selector: { kind: 'exit' } }).exec();
  const people = await db.people.findByIds([...new Set(docs.map((d) => String(d.get('personId'))))]).exec();
  return docs.map((d) => {
    const personId = String(d.get('personId'));
    return { id: d.id, personId, personName: String(people.get(personId)?.get('name') ?? 'A colleague'), status: String(d.get('status')), data: d.get('data') as { lastDay?: unknown } };
  });
}

/** Who is told: the active HR people, or the administrators where nobody holds the HR role. */
async function recipientsOn(db: LabDatabase): Promise<string[]> {
  const active = (await db.people.find({ selector: { kind: 'person', isActive: true } }).exec()).map((p) => ({ id: p.id, roles: (p.get('roles') as string[]) ?? [] }));
  const hr = active.filter((p) => p.roles.includes('hr'));
  return (hr.length > 0 ? hr : active.filter((p) => p.roles.includes('admin'))).map((p) => p.id);
}

/**
 * After a leaving person's last day (src-shared/hr/exit-reminders.ts): the person is deactivated on
 * this PC — signed-in sessions end and nobody can sign in as them here — and HR is told, once by
 * reminder id across restarts. Deactivating is idempotent (an inactive person is left alone), and
 * recorded in the same write-queue step as the notices, so a crash between them repeats only the
 * deactivation, which is then a no-op. The sync server ends their access by itself on the same day
 * (sync-server/auth/people-directory.ts), whether or not any PC ran this.
 */
export function createExitDeactivationRule(settings: { utcOffsetMinutes?: number } = {}): ReminderRule {
  const utcOffsetMinutes = settings.utcOffsetMinutes ?? hostUtcOffsetMinutes();
  return {
    kind: exitReminderKind,
    watches: ['records', 'people'],
    derive: async (db) => exitReminders(await exitsOn(db), await recipientsOn(db), utcOffsetMinutes),
    async fire(services, reminders, now) {
      const exits = await exitsOn(services.db);
      const leaving = new Set(reminders.map((r) => personOfReminder(r, exits)).filter((id): id is string => id !== null));
      for (const personId of leaving) {
        const person = await services.db.people.findOne(personId).exec();
        if (person?.get('isActive') !== true) continue;
        await services.writer.update('people', personId, { isActive: false }, { actor: SYSTEM_ACTOR, command: 'hr/exit-deactivation', now });
      }
      await fireReminders(services, reminders, now, defaultCatchUp);
    },
  };
}
