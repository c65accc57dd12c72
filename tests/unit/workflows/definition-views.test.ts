import { describe, expect, it } from 'vitest';
import { definitionSummaries, definitionVersionView, templateView, type StoredVersion } from '../../../src-shared/workflows/definition-views';
import { leaveRequest } from '../../../src-shared/workflows/templates/leave-request';

const stored = (version: number, status: StoredVersion['status'], extra: Partial<StoredVersion['definition']> = {}): StoredVersion => ({
  id: `d${version}`,
  code: 'LEAVE_REQUEST',
  version,
  status,
  definition: { ...leaveRequest, ...extra, version, status },
  createdAt: `2026-01-0${version}T00:00:00.000Z`,
  createdBy: 'u1',
  updatedAt: `2026-01-0${version}T00:00:00.000Z`,
  updatedBy: 'u1',
});

describe('definition views', () => {
  it('shows a draft with what stands in the way of publishing it', () => {
    const draft = stored(3, 'draft', { initial_step: 'nowhere' });
    const view = definitionVersionView(draft, (id) => (id === 'u1' ? 'Ada Admin' : undefined));
    expect(view).toMatchObject({ code: 'LEAVE_REQUEST', version: 3, status: 'draft', name: 'Leave Request', category: 'HR', createdBy: { id: 'u1', name: 'Ada Admin' } });
    expect(view.problems.map((p) => p.path)).toContain('initial_step');
    expect(definitionVersionView(stored(1, 'published'), () => undefined).problems).toEqual([]);
  });

  it('sums up every code in one row named after its published version', () => {
    const rows = definitionSummaries([stored(1, 'retired'), stored(2, 'published', { name: 'Leave' }), stored(3, 'draft', { name: 'Leave (new)' })]);
    expect(rows).toEqual([
      { code: 'LEAVE_REQUEST', name: 'Leave', category: 'HR', description: leaveRequest.description, recordKind: 'leave_request', status: 'published', publishedVersion: 2, latestVersion: 3, draftVersion: 3, stepCount: 8, updatedAt: '2026-01-03T00:00:00.000Z' },
    ]);
    expect(definitionSummaries([stored(1, 'retired')])[0]).toMatchObject({ status: 'retired', publishedVersion: null, draftVersion: null });
    expect(definitionSummaries([stored(1, 'draft')])[0]).toMatchObject({ status: 'draft', draftVersion: 1 });
  });

  it('offers templates with their step count', () => {
    expect(templateView(leaveRequest)).toMatchObject({ code: 'LEAVE_REQUEST', name: 'Leave Request', category: 'HR', stepCount: 8 });
  });
});
