import { describe, expect, it } from 'vitest';
import { attachDecision, canReadSubject } from '../../../src-shared/files/attachment-access';
import { readableDescriptions } from '../../../src-shared/files/blob-protocol';
import { canRead, stampSubjectScope } from '../../../src-shared/sync/read-scope';
import { noRelated, relatedNeeds } from '../../../src-shared/sync/related-documents';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';
import { ada, admin, bob, carol, meeting } from './fixtures';

/**
 * Files of a meeting are read like the meeting: a private 1:1's agenda papers reach only its
 * organiser, attendees and minute-takers — on the PC (attach, list, open) and through the sync
 * server (the attachment document's stamped scope, and so the blob endpoint).
 */
const asSync = (p: { id: string; roles: string[] }): SyncPerson => ({ id: p.id, email: '', name: p.id, roles: p.roles, isActive: true });
const [adaS, bobS, carolS, adminS] = [ada, bob, carol, admin].map(asSync) as [SyncPerson, SyncPerson, SyncPerson, SyncPerson];
const dave = asSync({ id: 'P-DAVE', roles: ['member'] });

// Ada's 1:1 with Bob; Carol takes the minutes. The QA meeting is open to the lab.
const oneToOne = meeting({ id: 'M-1TO1', data: { type: 'one_to_one', isPrivate: true, attendees: [{ personId: bob.id, name: bob.name, role: 'required', response: 'accepted' }] } });
const open = meeting({ id: 'M-QA' });
const doc = (m: typeof open) => m as unknown as Record<string, unknown>;

const attachment = (by: string, subjectId: string) => ({
  id: `A-${subjectId}`, kind: 'attachment', subjectType: 'meetings', subjectId, at: '2026-03-05T09:00:00.000Z', personId: by, createdBy: by, updatedBy: by,
  createdAt: '2026-03-05T09:00:00.000Z', updatedAt: '2026-03-05T09:00:00.000Z', auditId: '',
  data: { name: 'review.pdf', mediaType: 'application/pdf', size: 10, sha256: 'ab'.repeat(32), source: 'upload', subjectScope: {} },
});

describe('files of a meeting', () => {
  it('are added and read only by those who read the meeting: nobody else for a private 1:1, administrators included', () => {
    const subject = { type: 'meetings' as const, doc: doc(oneToOne) };
    expect([adaS, bobS, carolS, adminS, dave].map((p) => attachDecision(p, subject).isAllowed)).toEqual([true, true, true, false, false]);
    expect([adaS, bobS, carolS, adminS, dave].map((p) => canReadSubject(p, subject))).toEqual([true, true, true, false, false]);
    expect(attachDecision(dave, subject)).toEqual({ isAllowed: false, reason: 'This meeting is private to its attendees, so you cannot add files to it.' });
    expect([dave, adminS].map((p) => canReadSubject(p, { type: 'meetings', doc: doc(open) }))).toEqual([true, true]);
  });

  it('carry the meeting\'s scope as the server stamps it, replacing what the PC claimed; before the meeting arrives only their author reads them', () => {
    const claimed = attachment(ada.id, 'M-1TO1');
    expect(relatedNeeds('activity', claimed, null, noRelated).docs).toContainEqual({ collection: 'meetings', id: 'M-1TO1' });
    const stamped = stampSubjectScope(claimed, doc(oneToOne));
    expect([adaS, bobS, carolS, adminS, dave].map((p) => canRead(p, 'activity', stamped))).toEqual([true, true, true, false, false]);
    expect(readableDescriptions(dave, [stamped])).toEqual([]);
    const early = stampSubjectScope(claimed, null);
    expect([adaS, bobS, dave].map((p) => canRead(p, 'activity', early))).toEqual([true, false, false]);
    const onOpen = stampSubjectScope(attachment(ada.id, 'M-QA'), doc(open));
    expect([adaS, dave, adminS].map((p) => canRead(p, 'activity', onOpen))).toEqual([true, true, true]);
  });
});
