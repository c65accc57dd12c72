import { describe, expect, it } from 'vitest';
import { purchaseRequestKind as kind } from '../../../../src-shared/equipment/purchase-request-kind';
import { leaveRequestKind } from '../../../../src-shared/hr/leave-request-kind';
import { changedData, createData, createFieldsOf, detailFieldsOf, errorFieldOf, initialValues } from '../../../../src-renderer/records/record-form';

describe('record forms', () => {
  it('show data fields only, people fields starting as the person filing, and leave out what they may not set', () => {
    expect(createFieldsOf(kind).map((f) => f.field)).toEqual(['itemName', 'quantity', 'estimatedCost', 'supplierName', 'neededBy', 'requesterId', 'description', 'justification']);
    expect(createFieldsOf(leaveRequestKind, (f) => f !== 'hrNote').map((f) => f.field)).toEqual(['personId', 'leaveType', 'startDate', 'endDate', 'isFirstDayHalf', 'isLastDayHalf', 'days', 'reason']);
    expect(detailFieldsOf(kind).map((f) => f.field)).not.toContain('status');
    expect(initialValues(createFieldsOf(kind), null, 'me')).toMatchObject({ requesterId: 'me', itemName: '', estimatedCost: { amount: '', currency: 'EUR' } });
  });

  it('send what was typed as data: numbers, money in minor units, empty optional fields left to the kind', () => {
    const fields = createFieldsOf(kind);
    const values = { ...initialValues(fields, null, 'me'), itemName: 'Balance', quantity: '2', estimatedCost: { amount: '4,500.00', currency: 'eur' }, neededBy: '2026-05-04' };
    expect(createData(fields, values)).toEqual({ ok: true, data: { itemName: 'Balance', quantity: 2, estimatedCost: { amountMinor: 450_000, currency: 'EUR' }, supplierName: '', neededBy: '2026-05-04', requesterId: 'me', description: '', justification: '' } });
    expect(createData(fields, { ...values, quantity: 'two' })).toEqual({ ok: false, field: 'quantity', message: 'Enter a number.' });
    expect(createData(fields, { ...values, estimatedCost: { amount: '10', currency: 'euro' } })).toMatchObject({ ok: false, field: 'estimatedCost' });
    // A required item left empty goes to the host, whose message says what to do.
    expect(createData(fields, { ...values, itemName: '' })).toMatchObject({ ok: true, data: { itemName: '' } });
    const leave = createFieldsOf(leaveRequestKind);
    expect(createData(leave, initialValues(leave, null, 'me'))).toEqual({ ok: false, field: 'startDate', message: 'Fill in first day.' });
  });

  it('send only the fields changed, a cleared one as null', () => {
    const fields = detailFieldsOf(kind);
    const data = { itemName: 'Balance', quantity: 1, supplierName: '', estimatedCost: { amountMinor: 450_000, currency: 'EUR' }, neededBy: '2026-05-04', requesterId: 'me' };
    const values = initialValues(fields, data, '');
    expect(changedData(fields, values, data)).toEqual({ ok: true, data: {} });
    expect(changedData(fields, { ...values, quantity: '3', neededBy: '', estimatedCost: { amount: '4500', currency: 'EUR' } }, data)).toEqual({ ok: true, data: { quantity: 3, neededBy: null } });
    expect(errorFieldOf('data.estimatedCost.amountMinor')).toBe('estimatedCost');
    expect(errorFieldOf('reason')).toBeUndefined();
  });
});
