import { escapeHtml } from '../notifications/email-templates';
import { describeWhen } from './meeting-labels';
import type { MeetingDocument } from './meeting-model';

/**
 * The words of meeting emails and notifications: invitations, changes, cancellations and published
 * minutes. People of the lab get them as notifications (in the app, and by email as their
 * preferences say); people outside get the email below, with a link to answer without an account.
 */

export type MeetingNoticeKind = 'invited' | 'changed' | 'cancelled' | 'minutes';

export interface MeetingNoticeText {
  subject: string;
  body: string;
}

export function meetingNoticeText(kind: MeetingNoticeKind, doc: Pick<MeetingDocument, 'title' | 'startsAt' | 'endsAt' | 'data'>, extra: { organiserName: string; place: string; reason?: string; version?: number }): MeetingNoticeText {
  const when = describeWhen(doc.startsAt, doc.data.timeZone, doc.endsAt);
  const where = extra.place ? `\nWhere: ${extra.place}` : '';
  switch (kind) {
    case 'invited':
      return { subject: `Invitation: ${doc.title}`, body: `${extra.organiserName} invites you to “${doc.title}”.\nWhen: ${when}${where}` };
    case 'changed':
      return { subject: `Changed: ${doc.title}`, body: `${extra.organiserName} changed “${doc.title}”.\nNow: ${when}${where}` };
    case 'cancelled':
      return { subject: `Cancelled: ${doc.title}`, body: `${extra.organiserName} cancelled “${doc.title}” (${when}).${extra.reason ? `\nReason: ${extra.reason}` : ''}` };
    case 'minutes':
      return { subject: `Minutes${extra.version && extra.version > 1 ? ` (version ${extra.version})` : ''}: ${doc.title}`, body: `The minutes of “${doc.title}” (${when}) are published. The PDF is attached to the email.` };
  }
}

/** The whole email to someone outside the lab: the notice, and the answer link when the sync server can take answers. */
export function externalEmail(input: { recipientName: string; notice: MeetingNoticeText; replyUrl?: string; labName: string }): { subject: string; text: string; html: string } {
  const greeting = `Hello${input.recipientName ? ` ${input.recipientName}` : ''},`;
  const reply = input.replyUrl ? `Answer the invitation: ${input.replyUrl}` : '';
  const text = [greeting, '', input.notice.body, ...(reply ? ['', reply] : []), '', '-- ', `Sent by LabFlow for ${input.labName}. Your calendar can also add the attached invitation (invite.ics).`].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(input.notice.body).replace(/\n/g, '<br>')}</p>`,
    ...(input.replyUrl ? [`<p><a href="${escapeHtml(input.replyUrl)}">Answer the invitation</a></p>`] : []),
    `<hr><p style="font-size:12px;color:#777">${escapeHtml(`Sent by LabFlow for ${input.labName}. Your calendar can also add the attached invitation (invite.ics).`)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: `[LabFlow] ${input.notice.subject}`.replace(/[\r\n]+/g, ' ').slice(0, 200), text, html };
}
