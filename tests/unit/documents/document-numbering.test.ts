import { describe, expect, it } from 'vitest';
import { documentNumberOf, keepRefusal, provisionalNote } from '../../../src-shared/documents/document-numbering';

describe('the number a document carries', () => {
  it('is a record’s number, final unless the record’s number is still provisional; a task’s or project’s code is final', () => {
    expect(documentNumberOf({ number: 'PR-2026-0004', numberState: 'final' }, true)).toEqual({ number: 'PR-2026-0004', isFinal: true });
    expect(documentNumberOf({ number: 'PR-2026-K7Q2-0001', numberState: 'provisional' }, true)).toEqual({ number: 'PR-2026-K7Q2-0001', isFinal: false });
    expect(documentNumberOf({ number: '', numberState: '' }, true)).toEqual({ number: '', isFinal: true });
    expect(documentNumberOf({ code: 'ELN-7' }, false)).toEqual({ number: 'ELN-7', isFinal: true });
    // A record's number is never taken from a code, nor a project's from a number field.
    expect(documentNumberOf({ code: 'X' }, true).number).toBe('');
    expect(documentNumberOf({ number: 'X' }, false).number).toBe('');
  });

  it('prints a provisional number with a note saying so, and a final one without', () => {
    expect(provisionalNote({ number: 'PR-2026-K7Q2-0001', isFinal: false })).toContain('PR-2026-K7Q2-0001 is a provisional number');
    expect(provisionalNote({ number: 'PR-2026-0004', isFinal: true })).toBeNull();
  });

  it('is kept only when printed final and still the record’s number', () => {
    const final = { number: 'PR-2026-0004', isFinal: true };
    expect(keepRefusal(final, final)).toBeNull();
    expect(keepRefusal({ number: '', isFinal: true }, { number: '', isFinal: true })).toBeNull();
    // Printed while provisional: refused even if the server has numbered the record since.
    expect(keepRefusal({ number: 'PR-2026-K7Q2-0001', isFinal: false }, final)).toMatch(/provisional number PR-2026-K7Q2-0001.*print it again/);
    // Numbered after printing (a kind numbered at a later status), or renumbered: refused with both numbers.
    expect(keepRefusal({ number: '', isFinal: true }, final)).toMatch(/changed to PR-2026-0004 .*printed with no number/);
    expect(keepRefusal(final, { number: 'PR-2026-0005', isFinal: true })).toMatch(/changed to PR-2026-0005 .*with PR-2026-0004/);
    expect(keepRefusal(final, { number: 'PR-2026-0004', isFinal: false })).not.toBeNull();
  });
});
