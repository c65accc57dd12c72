import { describe, expect, it } from 'vitest';
import { planItemSchema } from '../../../src-shared/projects/plan-item-model';

const meta = {
  id: 'pi-1',
  createdAt: '2025-01-01T08:00:00Z',
  updatedAt: '2025-01-01T08:00:00Z',
  createdBy: 'u-1',
  updatedBy: 'u-1',
  auditId: 'a-1',
  projectId: 'p-1',
};
const item = (kind: string, data: Record<string, unknown>, title = 'Item') => ({ ...meta, kind, title, data });
const paths = (value: unknown) => planItemSchema.safeParse(value).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('plan item models', () => {
  it('parse a milestone with defaults', () => {
    const parsed = planItemSchema.parse(item('milestone', { dueDate: '2025-03-31', linkedTaskIds: ['t-1'] }, 'Method validated'));
    expect(parsed).toMatchObject({ kind: 'milestone', data: { status: 'pending', completionCriteria: [], linkedTaskIds: ['t-1'], description: '' } });
  });

  it('parse a deliverable and accept only http(s) links', () => {
    const data = { type: 'report', status: 'submitted', link: 'https://dms.lab.example/doc/42', dueDate: '2025-04-01' };
    expect(planItemSchema.parse(item('deliverable', data)).data).toMatchObject(data);
    expect(paths(item('deliverable', { ...data, link: 'javascript:alert(1)' }))).toContain('data.link');
    expect(paths(item('deliverable', { ...data, status: 'approved' }))).toContain('data.status');
  });

  it('parse a risk on the four-point scale', () => {
    expect(planItemSchema.parse(item('risk', { probability: 'high', impact: 'critical' })).data).toMatchObject({ status: 'open', category: 'other' });
    expect(paths(item('risk', { probability: 'very_high', impact: 'low' }))).toContain('data.probability');
  });

  it('parse each resource type with its own measure', () => {
    const period = { periodStart: '2025-02-03', periodEnd: '2025-02-14' };
    expect(planItemSchema.safeParse(item('resource_allocation', { resourceType: 'person', personId: 'u-1', hours: 40, ...period })).success).toBe(true);
    expect(planItemSchema.safeParse(item('resource_allocation', { resourceType: 'equipment', equipmentId: 'eq-hplc', hours: 12, ...period })).success).toBe(true);
    expect(
      planItemSchema.safeParse(item('resource_allocation', { resourceType: 'material', materialName: 'Acetonitrile', quantity: 4, unit: 'L', ...period })).success,
    ).toBe(true);
    expect(paths(item('resource_allocation', { resourceType: 'material', materialName: 'Acetonitrile', hours: 4, ...period }))).toEqual(
      expect.arrayContaining(['data.quantity', 'data.unit']),
    );
    expect(paths(item('resource_allocation', { resourceType: 'person', personId: 'u-1', hours: 0, ...period }))).toContain('data.hours');
    expect(paths(item('resource_allocation', { resourceType: 'person', personId: 'u-1', hours: 8, periodStart: '2025-02-14', periodEnd: '2025-02-03' }))).toContain(
      'data.periodEnd',
    );
  });

  it('parse a budget line and refuse mixed currencies', () => {
    const data = { category: 'consumables', planned: { amountMinor: 500_00, currency: 'EUR' }, actual: { amountMinor: 120_00, currency: 'EUR' } };
    expect(planItemSchema.parse(item('budget_line', data)).data).toMatchObject(data);
    expect(paths(item('budget_line', { ...data, actual: { amountMinor: 1, currency: 'USD' } }))).toContain('data.actual.currency');
  });

  it('refuse an unknown kind', () => {
    expect(planItemSchema.safeParse(item('issue', {})).success).toBe(false);
  });
});
