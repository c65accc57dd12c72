import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireDocument } from '../../../src-shared/sync/protocol';
import { baseFields, createTeam, openTestDatabase, push, startTestServer, type TestServer } from './support/test-server';

/**
 * The sync server's merge keeps the domain's rules (issue 21): a merge of two valid task versions
 * that would break a rule keeps the server's values and records the PC's, once however often the
 * push is answered; a document that breaks a rule by itself is refused; board ranks stay unique
 * in a column; a write that changes only bookkeeping is answered with the server's version.
 */
let server: TestServer;
let token: string;

const at = (minute: number) => `2026-01-05T10:${String(minute).padStart(2, '0')}:00.000Z`;
const task = (id: string, fields: Record<string, unknown> = {}): WireDocument => ({
  ...baseFields(id, 'P-ADMIN'), projectId: 'PRJ-RULES', title: `Task ${id}`, description: '', status: 'in_review', priority: 'medium', watcherIds: [],
  progress: 100, checklist: [], dependsOn: [], kanbanRank: 'i', _deleted: false, ...fields,
});
/** An edit as a PC pushes it: it names the audit entry that made it (the server refuses an edit without). */
const edited = (doc: WireDocument, assumed: WireDocument) => ({ newDocumentState: doc, assumedMasterState: assumed, ...(doc.auditId ? { auditIds: [String(doc.auditId)] } : {}) });
const stored = async (id: string) => (await server.db.query<{ data: WireDocument; seq: string }>("SELECT data, seq FROM documents WHERE collection = 'tasks' AND id = $1", [id])).rows[0]!;
const conflictsAbout = async (id: string) =>
  (await server.db.query<{ id: string; data: { data: { fields: { field: string; lost: unknown }[] } } }>("SELECT id, data FROM documents WHERE collection = 'activity' AND data->>'kind' = 'conflict' AND data->>'subjectId' = $1", [id])).rows;

beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  token = (await createTeam(server)).admin.accessToken;
});
afterAll(async () => server?.close());

describe('merging keeps the rules of the domain', () => {
  it('keeps the server’s status and progress when a merge would make a done task less than complete, and records the PC’s progress once', async () => {
    const base = task('T-DONE');
    expect((await push(server, token, 'tasks', [{ newDocumentState: base }])).refused).toEqual([]);
    // PC A marks it done (progress was already 100).
    const done = { ...base, status: 'done', updatedAt: at(1), auditId: 'A-1' };
    expect((await push(server, token, 'tasks', [edited(done, base)])).conflicts).toEqual([]);
    // PC B, offline, lowered the progress and renamed it.
    const lowered = { ...base, progress: 40, title: 'Weigh again', updatedAt: at(2), auditId: 'B-1' };
    const answer = await push(server, token, 'tasks', [edited(lowered, base)]);
    expect(answer.refused).toEqual([]);
    expect(answer.conflicts[0]).toMatchObject({ status: 'done', progress: 100, title: 'Weigh again' });
    expect((await stored('T-DONE')).data).toMatchObject({ status: 'done', progress: 100, title: 'Weigh again' });
    expect((await conflictsAbout('T-DONE')).map((c) => c.data.data.fields)).toEqual([[{ field: 'progress', kept: 100, lost: 40 }]]);

    // The answer was lost in a cut: B pushes the same version again, and again after the server restarted.
    await push(server, token, 'tasks', [edited(lowered, base)]);
    const restarted = await startTestServer({ db: server.db, closeDb: false });
    try {
      await push(restarted, token, 'tasks', [edited(lowered, base)]);
    } finally {
      await restarted.close();
    }
    expect(await conflictsAbout('T-DONE')).toHaveLength(1);

    // B's next version (pushed after its first answer was lost) loses the same value again: still one
    // record. A value that has not lost before is recorded.
    const later = { ...lowered, description: 'Tare first', updatedAt: at(4), auditId: 'B-2' };
    await push(server, token, 'tasks', [edited(later, base)]);
    expect(await conflictsAbout('T-DONE')).toHaveLength(1);
    await push(server, token, 'tasks', [edited({ ...later, progress: 70, updatedAt: at(5), auditId: 'B-3' }, base)]);
    expect((await conflictsAbout('T-DONE')).flatMap((c) => c.data.data.fields.map((f) => f.lost)).sort()).toEqual([40, 70]);
  });

  it('refuses a task that breaks a rule by itself, with the rule’s words', async () => {
    const answer = await push(server, token, 'tasks', [{ newDocumentState: task('T-BAD', { status: 'done', progress: 30 }) }, { newDocumentState: task('T-DATES', { startDate: '2026-03-10', dueDate: '2026-03-01' }) }]);
    expect(answer.refused.map((r) => [r.id, r.code, r.message])).toEqual([
      ['T-BAD', 'invalid_input', 'This tasks document is not valid: A done task is 100% complete; reopen it before lowering its progress.'],
      ['T-DATES', 'invalid_input', 'This tasks document is not valid: The due date cannot be before the start date.'],
    ]);
    expect(await stored('T-BAD')).toBeUndefined();
  });

  it('gives a card that lands on a taken board position the next free one in its column, and the PC takes it', async () => {
    const column = { status: 'todo', progress: 0 };
    expect((await push(server, token, 'tasks', [{ newDocumentState: task('T-TOP', { ...column, kanbanRank: 'c' }) }, { newDocumentState: task('T-NEXT', { ...column, kanbanRank: 'd' }) }])).refused).toEqual([]);
    // Two PCs each put a card below T-TOP offline: both gave it the rank between c and d.
    const first = await push(server, token, 'tasks', [{ newDocumentState: task('T-FROM-A', { ...column, kanbanRank: 'cj' }) }]);
    expect(first.conflicts).toEqual([]);
    const second = await push(server, token, 'tasks', [{ newDocumentState: task('T-FROM-B', { ...column, kanbanRank: 'cj' }) }]);
    const rank = String(second.conflicts[0]?.kanbanRank);
    expect(rank > 'cj' && rank < 'd').toBe(true);
    expect((await stored('T-FROM-B')).data.kanbanRank).toBe(rank);
    // Another column may use the same rank.
    expect((await push(server, token, 'tasks', [{ newDocumentState: task('T-ELSEWHERE', { status: 'done', kanbanRank: 'cj' }) }])).conflicts).toEqual([]);
    const ranks = (await server.db.query<{ rank: string }>("SELECT data->>'kanbanRank' AS rank FROM documents WHERE collection = 'tasks' AND data->>'projectId' = 'PRJ-RULES' AND data->>'status' = 'todo'")).rows.map((r) => r.rank);
    expect(new Set(ranks).size).toBe(ranks.length);
  });

  it('answers a write that changes nothing but bookkeeping with the server’s version, and stores nothing', async () => {
    const base = task('T-SAME');
    await push(server, token, 'tasks', [{ newDocumentState: base }]);
    const before = await stored('T-SAME');
    const rewritten = { ...base, updatedAt: at(9), updatedBy: 'P-MEMBER', auditId: 'AUDIT-SAME' };
    const answer = await push(server, token, 'tasks', [edited(rewritten, base)]);
    expect(answer.conflicts).toEqual([{ ...base }]);
    expect(await stored('T-SAME')).toEqual(before);
    // The PC took the server's version and pushes it back: nothing more to say.
    expect((await push(server, token, 'tasks', [edited(base, base)])).conflicts).toEqual([]);
  });
});
