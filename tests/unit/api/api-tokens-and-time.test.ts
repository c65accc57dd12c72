import { describe, expect, it } from 'vitest';
import { formatApiToken, parseApiToken, scopesAllow, tokenScopeSchema, tokenStateOf } from '../../../src-shared/api/api-token-model';
import type { TimeEntryDocument } from '../../../src-shared/tasks/task-views';
import { summariseTime } from '../../../src-shared/tasks/time-summary';

/** The pure rules behind API tokens (scopes, the token's text, its state) and the time-tracking summary the API serves. */

describe('token scopes', () => {
  it('let write include read, keep to their module, and give every module with *', () => {
    expect(scopesAllow(['projects:write'], 'projects', 'read')).toBe(true);
    expect(scopesAllow(['projects:read'], 'projects', 'write')).toBe(false);
    expect(scopesAllow(['projects:write'], 'tasks', 'read')).toBe(false);
    expect(scopesAllow(['*:read'], 'hr', 'read')).toBe(true);
    expect(scopesAllow(['*:read'], 'hr', 'write')).toBe(false);
    expect(scopesAllow([], 'projects', 'read')).toBe(false);
  });

  it('are a module and read or write, nothing else', () => {
    for (const good of ['projects:read', '*:write', 'hr:read', 'plan-items:write']) expect(tokenScopeSchema.safeParse(good).success, good).toBe(true);
    for (const bad of ['projects', 'projects:admin', ':read', 'Projects:read', '**:read', 'projects:read:write']) expect(tokenScopeSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe('the token text', () => {
  const secret = 'A'.repeat(43);
  it('round-trips its id and secret', () => {
    expect(parseApiToken(formatApiToken('abcdefghij12', secret))).toEqual({ id: 'abcdefghij12', secret });
  });
  it('is refused when it is not a LabFlow token', () => {
    for (const text of ['', 'Bearer x', `lf_ABCDEFGHIJ12_${secret}`, `lf_abc_${secret}`, `lf_abcdefghij12_${secret}x`, `xx_abcdefghij12_${secret}`]) expect(parseApiToken(text), text).toBeNull();
  });
  it('is active until it expires or is revoked', () => {
    const token = { expiresAt: '2026-06-01T00:00:00.000Z', revokedAt: null };
    expect(tokenStateOf(token, '2026-05-31T23:59:59.999Z')).toBe('active');
    expect(tokenStateOf(token, '2026-06-01T00:00:00.000Z')).toBe('expired');
    expect(tokenStateOf({ ...token, revokedAt: '2026-05-01T00:00:00.000Z' }, '2026-05-02T00:00:00.000Z')).toBe('revoked');
  });
});

describe('the time-tracking summary', () => {
  let n = 0;
  const entry = (personId: string, projectId: string, date: string, hours: number, isBillable: boolean, isRunning = false) =>
    ({ id: `t${++n}`, kind: 'time_entry', subjectType: 'task', subjectId: `task-${projectId}`, projectId, personId, at: `${date}T08:00:00.000Z`, data: { date, hours, note: '', isBillable, isRunning } }) as unknown as TimeEntryDocument;
  const entries = [
    entry('ada', 'p1', '2026-05-04', 0.1, true),
    entry('ada', 'p1', '2026-05-04', 0.2, true),
    entry('ada', 'p2', '2026-05-05', 3, false),
    entry('bob', 'p1', '2026-05-06', 5, true),
    entry('bob', 'p1', '2026-05-07', 9, true, true),
    entry('bob', 'p2', '2026-04-30', 8, true),
  ];
  const names = { person: (id: string) => ({ ada: 'Ada', bob: 'Bob' })[id] ?? id, project: (id: string) => ({ code: id.toUpperCase(), name: `Project ${id}` }) };

  it('totals the selected entries per person and project, most hours first, a running timer as 0', () => {
    const summary = summariseTime(entries, { from: '2026-05-01', to: '2026-05-31' }, names);
    expect(summary).toMatchObject({ hours: 8.3, billableHours: 5.3, nonBillableHours: 3, entryCount: 5, from: '2026-05-01', to: '2026-05-31' });
    expect(summary.byPerson.map((p) => [p.name, p.hours])).toEqual([['Bob', 5], ['Ada', 3.3]]);
    expect(summary.byProject.map((p) => [p.code, p.hours, p.entryCount])).toEqual([['P1', 5.3, 4], ['P2', 3, 1]]);
  });

  it('filters by person, project and billability', () => {
    expect(summariseTime(entries, { personId: 'ada', isBillable: true }, names)).toMatchObject({ hours: 0.3, entryCount: 2, from: null });
    expect(summariseTime(entries, { projectId: 'p2' }, names)).toMatchObject({ hours: 11, entryCount: 2 });
    expect(summariseTime(entries, { personId: 'nobody' }, names)).toMatchObject({ hours: 0, entryCount: 0, byPerson: [], byProject: [] });
  });
});
