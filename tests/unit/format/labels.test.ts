import { describe, expect, it } from 'vitest';
import { codeLabel } from '../../../src-shared/format/code-label';
import { roleLabel } from '../../../src-shared/people/role-label';
import { recordKindLabel, recordKindPluralLabel, recordStatusLabel } from '../../../src-shared/records/record-labels';
import { describeWho } from '../../../src-shared/records/who';

describe('labels instead of stored codes', () => {
  it('writes a code without a declared label in words', () => {
    expect(codeLabel('procurement_manager')).toBe('Procurement manager');
    expect(codeLabel('in_progress')).toBe('In progress');
    expect(codeLabel('dueDate')).toBe('Due date');
    expect(codeLabel('lab-tech__senior')).toBe('Lab tech senior');
    expect(codeLabel('')).toBe('');
  });

  it('names roles from the directory first, then the built-in names, then in words', () => {
    expect(roleLabel('procurement_manager')).toBe('Procurement manager');
    expect(roleLabel('qa_manager')).toBe('QA manager');
    expect(roleLabel('lab_tech', [{ code: 'lab_tech', name: 'Laboratory technician' }])).toBe('Laboratory technician');
    expect(roleLabel('hr', [{ code: 'lab_tech', name: 'Laboratory technician' }])).toBe('HR');
    expect(roleLabel('night_shift_lead', [])).toBe('Night shift lead');
  });

  it('names record kinds and their statuses as the kinds declare them', () => {
    expect(recordKindLabel('leave_request')).toBe('Leave request');
    expect(recordKindPluralLabel('leave_request')).toBe('Leave requests');
    expect(recordKindLabel('sample_receipt')).toBe('Sample receipt'); // a kind this PC does not declare
    expect(recordKindPluralLabel('sample_receipt')).toBe('Sample receipt records');
    const submitted = recordStatusLabel('leave_request', 'submitted');
    expect(submitted).not.toContain('_');
    expect(recordStatusLabel('leave_request', 'waiting_for_hr')).toBe('Waiting for hr');
  });

  it('says who may act by role names', () => {
    expect(describeWho({ roles: ['procurement_manager', 'qa_manager'] })).toBe('Procurement manager or QA manager');
  });
});
