import { describe, expect, it } from 'vitest';
import { purchaseRequestKind as kind } from '../../../../src-shared/equipment/purchase-request-kind';
import { registerQuerySchema } from '../../../../src-shared/records/record-contract';
import { initialRegisterState, registerQueryOf, toggledColumns, withSettings, withView } from '../../../../src-renderer/records/register-state';

describe('register state', () => {
  it('asks the host for the page shown, with trimmed words, in a shape the contract accepts', () => {
    const state = { ...withSettings(initialRegisterState(kind), { text: '  balance ', sort: { field: 'estimatedCost', direction: 'desc' as const }, filters: [{ field: 'status', op: 'in' as const, value: ['draft'] }] }), page: 3, pageSize: 50 };
    const query = registerQueryOf(kind, state);
    expect(query).toEqual({ kind: 'purchase_request', text: 'balance', filters: [{ field: 'status', op: 'in', value: ['draft'] }], sort: { field: 'estimatedCost', direction: 'desc' }, offset: 150, limit: 50 });
    expect(registerQuerySchema.safeParse(query).success).toBe(true);
    expect(registerQueryOf(kind, initialRegisterState(kind))).not.toHaveProperty('sort');
  });

  it('starts again at the first page when what is shown changes', () => {
    const onPage = { ...initialRegisterState(kind), page: 40 };
    expect(withSettings(onPage, { text: 'hood' }).page).toBe(0);
  });

  it('applies a saved view as it fits the kind today, and keeps some column shown', () => {
    const applied = withView(kind, { ...initialRegisterState(kind), page: 5 }, { id: 'v1', name: 'Old', columns: ['gone'], filters: [], text: 'x', savedAt: '2026-01-01' });
    expect(applied).toMatchObject({ page: 0, viewId: 'v1', settings: { columns: initialRegisterState(kind).settings.columns, text: 'x' } });
    expect(toggledColumns(kind, ['status', 'number'], 'itemName')).toEqual(['number', 'itemName', 'status']);
    expect(toggledColumns(kind, ['number', 'status'], 'number')).toEqual(['status']);
    expect(toggledColumns(kind, ['status'], 'status')).toEqual(['status']);
  });
});
