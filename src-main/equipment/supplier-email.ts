import { hashId } from '../../src-shared/core/hash-id';
import { escapeHtml } from '../../src-shared/notifications/email-templates';
import type { EmailDelivery, StoredNotification } from '../../src-shared/notifications/notification-model';
import type { SupplierData } from '../../src-shared/equipment/supplier-kind';
import type { RenderedDocument } from '../../src-shared/equipment/equipment-views';
import { writeContextOf } from '../projects/project-access';
import type { CommandContext } from '../host/handler-types';
import { tuningOf } from '../notifications/notifications-tuning';

/**
 * Emails a document (RFQ, purchase order; a quotation to a customer) to an organisation through the outbox, the PDF
 * attached: written in the command's step, sent afterwards by the desktop's dispatcher or, in a
 * team, once by the sync server. The id comes from the document and the supplier, so sending the
 * same RFQ again queues nothing twice.
 */
export interface SupplierMail {
  /** The organisation written to: a supplier, or a customer for a quotation (CRM). */
  supplier: { id: string; data: Pick<SupplierData, 'name' | 'email' | 'contactName'> };
  subject: string;
  text: string;
  document: RenderedDocument;
  /** What the email is about, e.g. `rfq:<id>`. */
  key: string;
}

/** Queues the email; false when the supplier has no email address (procurement sends it by hand). */
export async function queueSupplierEmail(context: Pick<CommandContext, 'db' | 'writer' | 'clock' | 'platform' | 'actor' | 'command'>, mail: SupplierMail): Promise<boolean> {
  const to = mail.supplier.data.email;
  if (!to) return false;
  const id = hashId('ob', `${mail.key}|${mail.supplier.id}`);
  if (await context.db.notifications.findOne(id).exec()) return true;
  const at = context.clock().toISOString();
  const toName = mail.supplier.data.contactName || mail.supplier.data.name;
  const html = `<p>Dear ${escapeHtml(toName)},</p>${mail.text.split('\n\n').map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('')}`;
  const data: EmailDelivery = {
    channel: 'email',
    to,
    toName,
    subject: mail.subject.replace(/[\r\n]+/g, ' ').slice(0, 200),
    text: `Dear ${toName},\n\n${mail.text}`,
    html,
    attachments: [{ filename: mail.document.fileName, contentType: mail.document.contentType, contentBase64: mail.document.base64 }],
    idempotencyKey: id,
    attempts: 0,
    maxAttempts: tuningOf(context.platform.notifications).maxAttempts.email,
    log: [],
  };
  const doc: Omit<StoredNotification<EmailDelivery>, 'createdAt' | 'updatedAt' | 'createdBy' | 'updatedBy' | 'auditId'> = {
    id,
    kind: 'outbox',
    recipientId: mail.supplier.id,
    isRead: true,
    at,
    event: 'system',
    status: 'pending',
    dueAt: at,
    data,
  };
  await context.writer.insert('notifications', doc, writeContextOf(context));
  return true;
}
