import { describe, expect, it } from 'vitest';
import { attachDecision, canReadSubject, removeDecision } from '../../../src-shared/files/attachment-access';
import { planUpload, rangeStart, readableDescriptions } from '../../../src-shared/files/blob-protocol';
import { MAX_ATTACHMENT_BYTES } from '../../../src-shared/files/attachment-model';
import { can } from '../../../src-shared/sync/permissions';
import { canRead, stampSubjectScope } from '../../../src-shared/sync/read-scope';
import { noRelated, relatedNeeds, type RelatedDocuments } from '../../../src-shared/sync/related-documents';
import type { SyncPerson } from '../../../src-shared/sync/sync-person';

const person = (id: string, roles: string[], extra: Partial<SyncPerson> = {}): SyncPerson => ({ id, email: '', name: id, roles, isActive: true, ...extra });
const max = person('max', ['member']);
const mia = person('mia', ['department_head'], { managedIds: ['max'] });
const hana = person('hana', ['hr']);
const ada = person('ada', ['admin']);
const leave = { id: 'L1', kind: 'leave_request', title: 'Leave', status: 'submitted', personId: 'max', managerIds: ['mia'], data: { personId: 'max' } };
const project = { id: 'P1', code: 'QC', createdBy: 'ada', ownerId: 'ada', teamIds: ['tess'] };
const task = { id: 'T1', projectId: 'P1', title: 'Calibrate', assigneeId: 'max', watcherIds: [] };
const hash = 'cd'.repeat(32);

const attachment = (by: string, subject: Record<string, unknown>, data: Record<string, unknown> = {}) => ({
  id: 'A1', kind: 'attachment', ...subject, at: '2026-01-05T09:00:00.000Z', personId: by, createdBy: by, updatedBy: by, createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z', auditId: '',
  data: { name: 'f.pdf', mediaType: 'application/pdf', size: 10, sha256: hash, source: 'upload', ...data },
});
const related = (docs: Record<string, Record<string, unknown>>): RelatedDocuments => ({ ...noRelated, get: (collection, id) => docs[`${collection}/${id}`] ?? null });

describe('who may attach files', () => {
  it('to an HR record: those who read it — the person, their manager, HR — not an administrator', () => {
    const subject = { type: 'records' as const, doc: leave };
    expect([max, mia, hana, ada].map((p) => attachDecision(p, subject).isAllowed)).toEqual([true, true, true, false]);
    expect([max, mia, hana, ada].map((p) => canReadSubject(p, subject))).toEqual([true, true, true, false]);
  });

  it('to a task: its assignee, watchers and the project team; to a project: its team', () => {
    const tess = person('tess', ['member']);
    const olga = person('olga', ['member']);
    expect([max, tess, ada, olga].map((p) => attachDecision(p, { type: 'tasks', doc: task, project }).isAllowed)).toEqual([true, true, true, false]);
    expect([max, tess, ada].map((p) => attachDecision(p, { type: 'projects', doc: project }).isAllowed)).toEqual([false, true, true]);
  });

  it('to nothing: the host refuses, the server waits for the subject (collections replicate apart)', () => {
    expect(attachDecision(max, { type: 'tasks', doc: null }).isAllowed).toBe(false);
    expect(attachDecision(max, { type: 'tasks', doc: null }, true).isAllowed).toBe(true);
    expect(attachDecision(person('gone', ['admin'], { isActive: false }), { type: 'meetings', doc: { id: 'M' } }).isAllowed).toBe(false);
  });

  it('removal: whoever attached it, and administrators', () => {
    const doc = attachment('max', { subjectType: 'tasks', subjectId: 'T1' });
    expect([max, ada, hana].map((p) => removeDecision(p, doc).isAllowed)).toEqual([true, true, false]);
  });
});

describe('attachment documents on the sync server', () => {
  const judge = (who: SyncPerson, doc: Record<string, unknown>, previous: Record<string, unknown> | null, docs: Record<string, Record<string, unknown>> = {}) =>
    can(who, previous ? (doc._deleted ? 'delete' : 'update') : 'create', { collection: 'activity', doc, previous, related: related(docs) });

  it('names the subject and a task’s project as what the rule reads', () => {
    const doc = attachment('max', { subjectType: 'tasks', subjectId: 'T1' });
    expect(relatedNeeds('activity', doc, null, related({ 'tasks/T1': task })).docs).toEqual(expect.arrayContaining([{ collection: 'tasks', id: 'T1' }, { collection: 'projects', id: 'P1' }]));
  });

  it('takes a well-formed attachment by its own author where they may attach', () => {
    expect(judge(max, attachment('max', { subjectType: 'tasks', subjectId: 'T1' }), null, { 'tasks/T1': task, 'projects/P1': project })).toEqual({ isAllowed: true });
    expect(judge(max, attachment('hana', { subjectType: 'tasks', subjectId: 'T1' }), null, { 'tasks/T1': task, 'projects/P1': project }).isAllowed).toBe(false);
    expect(judge(person('olga', ['member']), attachment('olga', { subjectType: 'tasks', subjectId: 'T1' }), null, { 'tasks/T1': task, 'projects/P1': project }).isAllowed).toBe(false);
    expect(judge(ada, attachment('ada', { subjectType: 'records', subjectId: 'L1' }), null, { 'records/L1': leave }).isAllowed).toBe(false);
    // A kept document carries the number it shows.
    const kept = attachment('max', { subjectType: 'tasks', subjectId: 'T1' }, { source: 'generated', template: 'record_summary', number: 'QC-1' });
    expect(judge(max, kept, null, { 'tasks/T1': task, 'projects/P1': project })).toEqual({ isAllowed: true });
  });

  it('refuses claims the blob endpoint would trust: an oversized file, a bad hash, an unknown subject type', () => {
    const docs = { 'tasks/T1': task, 'projects/P1': project };
    expect(judge(max, attachment('max', { subjectType: 'tasks', subjectId: 'T1' }, { size: MAX_ATTACHMENT_BYTES + 1 }), null, docs).isAllowed).toBe(false);
    expect(judge(max, attachment('max', { subjectType: 'tasks', subjectId: 'T1' }, { sha256: 'nothex' }), null, docs).isAllowed).toBe(false);
    expect(judge(max, attachment('max', { subjectType: 'secrets', subjectId: 'T1' }), null, docs).isAllowed).toBe(false);
    expect(judge(max, attachment('max', { subjectType: 'tasks', subjectId: 'T1' }, { extra: 'field' }), null, docs).isAllowed).toBe(false);
    expect(judge(max, attachment('max', { subjectType: 'tasks', subjectId: 'T1' }, { number: 'N'.repeat(61) }), null, docs).isAllowed).toBe(false);
  });

  it('lets nothing change after that but the stamped scope, and removal', () => {
    const before = attachment('max', { subjectType: 'records', subjectId: 'L1' });
    const restamped = { ...before, data: { ...before.data, subjectScope: { kind: 'leave_request' } } };
    expect(judge(max, restamped, before).isAllowed).toBe(true);
    expect(judge(max, { ...before, data: { ...before.data, sha256: 'ef'.repeat(32) } }, before)).toMatchObject({ isAllowed: false, reason: expect.stringContaining('data.sha256') });
    expect(judge(max, { ...before, subjectId: 'L2' }, before).isAllowed).toBe(false);
    expect(judge(hana, { ...before, _deleted: true }, before).isAllowed).toBe(false);
    expect(judge(ada, { ...before, _deleted: true }, before).isAllowed).toBe(true);
  });

  it('scopes an HR record’s attachment like the record once the server stamped it', () => {
    const stamped = stampSubjectScope(attachment('hana', { subjectType: 'records', subjectId: 'L1' }), leave);
    expect([max, mia, hana, ada].map((p) => canRead(p, 'activity', stamped))).toEqual([true, true, true, false]);
    expect(readableDescriptions(ada, [stamped])).toEqual([]);
    expect(readableDescriptions(hana, [stamped])).toHaveLength(1);
  });
});

describe('blob uploads', () => {
  const described = [{ kind: 'attachment', data: { size: 100 } }];
  const plan = (extra: Partial<Parameters<typeof planUpload>[0]>) => planUpload({ sha256: hash, offset: '0', length: '100', received: 0, isStored: false, descriptions: described, ...extra });

  it('appends from where the server is, or from before it (the overlap is skipped), never past it', () => {
    expect(plan({})).toEqual({ ok: true, value: { kind: 'append', offset: 0, length: 100 } });
    expect(plan({ offset: '40', received: 60 })).toMatchObject({ ok: true, value: { offset: 40 } });
    expect(plan({ offset: '70', received: 60 })).toMatchObject({ ok: false, status: 409 });
    expect(plan({ isStored: true })).toEqual({ ok: true, value: { kind: 'already_stored' } });
  });

  it('refuses before reading: no hash, no length, too large, not described, a size unlike the description', () => {
    expect(plan({ sha256: 'x' })).toMatchObject({ status: 400 });
    expect(plan({ length: undefined })).toMatchObject({ status: 400 });
    expect(plan({ length: String(MAX_ATTACHMENT_BYTES + 1) })).toMatchObject({ status: 413, error: { code: 'file_too_large' } });
    expect(plan({ descriptions: [] })).toMatchObject({ status: 404 });
    expect(plan({ length: '101' })).toMatchObject({ status: 422, error: { code: 'file_corrupt' } });
    expect(plan({ offset: '-1' })).toMatchObject({ status: 400 });
  });

  it('reads only open-ended byte ranges inside the file', () => {
    expect(rangeStart(undefined, 100)).toBe(0);
    expect(rangeStart('bytes=40-', 100)).toBe(40);
    expect(rangeStart('bytes=100-', 100)).toBeNull();
    expect(rangeStart('bytes=0-10', 100)).toBeNull();
    expect(rangeStart('items=3-', 100)).toBeNull();
  });
});
