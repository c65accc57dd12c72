import { describe, expect, it } from 'vitest';
import { availableTransitions, canEditField, checkRecordWrite } from '../../../src-shared/records/record-rules';
import { leave, person, testLeaveKind as kind } from './fixtures';

const max = person('max');
const hana = person('hana', ['hr']);
const boss = person('boss', ['department_head']);
const other = person('olga');

describe('checkRecordWrite', () => {
  const cases: [string, Parameters<typeof checkRecordWrite>[0], 'ok' | 'forbidden' | 'invalid_state' | 'invalid_input'][] = [
    ['a person files their own request', { kind, actor: max, before: null, after: leave('max') }, 'ok'],
    ['HR files one for someone', { kind, actor: hana, before: null, after: leave('max') }, 'ok'],
    ['a member files one in someone else’s name', { kind, actor: other, before: null, after: leave('max') }, 'forbidden'],
    ['a new record starts in its first status', { kind, actor: max, before: null, after: leave('max', 'approved') }, 'invalid_state'],
    ['the person edits their draft', { kind, actor: max, before: leave('max'), after: leave('max', 'draft', { days: 5 }) }, 'ok'],
    ['the person edits once submitted', { kind, actor: max, before: leave('max', 'submitted'), after: leave('max', 'submitted', { days: 5 }) }, 'invalid_state'],
    ['the person writes the HR note', { kind, actor: max, before: leave('max'), after: leave('max', 'draft', { hrNote: 'ok' }) }, 'forbidden'],
    ['HR writes the HR note', { kind, actor: hana, before: leave('max', 'submitted'), after: leave('max', 'submitted', { hrNote: 'ok' }) }, 'ok'],
    ['the person submits', { kind, actor: max, before: leave('max'), after: leave('max', 'submitted') }, 'ok'],
    ['the manager submits for them', { kind, actor: boss, before: leave('max'), after: leave('max', 'submitted') }, 'forbidden'],
    ['the person approves their own request', { kind, actor: max, before: leave('max', 'submitted'), after: leave('max', 'approved') }, 'forbidden'],
    ['HR approves by hand', { kind, actor: hana, before: leave('max', 'submitted'), after: leave('max', 'approved') }, 'forbidden'],
    ['the workflow approves', { kind, actor: boss, before: leave('max', 'submitted'), after: leave('max', 'approved'), hasWorkflowMove: (to) => to === 'approved' }, 'ok'],
    ['a jump no transition allows', { kind, actor: hana, before: leave('max'), after: leave('max', 'approved') }, 'invalid_state'],
    ['changes after approval', { kind, actor: hana, before: leave('max', 'approved'), after: leave('max', 'approved', { hrNote: 'x' }) }, 'invalid_state'],
    ['the creator removes a draft', { kind, actor: max, before: leave('max'), after: leave('max'), isDelete: true }, 'ok'],
    ['removing a submitted request', { kind, actor: max, before: leave('max', 'submitted'), after: leave('max', 'submitted'), isDelete: true }, 'invalid_state'],
    ['someone else removes it', { kind, actor: hana, before: leave('max'), after: leave('max'), isDelete: true }, 'forbidden'],
    ['a deactivated person', { kind, actor: { ...max, isActive: false }, before: leave('max'), after: leave('max', 'draft', { days: 5 }) }, 'forbidden'],
    ['changing the kind', { kind, actor: hana, before: leave('max'), after: { ...leave('max'), kind: 'other' } }, 'invalid_input'],
  ];
  it.each(cases)('%s', (_label, check, expected) => {
    const result = checkRecordWrite(check);
    if (expected === 'ok') expect(result).toEqual({ ok: true, value: null });
    else {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe(expected);
        expect(result.error.message.length).toBeGreaterThan(15);
      }
    }
  });

  it('judges the person on the stored version: naming oneself the subject in the change gains nothing', () => {
    const result = checkRecordWrite({ kind, actor: other, before: leave('max'), after: { ...leave('olga', 'draft', { days: 9 }) } });
    expect(result.ok).toBe(false);
  });

  it('names who may in its refusals, with the field', () => {
    const result = checkRecordWrite({ kind, actor: max, before: leave('max'), after: leave('max', 'draft', { hrNote: 'x' }) });
    expect(result).toMatchObject({ ok: false, error: { field: 'data.hrNote', message: expect.stringContaining('hr') } });
  });
});

describe('what a person may do now', () => {
  it('offers only the transitions the person may make, never workflow-only ones', () => {
    expect(availableTransitions(kind, max, leave('max', 'submitted')).map((t) => t.to)).toEqual(['cancelled']);
    expect(availableTransitions(kind, hana, leave('max', 'submitted')).map((t) => t.to)).toEqual(['cancelled']);
    expect(availableTransitions(kind, other, leave('max', 'submitted'))).toEqual([]);
  });
  it('offers fields by rule and status', () => {
    expect(canEditField(kind, max, leave('max'), 'days')).toBe(true);
    expect(canEditField(kind, max, leave('max', 'submitted'), 'days')).toBe(false);
    expect(canEditField(kind, hana, leave('max', 'submitted'), 'hrNote')).toBe(true);
    expect(canEditField(kind, hana, leave('max', 'approved'), 'hrNote')).toBe(false);
  });
});
