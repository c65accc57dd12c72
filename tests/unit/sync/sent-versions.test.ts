import { describe, expect, it } from 'vitest';
import { createSentVersions } from '../../../src-main/sync/sent-versions';

/** The base of a push whose earlier answer RxDB could not record (src-main/sync/sent-versions.ts). */
const v1 = { id: 'c1', purpose: 'Supplier audit', number: 'EXP-P-0001' };
const v2 = { id: 'c1', purpose: 'Supplier audit in Hamburg', number: 'EXP-P-0001' };
const server = { id: 'c1', purpose: 'Supplier audit', number: 'EXP-2026-0001' };

describe('sent versions', () => {
  it('gives the next push the version this PC sent when RxDB still assumes what it assumed then', () => {
    const sent = createSentVersions();
    sent.remember([{ id: 'c1', sent: { newDocumentState: v1, assumedMasterState: null } }], new Set(['c1']));
    expect(sent.withBase('c1', { newDocumentState: v2, assumedMasterState: null })).toEqual({ newDocumentState: v2, assumedMasterState: v1 });
    // Until RxDB moves on: it stored the server's answer, so its own assumed state is right again.
    expect(sent.withBase('c1', { newDocumentState: v2, assumedMasterState: server })).toEqual({ newDocumentState: v2, assumedMasterState: server });
    expect(sent.withBase('c1', { newDocumentState: v2, assumedMasterState: null })).toEqual({ newDocumentState: v2, assumedMasterState: null });
  });

  it('remembers only rows answered with the server’s own version, and forgets a row answered as sent', () => {
    const sent = createSentVersions();
    sent.remember([{ id: 'c1', sent: { newDocumentState: v1, assumedMasterState: null } }], new Set());
    expect(sent.withBase('c1', { newDocumentState: v2, assumedMasterState: null }).assumedMasterState).toBeNull();
    sent.remember([{ id: 'c1', sent: { newDocumentState: v1, assumedMasterState: null } }], new Set(['c1']));
    sent.remember([{ id: 'c1', sent: { newDocumentState: v2, assumedMasterState: null } }], new Set());
    expect(sent.withBase('c1', { newDocumentState: v2, assumedMasterState: null }).assumedMasterState).toBeNull();
    expect(sent.withBase('other', { newDocumentState: v2, assumedMasterState: null }).assumedMasterState).toBeNull();
  });
});
