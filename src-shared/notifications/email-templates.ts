import { linkToUrl, type AppLink } from './app-link';
import { eventLabels, type NotificationEvent } from './notification-events';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface EmailInput {
  event: NotificationEvent;
  subject: string;
  body: string;
  link?: AppLink;
  recipientName: string;
  /** The app's address for links back (email settings); no link without it. */
  appUrl: string;
  summaryItems?: { subject: string }[];
}

/** The line above the message, per event: what happened and why it matters to the reader. */
const lead: Record<NotificationEvent, string> = {
  task_assigned: 'A task was assigned to you.',
  task_status_changed: 'A task you follow changed its status.',
  task_watched: 'A task you follow was discussed, reassigned or rescheduled.',
  task_due: 'A reminder about one of your tasks.',
  meeting_scheduled: 'You were invited to a meeting.',
  meeting_reminder: 'A meeting you attend is about to start.',
  meeting_minutes: 'The minutes of a meeting you attended were published.',
  meeting_minutes_due: 'The minutes of a meeting you organised are not published yet.',
  action_item_due: 'A reminder about an action item from a meeting.',
  sla_violation: 'A workflow step is at risk of missing, or has missed, its service level.',
  workflow_step_entered: 'A workflow step is waiting for you.',
  milestone_approaching: 'A project milestone is approaching.',
  equipment_calibration_due: 'An instrument you are responsible for needs calibration.',
  equipment_maintenance_due: 'An instrument you are responsible for needs maintenance.',
  crm_follow_up: 'A follow-up you planned with a lead or customer is due.',
  crm_quotation_expired: 'A quotation you sent ran past its validity without an answer.',
  training_expiring: 'A training record is running out or has run out.',
  person_left: 'A person’s last day has passed and their LabFlow account was deactivated.',
  budget_threshold: 'A budget you hold has reached 80 % or 100 % of its plan.',
  mention: 'You were mentioned.',
  system: 'A message from your LabFlow administrator.',
};

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Header values must not carry line breaks (header injection); subjects are also kept short. */
const headerSafe = (text: string): string => text.replace(/[\r\n]+/g, ' ').trim().slice(0, 200);

/**
 * The email for one notification, as plain text and HTML with the same content. All content is
 * escaped; the only link is back into LabFlow, built from the app's address and the notification's
 * in-app link.
 */
export function renderEmail(input: EmailInput): EmailContent {
  const url = input.link && input.appUrl ? linkToUrl(input.appUrl, input.link) : undefined;
  const items = input.summaryItems ?? [];
  const footer = `You receive this because of your LabFlow notification preferences (“${eventLabels[input.event]}”). Change them in LabFlow under Notifications → Preferences.`;
  const text = [
    `Hello ${input.recipientName},`,
    '',
    lead[input.event],
    '',
    input.subject,
    input.body,
    ...(items.length ? ['', ...items.map((i) => `- ${i.subject}`)] : []),
    ...(url ? ['', `Open in LabFlow: ${url}`] : []),
    '',
    '-- ',
    footer,
  ].join('\n');
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#222">',
    `<p>Hello ${escapeHtml(input.recipientName)},</p>`,
    `<p style="color:#555">${escapeHtml(lead[input.event])}</p>`,
    `<h2 style="font-size:18px;margin:16px 0 8px">${escapeHtml(input.subject)}</h2>`,
    `<p>${escapeHtml(input.body).replace(/\n/g, '<br>')}</p>`,
    ...(items.length ? [`<ul>${items.map((i) => `<li>${escapeHtml(i.subject)}</li>`).join('')}</ul>`] : []),
    ...(url ? [`<p><a href="${escapeHtml(url)}">Open in LabFlow</a></p>`] : []),
    `<hr><p style="font-size:12px;color:#777">${escapeHtml(footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { subject: headerSafe(`[LabFlow] ${input.subject}`), text, html };
}
