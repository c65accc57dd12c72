import { describe, expect, it } from 'vitest';
import { linkToHash, linkToUrl, appLinkSchema } from '../../../src-shared/notifications/app-link';
import { renderEmail } from '../../../src-shared/notifications/email-templates';
import { notificationEvents } from '../../../src-shared/notifications/notification-events';

describe('email templates', () => {
  it('give every event a plain-text and an HTML body with the same message and a link back', () => {
    for (const event of notificationEvents) {
      const email = renderEmail({ event, subject: 'Overdue: Weigh', body: 'Was due.', link: { section: 'tasks', itemId: 'T1' }, recipientName: 'Bob', appUrl: 'https://labflow.lab.org/' });
      expect(email.subject).toBe('[LabFlow] Overdue: Weigh');
      expect(email.text).toContain('Hello Bob,');
      expect(email.text).toContain('Open in LabFlow: https://labflow.lab.org/#/tasks/T1');
      expect(email.html).toContain('<a href="https://labflow.lab.org/#/tasks/T1">Open in LabFlow</a>');
      expect(email.html).toContain('Was due.');
    }
  });

  it('escape everything in HTML and keep header injection out of the subject', () => {
    const email = renderEmail({ event: 'mention', subject: 'Hi\r\nBcc: evil@x.org', body: '<script>alert(1)</script> & "quotes"', recipientName: '<b>Eve</b>', appUrl: '' });
    expect(email.subject).toBe('[LabFlow] Hi Bcc: evil@x.org');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(email.html).toContain('&lt;b&gt;Eve&lt;/b&gt;');
    expect(email.text).not.toContain('Open in LabFlow');
  });

  it('list the items of a summary', () => {
    const email = renderEmail({ event: 'task_due', subject: '2 reminders', body: '', recipientName: 'Bob', appUrl: '', summaryItems: [{ subject: 'A' }, { subject: 'B' }] });
    expect(email.text).toContain('- A\n- B');
    expect(email.html).toContain('<li>A</li><li>B</li>');
  });

  it('links only to places inside the app', () => {
    expect(linkToHash({ section: 'workflows', itemId: 'W1' })).toBe('#/workflows/W1');
    expect(linkToUrl('http://127.0.0.1:4780', { section: 'notifications' })).toBe('http://127.0.0.1:4780/#/notifications');
    expect(appLinkSchema.safeParse({ section: 'https://evil.example' }).success).toBe(false);
    expect(appLinkSchema.safeParse({ section: 'tasks', itemId: '../x' }).success).toBe(false);
  });
});
