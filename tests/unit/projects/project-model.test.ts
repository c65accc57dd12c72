import { describe, expect, it } from 'vitest';
import { projectInputSchema, projectSchema } from '../../../src-shared/projects/project-model';

const meta = {
  id: 'p-1',
  createdAt: '2025-01-01T08:00:00Z',
  updatedAt: '2025-01-01T08:00:00Z',
  createdBy: 'u-1',
  updatedBy: 'u-1',
  auditId: 'a-1',
};

describe('project model', () => {
  it('normalises the code and fills defaults', () => {
    expect(projectInputSchema.parse({ code: ' qc-2026 ', name: 'Stability study' })).toEqual({
      code: 'QC-2026',
      name: 'Stability study',
      description: '',
      status: 'planned',
      teamIds: [],
      tags: [],
      isArchived: false,
    });
  });

  it('accepts a full stored project with a budget in minor units', () => {
    const project = {
      ...meta,
      code: 'ASSAY-7',
      name: 'Assay validation',
      description: 'ICH Q2 validation of the HPLC assay',
      status: 'active' as const,
      startDate: '2025-01-06',
      endDate: '2025-06-30',
      ownerId: 'u-2',
      teamIds: ['u-2', 'u-3'],
      budget: { amountMinor: 1_250_000, currency: 'EUR' },
      tags: ['validation'],
      isArchived: false,
    };
    expect(projectSchema.parse(project)).toEqual(project);
  });

  it.each([
    ['a one-letter code', { code: 'Q' }, 'code'],
    ['a code with spaces', { code: 'QC 1' }, 'code'],
    ['an unknown status', { status: 'paused' }, 'status'],
    ['an end before the start', { startDate: '2025-03-01', endDate: '2025-02-28' }, 'endDate'],
    ['a fractional budget', { budget: { amountMinor: 10.5, currency: 'EUR' } }, 'budget.amountMinor'],
    ['a negative budget', { budget: { amountMinor: -1, currency: 'EUR' } }, 'budget.amountMinor'],
    ['a lower-case currency', { budget: { amountMinor: 1, currency: 'eur' } }, 'budget.currency'],
  ])('refuses %s', (_name, change, path) => {
    const result = projectSchema.safeParse({ ...meta, code: 'QC-1', name: 'X', ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
