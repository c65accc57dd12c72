import { describe, expect, it } from 'vitest';
import { createHeldDocuments, heldAwareConflictHandler } from '../../../src-main/database/held-documents';
import { waitingChanges } from '../../../src-main/sync/waiting-changes';
import type { ParkedRow } from '../../../src-main/sync/parked-rows';
import { waitingText } from '../../../src-renderer/sync/sync-text';

/**
 * A change that waits for its author's sign-in stays a local change in RxDB's eyes: never
 * overwritten by the server's version, not sent again until released (or someone with a sign-in
 * changes it), and listed per person in Settings → Team sync.
 */
const held = createHeldDocuments();
const handler = heldAwareConflictHandler('tasks', held);
const mine = { id: 'T1', title: 'Mine', updatedBy: 'P-BEN', _deleted: false };
const theirs = { id: 'T1', title: 'Theirs', updatedBy: 'P-ADA', _deleted: false };
const same = { ...mine };

describe('the held-aware conflict handler', () => {
  it('compares as RxDB’s default while nothing is held', () => {
    expect(handler.isEqual(mine, same, 'upstream-check-if-equal')).toBe(true);
    expect(handler.isEqual(mine, theirs, 'downstream-check-if-equal-0')).toBe(false);
  });

  it('keeps a held change from being overwritten or sent again, until released or sendable by its author', () => {
    held.hold('tasks', 'T1');
    expect(handler.isEqual(mine, same, 'downstream-check-if-equal-0')).toBe(false);
    expect(handler.isEqual(theirs, mine, 'upstream-check-if-equal')).toBe(true);
    held.canSendNow = (_collection, doc) => doc.updatedBy === 'P-ADA';
    expect(handler.isEqual(mine, theirs, 'upstream-check-if-equal')).toBe(false);
    held.release('tasks', 'T1');
    expect(handler.isEqual(mine, same, 'upstream-check-if-equal')).toBe(false);
    expect(handler.isEqual(mine, same, 'downstream-check-if-equal-0')).toBe(false);
    held.forget('tasks', 'T1');
    expect(handler.isEqual(mine, same, 'upstream-check-if-equal')).toBe(true);
  });

  it('leaves other collections and other comparisons alone', () => {
    held.hold('tasks', 'T1');
    expect(heldAwareConflictHandler('projects', held).isEqual(mine, same, 'downstream-check-if-equal-0')).toBe(true);
    expect(handler.isEqual(mine, same, 'downstream-check-if-equal-1')).toBe(true);
    held.clear();
  });
});

describe('whose changes wait', () => {
  const row = (authorId: string, reason: ParkedRow['reason'] = 'author'): ParkedRow => ({ collection: 'tasks', id: `${authorId}-${Math.random()}`, authorId, reason, assumed: null, at: '' });
  const names: Record<string, string> = { 'P-BEN': 'Ben', 'P-ADA': 'Ada' };

  it('counts per person, those without a sign-in first', () => {
    const waiting = waitingChanges([row('P-ADA', 'server'), row('P-BEN'), row('P-BEN'), row('P-BEN', 'record')], (id) => names[id] ?? id, (id) => id === 'P-ADA');
    expect(waiting).toEqual([
      { personId: 'P-BEN', personName: 'Ben', count: 3, waitsFor: 'sign_in' },
      { personId: 'P-ADA', personName: 'Ada', count: 1, waitsFor: 'server' },
    ]);
    expect(waiting.map(waitingText)).toEqual([
      'Ben’s 3 changes wait for Ben to sign in on this PC while the server is reachable.',
      'Ada’s change waits for the server, which cannot take it yet (for example a workflow step after one that waits); LabFlow sends it again every minute.',
    ]);
  });

  it('lists LabFlow’s own changes as waiting for the server: they go with the PC’s account, never a person’s sign-in', () => {
    expect(waitingChanges([row('system', 'server'), row('system', 'record')], (id) => names[id] ?? id, () => false)).toEqual([
      { personId: 'system', personName: 'LabFlow itself', count: 2, waitsFor: 'server' },
    ]);
  });
});

