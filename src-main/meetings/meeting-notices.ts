import { randomBytes } from 'node:crypto';
import { hashFeedToken } from '../../src-shared/meetings/calendar-settings';
import { meetingInvitation } from '../../src-shared/meetings/ical/ical-calendar';
import { locationOf } from '../../src-shared/meetings/ical/ical-event';
import { externalEmail, meetingNoticeText, type MeetingNoticeKind } from '../../src-shared/meetings/invitation-email';
import { attendeeKey, type MeetingDocument } from '../../src-shared/meetings/meeting-model';
import type { CalendarPart, EmailAttachment, EmailDelivery, StoredNotification } from '../../src-shared/notifications/notification-model';
import { outboxId } from '../../src-shared/notifications/notification-plan';
import type { CommandContext } from '../host/handler-types';
import { readEmailSettings } from '../notifications/notification-store';
import { tuningOf } from '../notifications/notifications-tuning';
import { insertNew, notify } from '../notifications/notify';
import { createSyncSettingsStore } from '../sync/sync-settings-store';
import { appUrlOf, icalContextOf, readDirectory } from './meeting-directory';

/**
 * Telling attendees: an invitation or change (iTIP REQUEST), a cancellation (CANCEL) or published
 * minutes (with the PDF). People of the lab are notified through `notify` (in the app, and by email
 * with the calendar object attached as their preferences say: `meeting_scheduled` and
 * `meeting_minutes`); people outside the lab get an email in the outbox, with a link to answer when
 * a sync server can take the answer. Nothing here touches the network: the outbox sends later
 * (the desktop alone, the sync server in a team).
 */

export interface MeetingTold {
  /** The meeting told about: a one-off meeting, a series, or one occurrence's own document. */
  doc: MeetingDocument;
  /** For an occurrence: its series. For a series: its occurrence documents. */
  series: MeetingDocument | null;
  occurrences: readonly MeetingDocument[];
}

export interface TellOptions {
  reason?: string;
  version?: number;
  attachments?: EmailAttachment[];
  /** Answer-link tokens of external attendees, by address (issueReplyTokens). */
  replyTokens?: ReadonlyMap<string, string>;
}

/** Where external attendees answer: the team's sync server, or nowhere on a PC without one. */
export async function replyBaseUrl(context: CommandContext): Promise<string> {
  const settings = await createSyncSettingsStore(context.db).load();
  return settings?.serverUrl ? settings.serverUrl.replace(/\/+$/, '') : '';
}

/**
 * New answer-link tokens for the meeting's external attendees: the meeting keeps only their hashes
 * (`replyTokenHash`), the tokens go into this invitation's emails. A new invitation makes new
 * links; older ones stop working. None without a sync server to answer to.
 */
export function issueReplyTokens(doc: MeetingDocument, hasServer: boolean): { doc: MeetingDocument; tokens: Map<string, string> } {
  const tokens = new Map<string, string>();
  if (!hasServer) return { doc, tokens };
  const attendees = doc.data.attendees.map((attendee) => {
    if (attendee.personId || !attendee.email || attendee.response !== 'needs_action') return attendee;
    const token = randomBytes(32).toString('base64url');
    tokens.set(attendee.email, token);
    return { ...attendee, replyTokenHash: hashFeedToken(token) };
  });
  return { doc: { ...doc, data: { ...doc.data, attendees } }, tokens };
}

function calendarPartOf(kind: MeetingNoticeKind, told: MeetingTold, context: Parameters<typeof meetingInvitation>[2]): CalendarPart | undefined {
  if (kind === 'minutes') return undefined;
  const method = kind === 'cancelled' ? 'CANCEL' : 'REQUEST';
  const isOccurrence = told.doc.seriesId !== '' && told.series !== null;
  const item = isOccurrence ? { meeting: told.series!, occurrences: [told.doc] } : { meeting: told.doc, occurrences: told.occurrences };
  return { method, filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', content: meetingInvitation(method, item, context, isOccurrence ? told.doc : undefined) };
}

/** Notifies the attendees (all but the one acting) and queues emails to those outside the lab. */
export async function tellAttendees(context: CommandContext, kind: MeetingNoticeKind, told: MeetingTold, options: TellOptions = {}): Promise<{ externalEmails: number }> {
  const directory = await readDirectory(context.db);
  const now = context.clock();
  const appUrl = await appUrlOf(context);
  const ical = icalContextOf(directory, now, appUrl);
  const { doc } = told;
  const organiserName = directory.people.get(doc.organiserId)?.name ?? 'The organiser';
  const notice = meetingNoticeText(kind, doc, { organiserName, place: locationOf(doc, ical), ...(options.reason ? { reason: options.reason } : {}), ...(options.version ? { version: options.version } : {}) });
  const calendar = calendarPartOf(kind, told, ical);
  const stamp = kind === 'minutes' ? `v${options.version ?? 1}` : `seq${doc.data.sequence}`;
  const key = `meeting:${doc.id}:${kind}:${stamp}`;
  const everyone = doc.data.attendees.filter((a) => kind === 'cancelled' || kind === 'minutes' || a.response !== 'declined');
  const people = everyone.flatMap((a) => (a.personId && a.personId !== context.actor.id ? [a.personId] : []));
  if (people.length > 0) {
    await notify(context, {
      event: kind === 'minutes' ? 'meeting_minutes' : 'meeting_scheduled',
      recipientIds: people,
      subject: notice.subject,
      body: notice.body,
      link: { section: 'meetings', itemId: doc.id },
      key,
      actor: context.actor,
      ...(calendar ? { calendar } : {}),
      ...(options.attachments ? { attachments: options.attachments } : {}),
    });
  }
  const outsiders = everyone.filter((a) => !a.personId && a.email);
  const emailSettings = outsiders.length > 0 ? await readEmailSettings(context.db) : null;
  if (!emailSettings) return { externalEmails: 0 };
  const replyBase = await replyBaseUrl(context);
  const at = now.toISOString();
  const maxAttempts = tuningOf(context.platform.notifications).maxAttempts.email;
  const docs: StoredNotification[] = outsiders.map((attendee) => {
    const email = attendee.email as string;
    const id = outboxId(`${key}|${attendeeKey(attendee)}`, 'email');
    const token = options.replyTokens?.get(email);
    const content = externalEmail({
      recipientName: attendee.name,
      notice,
      labName: emailSettings.data.fromName || 'the lab',
      ...(token && replyBase && kind !== 'cancelled' && kind !== 'minutes' ? { replyUrl: `${replyBase}/calendar/reply/${doc.id}?t=${token}` } : {}),
    });
    const data: EmailDelivery = {
      channel: 'email',
      to: email,
      toName: attendee.name,
      ...content,
      ...(calendar ? { calendar } : {}),
      ...(options.attachments ? { attachments: options.attachments } : {}),
      meetingId: doc.id,
      idempotencyKey: id,
      attempts: 0,
      maxAttempts,
      log: [],
    };
    // Addressed to the organiser's delivery list (they see whether it went out); the server checks `to` against the meeting.
    return { id, kind: 'outbox', recipientId: context.actor.id, isRead: true, at, event: 'meeting_scheduled', status: 'pending', dueAt: at, data, createdAt: at, updatedAt: at, createdBy: context.actor.id, updatedBy: context.actor.id, auditId: 'none' };
  });
  const written = await insertNew(context, docs);
  return { externalEmails: written.length };
}
