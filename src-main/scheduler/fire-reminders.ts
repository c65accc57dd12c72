import type { Notice } from '../../src-shared/notifications/notification-plan';
import { firingRecord, summariseMissed, type CatchUpOptions } from '../../src-shared/notifications/summarise';
import type { DueReminder } from '../../src-shared/scheduler/reminder';
import type { HostServices } from '../host/handler-types';
import { insertNew, planNoticeDocuments } from '../notifications/notify';

/**
 * The default way a reminder fires: a notification to its recipient whose id is the reminder id,
 * through the person's preferences. Reminders missed while LabFlow was not running arrive, when
 * there are several of one kind for one person, as one summary entry; each summarised reminder gets
 * a firing record with its own id in the same write, so none of them fires later on its own.
 * Runs inside the write queue. Returns how many reminders were newly recorded.
 */
export async function fireReminders(services: HostServices, reminders: readonly DueReminder[], now: Date, catchUp: CatchUpOptions): Promise<number> {
  const { single, summaries } = summariseMissed(reminders, now, catchUp);
  const notices: Notice[] = single.map((r) => ({
    id: r.id,
    recipientId: r.recipientId,
    event: r.event,
    subject: r.subject,
    body: r.body,
    key: r.key,
    ...(r.link ? { link: r.link } : {}),
  }));
  for (const s of summaries) {
    notices.push({
      id: s.id,
      recipientId: s.recipientId,
      event: s.event,
      subject: s.subject,
      body: s.body,
      ...(s.link ? { link: s.link } : {}),
      summary: { count: s.reminders.length, items: s.reminders.slice(0, 50).map((r) => ({ subject: r.subject, ...(r.link ? { link: r.link } : {}) })) },
    });
  }
  const records = summaries.flatMap((s) => s.reminders.map((r) => firingRecord(r, s.id, now)));
  const written = await insertNew(services, [...(await planNoticeDocuments(services, notices)), ...records]);
  const reminderIds = new Set(reminders.map((r) => r.id));
  return written.filter((d) => reminderIds.has(d.id)).length;
}
