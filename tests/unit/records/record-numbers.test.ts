import { describe, expect, it } from 'vitest';
import { counterOf, formatNumber, formatProvisional, isNumberedAt, pcTagOf, seriesKey } from '../../../src-shared/records/record-numbers';
import { stampRecord } from '../../../src-shared/records/record-stamp';
import { noManagers } from '../../../src-shared/records/record-document';
import { leave, testLeaveKind } from './fixtures';

const quotes = { prefix: 'QUO', isYearly: true };

describe('record numbers', () => {
  it('formats numbers per yearly series with a padded counter', () => {
    expect(seriesKey(quotes, '2026-03-01T10:00:00.000Z')).toBe('QUO-2026');
    expect(formatNumber(quotes, 'QUO-2026', 42)).toBe('QUO-2026-0042');
    expect(formatNumber({ ...quotes, digits: 6 }, 'QUO-2026', 42)).toBe('QUO-2026-000042');
    expect(seriesKey({ prefix: 'EQ', isYearly: false }, '2026-03-01')).toBe('EQ');
  });

  it('reads counters back only from final numbers of the same series', () => {
    expect(counterOf('QUO-2026', 'QUO-2026-0042')).toBe(42);
    expect(counterOf('QUO-2026', 'QUO-2026-12345')).toBe(12345);
    expect(counterOf('QUO-2026', 'QUO-2025-0042')).toBeNull();
    expect(counterOf('QUO-2026', 'QUO-2026-PK7A-0003')).toBeNull();
  });

  it('gives two offline PCs provisional numbers that cannot clash', () => {
    const a = formatProvisional(quotes, 'QUO-2026', pcTagOf('01JABCDEFA7K'), 1);
    const b = formatProvisional(quotes, 'QUO-2026', pcTagOf('01JABCDEFB2X'), 1);
    expect(a).toBe('QUO-2026-PA7K-0001');
    expect(a).not.toBe(b);
    expect(counterOf('QUO-2026', a)).toBeNull();
  });

  it('numbers on creation or when the series’ status is reached', () => {
    expect(isNumberedAt(quotes, 'draft', true)).toBe(true);
    expect(isNumberedAt(quotes, 'sent', false)).toBe(false);
    const invoices = { prefix: 'INV', assignOn: 'issued', isGapless: true };
    expect(isNumberedAt(invoices, 'draft', true)).toBe(false);
    expect(isNumberedAt(invoices, 'issued', false)).toBe(true);
  });
});

describe('stampRecord', () => {
  const managers = { managersOf: (id: string) => (id === 'max' ? ['boss', 'max'] : []), managedBy: () => [] };

  it('derives the columns from the data, never from the writer’s claim', () => {
    const claimed = { ...leave('max'), personId: 'olga', managerIds: ['olga'], title: 'anything' };
    const { doc } = stampRecord(testLeaveKind, claimed as never, null, managers);
    expect(doc.personId).toBe('max');
    expect(doc.managerIds).toEqual(['boss']);
    expect(doc.title).toBe('3 days');
  });

  it('asks for a number on creation and keeps a final one for good', () => {
    const created = stampRecord(testLeaveKind, { ...leave('max') } as never, null, noManagers);
    expect(created.numberNeeded).toMatchObject({ key: 'LV-2026', claimed: null });
    const stored = { ...leave('max'), number: 'LV-2026-0007', numberState: 'final' };
    const later = stampRecord(testLeaveKind, { ...leave('max', 'submitted'), number: 'LV-2026-9999', numberState: 'final' } as never, stored, noManagers);
    expect(later.numberNeeded).toBeNull();
    expect(later.doc.number).toBe('LV-2026-0007');
  });

  it('replaces a provisional number, and offers to keep a final one from before a PC joined', () => {
    const provisional = stampRecord(testLeaveKind, { ...leave('max'), number: 'LV-2026-PA7K-0001', numberState: 'provisional' } as never, null, noManagers);
    expect(provisional.numberNeeded).toMatchObject({ key: 'LV-2026', claimed: null });
    const standalone = stampRecord(testLeaveKind, { ...leave('max'), number: 'LV-2026-0003', numberState: 'final' } as never, null, noManagers);
    expect(standalone.numberNeeded).toMatchObject({ claimed: 'LV-2026-0003' });
  });

  it('upgrades old data with the kind’s migrations', () => {
    const { doc } = stampRecord(testLeaveKind, { ...leave('max'), kindVersion: 1, data: { personId: 'max', length: 4 } } as never, null, noManagers);
    expect(doc.kindVersion).toBe(2);
    expect(doc.data).toMatchObject({ days: 4 });
  });
});
