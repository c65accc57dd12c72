import { afterEach, describe, expect, it } from 'vitest';
import { hostUtcOffsetMinutes } from '../../../src-main/scheduler/rules/local-time';
import type { RecordView } from '../../../src-shared/records/record-contract';
import { dueInstant } from '../../../src-shared/scheduler/due-time';
import type { CommentView } from '../../../src-shared/tasks/task-views';
import { openCrmHost, type CrmHost } from '../crm/crm-host';
import { eventually, steppedClock } from '../notifications/support';
import { startSmtpReceiver } from '../notifications/receivers';
import { value } from '../tasks/project-fixture';

/**
 * Overdue reminders on a real host to a real SMTP server on loopback: at finance's intervals after
 * the due date (settings refuse bad ones), an issued invoice still owing is emailed again to the
 * customer's contact with its PDF, the invoice's history says so, and nothing is sent twice across
 * a restart; a paid invoice is never reminded.
 */
let crm: CrmHost | undefined;
const closers: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  await crm?.close();
  crm = undefined;
  for (const close of closers.splice(0).reverse()) await close();
});

const nineAm = (day: string) => dueInstant(day, { dueTimeOfDay: '09:00', utcOffsetMinutes: hostUtcOffsetMinutes() })!;
const lines = [{ id: 'l1', description: 'Stability study, 4 batches', quantity: 4, unit: 'batch', unitPriceMinor: 125_000, discountPercent: 0, taxRatePercent: 0 }];

describe('overdue reminders to customers', { timeout: 240_000 }, () => {
  it('emails the invoice PDF at each interval after the due date, once across a restart, and never for a paid invoice', async () => {
    const smtp = await startSmtpReceiver();
    closers.push(smtp.close);
    const time = steppedClock('2026-05-04T06:00:00.000Z');
    crm = await openCrmHost({ clock: time.clock, platform: { monotonic: time.monotonic } });
    value(await crm.admin.client.call('notifications/set-email-settings', { host: '127.0.0.1', port: smtp.port, tlsMode: 'none', user: 'labflow', password: 'smtp-secret-42', from: 'finance@lab.org', fromName: 'Lab Finance', appUrl: 'https://labflow.lab.org' }));
    const { client: fay } = await crm.person('Fay Finance', 'fay@lab.org', ['finance']);

    // Finance's intervals: whole days after the due date, each once.
    const settings = (overdueReminderDays: unknown) => fay.call<RecordView>('records/create', { kind: 'expense_settings', data: { overdueReminderDays } });
    expect(await settings([0, 7])).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'data.overdueReminderDays.0' } });
    expect(await settings([7, 7])).toMatchObject({ ok: false, error: { field: 'data.overdueReminderDays', message: 'Each interval once.' } });
    expect(await settings([7.5])).toMatchObject({ ok: false, error: { field: 'data.overdueReminderDays.0' } });
    value(await settings([7, 14]));

    const sales = crm.admin.client;
    const customer = value(await sales.call<RecordView>('records/create', { kind: 'organisation', data: { name: 'Nordpharma GmbH', roles: ['customer'], email: 'ap@nordpharma.example' } }));
    const contact = value(await sales.call<RecordView>('records/create', { kind: 'contact', data: { organisationId: customer.id, firstName: 'Sara', lastName: 'Lind', email: 'sara.lind@nordpharma.example' } }));
    const invoice = async (extra: Record<string, unknown> = {}) => {
      const draft = value(await fay.call<RecordView>('records/create', { kind: 'invoice', data: { organisationId: customer.id, contactId: contact.id, currency: 'EUR', lines, total: { amountMinor: 500_000, currency: 'EUR' }, paymentTermsDays: 14, ...extra } }));
      return value(await fay.call<RecordView>('finance/invoices/issue', { id: draft.id, issuedOn: '2026-05-04' }));
    };
    const owing = await invoice();
    const paid = await invoice();
    value(await fay.call('finance/payments/record', { organisationId: customer.id, amount: { amountMinor: 500_000, currency: 'EUR' }, paidOn: '2026-05-10', allocations: [{ invoiceId: paid.id, amountMinor: 500_000 }] }));

    const reminders = () => smtp.mails.filter((m) => /^Subject: Reminder: invoice INV-2026-000\d is overdue$/m.test(m.raw));
    const outboxReminders = async () => (await crm!.host.db.notifications.find({ selector: { kind: 'outbox' } }).exec()).filter((d) => String((d.get('data') as { subject?: string }).subject).startsWith('Reminder:'));

    // Due 18 May: nothing a minute before 25 May, 09:00; then the 7-day reminder for the invoice still owing.
    time.advance(nineAm('2026-05-25') - 60_000 - time.clock().getTime());
    await crm.host.whenIdle();
    expect(await outboxReminders()).toHaveLength(0);
    time.advance(120_000);
    await crm.host.whenIdle();
    const first = await eventually(async () => reminders()[0], 60_000);
    expect(first.to).toEqual(['sara.lind@nordpharma.example']);
    expect(first.raw).toMatch(/^Subject: Reminder: invoice INV-2026-0001 is overdue$/m);
    expect(first.raw).toMatch(/Content-Disposition: attachment; filename="?Invoice-INV-2026-0001\.pdf"?/);
    expect(first.raw.replace(/=\r?\n/g, '')).toContain('is 7 days overdue');
    const comments = value(await fay.subscribe('records/comments', { id: owing.id }).next<CommentView[]>());
    expect(comments.map((c) => c.body)).toContain('Overdue reminder (7 days after the due date) emailed to sara.lind@nordpharma.example with Invoice-INV-2026-0001.pdf attached.');

    // A restart derives the same reminder again: not queued a second time.
    time.advance(3_600_000);
    await crm.restart();
    await crm.host.whenIdle();
    expect(await outboxReminders()).toHaveLength(1);

    // Fourteen days after: the second reminder; the paid invoice never had one.
    time.advance(nineAm('2026-06-01') + 60_000 - time.clock().getTime());
    await crm.host.whenIdle();
    await eventually(async () => (reminders().length === 2 ? true : undefined), 60_000);
    expect((await outboxReminders()).map((d) => (d.get('data') as { attachments: { filename: string }[] }).attachments[0]?.filename)).toEqual(['Invoice-INV-2026-0001.pdf', 'Invoice-INV-2026-0001.pdf']);
    expect(reminders().every((m) => !m.raw.includes('INV-2026-0002'))).toBe(true);
  });
});
