import { describe, expect, it } from 'vitest';
import { exitDeactivationDecision, isExitDeactivation } from '../../../src-shared/hr/exit-deactivation-write';
import { can } from '../../../src-shared/sync/permissions';
import { checkAuthorship } from '../../../src-shared/sync/authorship';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';

const max = { id: 'max', kind: 'person', name: 'Max', email: 'max@lab.org', roles: ['member'], isActive: true, createdBy: 'ada', createdAt: 'x', updatedBy: 'ada' };
const deactivated = { ...max, isActive: false, updatedBy: 'system', updatedAt: 'later', auditId: 'AE-1' };
const exit = (lastDay: string, status = 'notified') => ({ status, data: { lastDay } });
const hana: SyncPerson = { id: 'hana', email: 'hana@lab.org', name: 'Hana', roles: ['hr'], isActive: true };

describe('LabFlow deactivating a leaving person', () => {
  it('is the active flag turned off by the system and nothing else', () => {
    expect(isExitDeactivation(max, deactivated)).toBe(true);
    expect(isExitDeactivation(max, { ...deactivated, roles: ['admin'] })).toBe(false);
    expect(isExitDeactivation(max, { ...deactivated, updatedBy: 'hana' })).toBe(false);
    expect(isExitDeactivation({ ...max, isActive: false }, { ...deactivated, isActive: true })).toBe(false);
    expect(isExitDeactivation(null, deactivated)).toBe(false);
    expect(isExitDeactivation(max, { ...deactivated, _deleted: true })).toBe(false);
  });

  it('is taken after the last day on the server’s day, waits on the last day, and is refused before or without an exit', () => {
    expect(exitDeactivationDecision([exit('2026-06-30')], '2026-07-01')).toEqual({ isAllowed: true });
    expect(exitDeactivationDecision([exit('2026-06-30')], '2026-06-30')).toMatchObject({ isAllowed: false, isWaiting: true });
    expect(exitDeactivationDecision([exit('2026-06-30')], '2026-06-29')).toMatchObject({ isAllowed: false, reason: expect.stringContaining('only after the last day') });
    expect(exitDeactivationDecision([exit('2026-06-30', 'withdrawn')], '2026-07-02')).toMatchObject({ isAllowed: false });
    expect(exitDeactivationDecision([], '2026-07-02')).toMatchObject({ isAllowed: false });
  });

  it('passes authorship from any PC and is judged by the exits the server holds', () => {
    expect(checkAuthorship(hana, 'people', 'update', deactivated, max).isAllowed).toBe(true);
    const related = (exits: Record<string, unknown>[], now: string) => ({ get: () => null, worksOnProject: () => false, records: () => exits, now: () => now });
    expect(can(hana, 'update', { collection: 'people', doc: deactivated, previous: max, related: related([{ status: 'notified', data: { lastDay: '2026-06-30' } }], '2026-07-01T00:05:00.000Z') }).isAllowed).toBe(true);
    expect(can(hana, 'update', { collection: 'people', doc: deactivated, previous: max, related: related([], '2026-07-01T00:05:00.000Z') }).isAllowed).toBe(false);
  });
});
