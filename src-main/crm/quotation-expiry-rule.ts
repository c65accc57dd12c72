import { labDayOf, quotationExpiryReminder, quotationsToExpire, type ExpirySource } from '../../src-shared/crm/quotation-expiry';
import { quotationKind } from '../../src-shared/crm/quotation-kind';
import type { DueReminder } from '../../src-shared/scheduler/reminder';
import { labflowActor } from '../../src-shared/records/labflow-actor';
import type { LabDatabase } from '../database/open-database';
import { changeRecord } from '../records/module-records';
import { SYSTEM_ACTOR, type CommandContext, type HostServices } from '../host/handler-types';
import { insertNew, planNoticeDocuments } from '../notifications/notify';
import { readRecord } from '../records/record-store';
import type { ReminderRule } from '../scheduler/reminder-rule';
import { changedDocumentsOf } from '../scheduler/rules/changed-documents';
import { hostUtcOffsetMinutes } from '../scheduler/rules/local-time';

type QuotationDoc = ExpirySource & { kind?: string; _deleted?: boolean };


const remindersOf = (quotations: readonly QuotationDoc[], now: Date): DueReminder[] =>
  quotations.filter((q) => q.kind === 'quotation' && !q._deleted).flatMap((q) => quotationExpiryReminder(q, hostUtcOffsetMinutes(now)) ?? []);

/**
 * Expires each reminder's quotation when it is still sent and past its validity (one accepted,
 * revised or removed meanwhile is left alone), then tells the owner with a notice whose id is the
 * reminder's — the firing record. A crash between the two writes leaves an expired quotation whose
 * reminder has not fired: derived again on start, it finds the quotation expired and only notifies.
 */
async function expire(services: HostServices, reminders: readonly DueReminder[], now: Date): Promise<void> {
  // Background work writes through the same record writer a command uses, as LabFlow itself (no session).
  const context = { ...services, actor: SYSTEM_ACTOR, session: null, command: 'scheduler/quotation-expiry' } as unknown as CommandContext;
  const today = labDayOf(now, hostUtcOffsetMinutes(now));
  const told: DueReminder[] = [];
  for (const r of reminders) {
    const stored = r.about ? await readRecord(services.db, r.about) : null;
    if (!stored || stored.doc.kind !== 'quotation') continue;
    const quotation = stored.doc as unknown as QuotationDoc;
    if (quotationsToExpire([quotation], today).length === 1) {
      const expired = await changeRecord(context, quotationKind, labflowActor, stored.doc, { status: 'expired' });
      if (!expired.ok) {
        services.log.warn('a quotation could not be expired', { quotationId: quotation.id, reason: expired.error.message });
        continue;
      }
    } else if (quotation.status !== 'expired') continue;
    told.push(r);
  }
  await insertNew(services, await planNoticeDocuments(services, told.map((r) => ({ id: r.id, recipientId: r.recipientId, event: r.event, subject: r.subject, body: r.body, key: r.key, ...(r.link ? { link: r.link } : {}) }))));
}

async function quotationsIn(db: LabDatabase): Promise<QuotationDoc[]> {
  const docs = await db.records.find({ selector: { kind: 'quotation', status: { $in: ['sent', 'expired'] } } }).exec();
  return docs.map((d) => d.toJSON() as QuotationDoc);
}

/**
 * Quotation expiry by the scheduler: a sent quotation goes `expired` the morning after its last
 * valid day (the host's zone) and its owner is told, once — the reminder's id depends only on the
 * quotation (src-shared/crm/quotation-expiry.ts), and its notice is the firing record.
 */
export function createQuotationExpiryRule(): ReminderRule {
  return {
    kind: 'crm_quotation_expiry',
    watches: ['records'],
    derive: async (db, now) => remindersOf(await quotationsIn(db), now),
    incremental: {
      ownerOf: (r) => r.about ?? '',
      async deriveFor(db, changed, now) {
        const { owners, docs } = await changedDocumentsOf<QuotationDoc>(db, changed, 'records');
        return { owners, reminders: remindersOf(docs, now) };
      },
    },
    fire: (services, reminders, now) => expire(services, reminders, now),
  };
}
