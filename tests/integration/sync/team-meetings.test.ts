import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmailSettingsView } from '../../../src-shared/notifications/notification-views';
import type { CalendarSettingsView, MeetingDetail, SaveMeetingResult } from '../../../src-shared/meetings/meeting-views';
import { issueSetupToken } from '../../../sync-server/auth/bootstrap';
import { createServerLogger } from '../../../sync-server/logger';
import { configuredOutboxDispatcher } from '../../../sync-server/outbox/configured-dispatcher';
import { startOutboxWorker } from '../../../sync-server/outbox/outbox-worker';
import { mailParts, utf8 } from '../meetings/mail-parts';
import { startSmtpReceiver } from '../notifications/receivers';
import { tempDataDir } from '../support/sqlite-host';
import { startDesktop, type Desktop } from './support/desktop-driver';
import { waitUntil } from './support/wait';
import { openTestDatabase, startTestServer, type TestServer } from './support/test-server';

/**
 * A meeting in team mode, end to end: the organiser's PC (own process and SQLite) schedules it
 * with a guest from outside; the invitation with its .ics goes through the sync server's outbox to
 * a real SMTP server; the guest answers from the link in it, served by the sync server; the answer
 * reaches the organiser's PC. The organiser's calendar feed is served by the server and refused
 * once the link is revoked.
 */
const ada = { name: 'Ada Admin', email: 'ada@lab.org', password: 'ada password 123' };
const smtpLogin = { user: 'labflow', pass: 'smtp-secret-42' };

let server: TestServer;
let worker: ReturnType<typeof startOutboxWorker>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let pc: Desktop;

const value = async <T,>(name: string, input: unknown = {}): Promise<T> => {
  const result = await pc.query<T>(name, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase(), listen: true });
  worker = startOutboxWorker({ db: server.db, dispatcher: configuredOutboxDispatcher({ db: server.db, outboxKey: server.services.outboxKey.pair, timeoutMs: 3_000 }), log: createServerLogger('silent'), intervalMs: 100 });
  smtp = await startSmtpReceiver(smtpLogin);
  pc = await startDesktop(tempDataDir(), { LABFLOW_SYNC_RETRY_MS: '300' });
  expect((await pc.call('auth/create-administrator', ada)).ok).toBe(true);
  expect((await pc.call<EmailSettingsView>('notifications/set-email-settings', { host: '127.0.0.1', port: smtp.port, tlsMode: 'none', user: smtpLogin.user, password: smtpLogin.pass, from: 'labflow@lab.org' })).ok).toBe(true);
  const setupToken = (await issueSetupToken(server.db))!;
  expect(await pc.call('sync/connect', { serverUrl: server.url, ...ada, setupToken })).toMatchObject({ ok: true });
  await waitUntil(async () => (await value<EmailSettingsView>('notifications/email-settings')).serverAccess === 'sealed', 'the SMTP password sealed for the server');
  // A hang guard: a desktop process, a server and an SMTP receiver starting on a loaded machine took over the 60 s default.
}, 240_000);
afterAll(async () => {
  await pc?.close();
  await worker?.stop();
  await smtp?.close();
  await server?.close();
});

describe('meetings in team mode', () => {
  it('sends the invitation through the server with its .ics, and takes the guest\'s answer from the link in it', async () => {
    const created = await pc.call<SaveMeetingResult>('meetings/create', {
      title: 'Supplier audit planning', type: 'project_review', timeZone: 'Europe/Berlin',
      startsAt: '2026-10-05T08:00:00.000Z', endsAt: '2026-10-05T09:00:00.000Z',
      attendees: [{ email: 'auditor@supplier.example', name: 'Alex Auditor' }],
    });
    if (!created.ok) throw new Error(created.error.message);
    const mail = await waitUntil(async () => smtp.mails.find((m) => m.to.includes('auditor@supplier.example')), 'the invitation through the server');
    const parts = mailParts(mail.raw);
    const ics = parts.find((p) => /^application\/ics/i.test(p.contentType));
    expect(ics?.headers).toMatch(/filename=invite\.ics/);
    const calendar = new ICAL.Component(ICAL.parse(utf8(ics)));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('uid')).toBe(`${created.value.id}@labflow`);
    expect(parts.some((p) => /^text\/calendar.*method=REQUEST/i.test(p.contentType))).toBe(true);

    // The answer link points at the sync server and works without an account.
    const text = utf8(parts.find((p) => p.contentType.startsWith('text/plain')));
    const link = /Answer the invitation: (\S+)/.exec(text)?.[1];
    expect(link?.startsWith(`${server.url}/calendar/reply/${created.value.id}?t=`)).toBe(true);
    const page = await fetch(link!);
    expect(page.status).toBe(200);
    const token = new URL(link!).searchParams.get('t')!;
    const answered = await fetch(`${server.url}/calendar/reply/${created.value.id}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `t=${token}&response=accepted` });
    expect(answered.status).toBe(200);
    await waitUntil(async () => (await value<MeetingDetail>('meetings/detail', { id: created.value.id })).attendees.find((a) => a.email === 'auditor@supplier.example')?.response === 'accepted', 'the answer on the PC');
  });

  it('serves the organiser\'s calendar feed from the server until the link is revoked', async () => {
    const feed = await pc.call<{ feedId: string; url: string }>('calendar/create-feed', { label: 'Phone' });
    if (!feed.ok) throw new Error(feed.error.message);
    expect(feed.value.url).toMatch(new RegExp(`^${server.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const served = await waitUntil(async () => {
      const response = await fetch(feed.value.url);
      return response.status === 200 ? response : undefined;
    }, 'the feed on the server');
    const body = await served.text();
    expect(body).toContain('SUMMARY:Supplier audit planning');
    expect(served.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect((await fetch(feed.value.url, { headers: { 'if-none-match': served.headers.get('etag')! } })).status).toBe(304);

    const settings = await pc.call<CalendarSettingsView>('calendar/revoke-feed', { feedId: feed.value.feedId });
    expect(settings.ok && settings.value.feeds[0]?.revokedAt).toBeTruthy();
    await waitUntil(async () => ((await fetch(feed.value.url)).status === 404 ? true : undefined), 'the revoked link refused');
  });
});
