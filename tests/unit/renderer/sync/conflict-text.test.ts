import { describe, expect, it } from 'vitest';
import type { ConflictFieldView, ConflictPersonView } from '../../../../src-shared/sync/record-conflicts';
import { conflictSentence, formatConflictTime, refusalSentence, restoreLabel, winnerText } from '../../../../src-renderer/sync/conflict-text';

const you: ConflictPersonView = { id: 'ME', name: 'Mia', isYou: true };
const ana: ConflictPersonView = { id: 'ANA', name: 'Ana', isYou: false };
const ben: ConflictPersonView = { id: 'BEN', name: 'Ben', isYou: false };
const field = (label: string, keptBy: ConflictPersonView | null, path = label.toLowerCase()): ConflictFieldView => ({
  field: path, label, keptText: 'k', lostText: 'l', currentText: 'k', keptBy, isRestored: false, isRestorable: true,
});
const at = '2026-11-26T10:14:00Z';
const utc = (iso: string) => formatConflictTime(iso, { locale: 'en-GB', timeZone: 'UTC' });

describe('formatConflictTime', () => {
  it('is day, short month and 24-hour time, with the year only when it is not this year', () => {
    expect(utc(at)).toBe('26 Nov 10:14');
    expect(formatConflictTime(at, { locale: 'en-GB', timeZone: 'UTC', now: new Date('2026-12-01T00:00:00Z') })).toBe('26 Nov 10:14');
    expect(formatConflictTime(at, { locale: 'en-GB', timeZone: 'UTC', now: new Date('2027-01-05T00:00:00Z') })).toBe('26 Nov 2026 10:14');
    expect(formatConflictTime('not a time')).toBe('not a time');
  });
});

describe('conflictSentence', () => {
  it('says whose version of which fields was replaced by whom, and when', () => {
    expect(conflictSentence({ by: you, at, fields: [field('Title', ana), field('Due date', ana, 'dueDate')] }, utc))
      .toBe('Changed on two PCs at once: your version of Title and Due date was replaced by Ana’s on 26 Nov 10:14.');
  });

  it('speaks of other people by name, and of the viewer as "yours"', () => {
    expect(conflictSentence({ by: ben, at, fields: [field('Title', you)] }, utc)).toBe('Changed on two PCs at once: Ben’s version of Title was replaced by yours on 26 Nov 10:14.');
  });

  it('names one person on two PCs, several winners, and an unknown one', () => {
    expect(winnerText(you, [you])).toBe('your edit from another PC');
    expect(winnerText(ben, [ben])).toBe('Ben’s edit from another PC');
    expect(winnerText(you, [ana, ben, ana])).toBe('Ana’s and Ben’s');
    expect(winnerText(you, [null])).toBe('the version another PC sent first');
  });

  it('tells of a removal that outran an edit', () => {
    expect(conflictSentence({ by: you, at, fields: [field('Removed', ana, '_deleted'), field('Title', null)] }, utc))
      .toBe('Removed on another PC on 26 Nov 10:14 while your version of Title was still being edited; those changes are kept in Details.');
  });
});

describe('button and refusal text', () => {
  it('offers the viewer their own version, or names whose it is', () => {
    expect(restoreLabel(you)).toBe('Use my version');
    expect(restoreLabel(ben)).toBe('Use Ben’s version');
  });
  it('ends the server’s message with a full stop', () => {
    expect(refusalSentence('Only the owner can change this project', at, utc)).toBe('The sync server refused a change made on this PC on 26 Nov 10:14: Only the owner can change this project. The change is kept on this PC only.');
  });
});
