import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src-main/host/create-host';
import type { SaveMeetingResult } from '../../../src-shared/meetings/meeting-views';
import { instantOfLocal } from '../../../src-shared/meetings/time-zones';
import { startSmtpReceiver, type ReceivedMail } from '../notifications/receivers';
import { addPerson, eventually, openNotificationHost, signIn, signInAdmin } from '../notifications/support';
import { tempDataDir } from '../support/sqlite-host';
import { mailParts, utf8 } from './mail-parts';

let host: Host | undefined;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await host?.close();
  host = undefined;
  for (const close of closers.splice(0)) await close();
});

const settings = (port: number) => ({ host: '127.0.0.1', port, tlsMode: 'none', user: 'labflow', password: 'smtp-secret-42', from: 'labflow@lab.org', fromName: 'LabFlow QC', appUrl: 'https://labflow.lab.org' });

const calendarOf = (mail: ReceivedMail) => {
  const parts = mailParts(mail.raw);
  const alternative = parts.find((p) => /^text\/calendar/i.test(p.contentType));
  const attachment = parts.find((p) => /^application\/ics/i.test(p.contentType));
  return { parts, alternative, attachment, calendar: new ICAL.Component(ICAL.parse(utf8(attachment))) };
};

/** A host sending email to an SMTP receiver on loopback, its administrator signed in, and Bob in the directory. */
async function hostSendingMail() {
  const smtp = await startSmtpReceiver();
  closers.push(smtp.close);
  const opened = await openNotificationHost(tempDataDir());
  host = opened;
  const admin = await signInAdmin(opened);
  expect((await admin.client.call('notifications/set-email-settings', settings(smtp.port))).ok).toBe(true);
  const bobId = await addPerson(admin.client, 'Bob Baker', 'bob@lab.org');
  return { smtp, admin, bobId, host: opened };
}

describe('meeting emails through a real SMTP server on loopback', () => {
  it('invites people of the lab and a guest with the .ics attached, then sends the cancellation', async () => {
    const { smtp, admin, bobId } = await hostSendingMail();
    const startsAt = instantOfLocal('2026-09-14', '10:00', 'Europe/Berlin');
    const created = await admin.client.call<SaveMeetingResult>('meetings/create', {
      title: 'Method transfer; kick-off, part 1',
      type: 'project_review',
      startsAt,
      endsAt: instantOfLocal('2026-09-14', '11:30', 'Europe/Berlin'),
      timeZone: 'Europe/Berlin',
      place: 'Lab 2',
      attendees: [{ personId: bobId }, { email: 'Guest@Partner.org', name: 'Gus Guest', role: 'optional' }],
    });
    if (!created.ok) throw new Error(created.error.message);

    const toBob = await eventually(async () => smtp.mails.find((m) => m.to.includes('bob@lab.org')));
    const toGuest = await eventually(async () => smtp.mails.find((m) => m.to.includes('guest@partner.org')));
    for (const mail of [toBob, toGuest]) {
      expect(mail.raw).toMatch(/^Subject: \[LabFlow\] Invitation: Method transfer; kick-off, part 1$/m);
      const { alternative, attachment, calendar } = calendarOf(mail);
      // What makes Outlook and Gmail show Accept/Decline: text/calendar with method=REQUEST, and the same as invite.ics.
      expect(alternative?.contentType).toMatch(/text\/calendar; charset=utf-8; method=REQUEST/i);
      expect(attachment?.headers).toMatch(/filename=invite\.ics/);
      expect(utf8(alternative).replace(/\r\n/g, '\n').trimEnd()).toBe(utf8(attachment).replace(/\r\n/g, '\n').trimEnd());
      expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      expect(event.uid).toBe(`${created.value.id}@labflow`);
      expect(event.summary).toBe('Method transfer; kick-off, part 1');
      expect(event.startDate.toJSDate().toISOString()).toBe(startsAt);
      expect(event.sequence).toBe(0);
      expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    }
    // The guest has no account: a plain email (no answer link without a sync server to take it).
    expect(utf8(mailParts(toGuest.raw).find((p) => p.contentType.startsWith('text/plain')))).toContain('Hello Gus Guest,');
    expect(utf8(mailParts(toGuest.raw).find((p) => p.contentType.startsWith('text/plain')))).not.toContain('/calendar/reply/');

    // Moving it sends the update with SEQUENCE 1; cancelling sends METHOD:CANCEL with SEQUENCE 2.
    expect((await admin.client.call('meetings/update', { id: created.value.id, startsAt: instantOfLocal('2026-09-14', '14:00', 'Europe/Berlin'), endsAt: instantOfLocal('2026-09-14', '15:00', 'Europe/Berlin') })).ok).toBe(true);
    const update = await eventually(async () => smtp.mails.find((m) => m.to.includes('guest@partner.org') && /Subject: \[LabFlow\] Changed/.test(m.raw)));
    expect(new ICAL.Event(calendarOf(update).calendar.getFirstSubcomponent('vevent')!).sequence).toBe(1);
    expect((await admin.client.call('meetings/cancel', { id: created.value.id, reason: 'Samples not ready' })).ok).toBe(true);
    const cancel = await eventually(async () => smtp.mails.find((m) => m.to.includes('bob@lab.org') && /Subject: \[LabFlow\] Cancelled/.test(m.raw)));
    const cancelled = calendarOf(cancel);
    expect(cancelled.alternative?.contentType).toMatch(/method=CANCEL/i);
    expect(cancelled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const vevent = cancelled.calendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
    expect(vevent.getFirstPropertyValue('uid')).toBe(`${created.value.id}@labflow`);
    expect(utf8(cancelled.parts.find((p) => p.contentType.startsWith('text/plain')))).toContain('Reason: Samples not ready');
  });

  it('emails the published minutes with the PDF attached', async () => {
    const { smtp, admin, bobId, host: mailHost } = await hostSendingMail();
    const created = await admin.client.call<SaveMeetingResult>('meetings/create', {
      title: 'Batch review', type: 'qa_review', timeZone: 'UTC', startsAt: '2026-09-14T10:00:00.000Z', endsAt: '2026-09-14T11:00:00.000Z', attendees: [{ personId: bobId }],
    });
    if (!created.ok) throw new Error(created.error.message);
    await admin.client.call('meetings/decisions/add', { id: created.value.id, text: 'Release batch 42.' });
    expect((await admin.client.call('meetings/minutes/publish', { id: created.value.id })).ok).toBe(true);
    const mail = await eventually(async () => smtp.mails.find((m) => m.to.includes('bob@lab.org') && /Subject: \[LabFlow\] Minutes: Batch review/.test(m.raw)));
    const pdf = mailParts(mail.raw).find((p) => p.contentType.startsWith('application/pdf'));
    expect(pdf?.headers).toMatch(/filename="?Minutes 2026-09-14 Batch review v1\.pdf/);
    expect(pdf?.body.startsWith('%PDF-')).toBe(true);
    const bob = await signIn(mailHost, 'bob@lab.org');
    expect(await bob.call('meetings/minutes/publish', { id: created.value.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
