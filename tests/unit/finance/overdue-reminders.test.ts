import { describe, expect, it } from 'vitest';
import { daysOverdueOf, overdueReminders, type InvoiceForReminders } from '../../../src-shared/finance/overdue-reminders';
import { collapseSuperseded } from '../../../src-shared/scheduler/reminder';

const invoice = (id: string, status = 'issued', dueOn: string | undefined = '2026-05-18'): InvoiceForReminders => ({ id, number: `INV-2026-000${id.slice(-1)}`, status, dueOn, organisationId: 'ORG-1' });

describe('overdue reminders to customers', () => {
  it('are due at 09:00 the lab’s time on each interval after the due date, for issued invoices still owing', () => {
    const reminders = overdueReminders([invoice('I1'), invoice('I2', 'partly_paid'), invoice('I3', 'paid'), invoice('I4', 'draft', undefined), invoice('I5')], new Set(['I1', 'I2', 'I4']), [14, 7, 7, 0, 30], 120);
    expect(reminders.map((r) => [r.about, daysOverdueOf(r), r.dueAt])).toEqual([
      ['I1', 7, '2026-05-25T07:00:00.000Z'], ['I1', 14, '2026-06-01T07:00:00.000Z'], ['I1', 30, '2026-06-17T07:00:00.000Z'],
      ['I2', 7, '2026-05-25T07:00:00.000Z'], ['I2', 14, '2026-06-01T07:00:00.000Z'], ['I2', 30, '2026-06-17T07:00:00.000Z'],
    ]);
    expect(reminders[0]).toMatchObject({ kind: 'invoice_overdue', recipientId: 'ORG-1', subject: 'Reminder: invoice INV-2026-0001 is 7 days overdue' });
  });

  it('keep their ids when derived again, and change them when the due date moves', () => {
    const first = overdueReminders([invoice('I1')], new Set(['I1']), [7], 0);
    expect(overdueReminders([invoice('I1')], new Set(['I1']), [7], 0)).toEqual(first);
    expect(overdueReminders([invoice('I1', 'issued', '2026-05-19')], new Set(['I1']), [7], 0)[0]?.id).not.toBe(first[0]?.id);
  });

  it('send only the latest one due after downtime: one series per invoice', () => {
    const reminders = overdueReminders([invoice('I1'), invoice('I2')], new Set(['I1', 'I2']), [7, 14, 30], 0);
    const due = collapseSuperseded(reminders, new Date('2026-06-10T00:00:00.000Z')).filter((r) => r.dueAt <= '2026-06-10');
    expect(due.map((r) => [r.about, daysOverdueOf(r)])).toEqual([['I1', 14], ['I2', 14]]);
  });
});
