import { describe, expect, it } from 'vitest';
import { syncCollections } from '../../../src-shared/sync/collections';
import type { PushResponse, PushRow, WireDocument } from '../../../src-shared/sync/protocol';
import { LINK_PERSON_COMMAND } from '../../../src-shared/sync/remap-ids';
import type { ParkedRow, ParkedRows } from '../../../src-main/sync/parked-rows';
import { pushWithAuthors, type PushSenderOptions } from '../../../src-main/sync/push-sender';
import { SessionEndedError, type ServerSession } from '../../../src-main/sync/server-session';

/**
 * How a PC pushes (issue 18): each row with its author's own sign-in, never anyone else's; rows of
 * authors without one as probes that wait when they would change something; a waiting row later
 * with the server state it was made on; audit entries after their records.
 */
type Row = { newDocumentState: WireDocument; assumedMasterState?: WireDocument | null };

const tasks = syncCollections.find((c) => c.name === 'tasks')!;
const audit = syncCollections.find((c) => c.name === 'audit')!;
const session = (name: string) => ({ name }) as unknown as ServerSession;
const pcAccount = session('pc-account (Ada)');
const maxSession = session('Max');

const doc = (id: string, by: string, extra: Record<string, unknown> = {}): WireDocument => ({ id, createdBy: by, updatedBy: by, auditId: `A-${id}`, title: id, _deleted: false, ...extra });
const onServer = (d: WireDocument): WireDocument => ({ ...d, title: `${String(d.title)} (as the server had it)` });
const row = (d: WireDocument, assumed: WireDocument | null = onServer(d)): Row => ({ newDocumentState: d, assumedMasterState: assumed });

function fakeParked(initial: ParkedRow[] = []) {
  const rows = new Map(initial.map((r) => [`${r.collection}/${r.id}`, r]));
  return {
    rows,
    get: (collection: string, id: string) => rows.get(`${collection}/${id}`) ?? null,
    async park(parked: readonly ParkedRow[]) {
      for (const r of parked) rows.set(`${r.collection}/${r.id}`, r);
    },
    async settle(collection: string, ids: readonly string[]) {
      for (const id of ids) rows.delete(`${collection}/${id}`);
    },
  };
}

function setUp(answer: (via: ServerSession, rows: PushRow[]) => PushResponse | Promise<PushResponse>, parked = fakeParked(), extra: Partial<PushSenderOptions> = {}) {
  const calls: { via: string; rows: PushRow[] }[] = [];
  const options: PushSenderOptions = {
    spec: tasks,
    pcAccount,
    sessionFor: (personId) => (personId === 'P-MAX' ? maxSession : personId === 'P-ADA' ? pcAccount : null),
    parked: parked as unknown as ParkedRows,
    post: async (via, rows) => {
      calls.push({ via: (via as unknown as { name: string }).name, rows });
      return answer(via, rows);
    },
    auditIdsOf: async (_collection, records, authorId) => new Map(records.map((r) => [String(r.id), [`${authorId}-entry-of-${String(r.id)}`]])),
    clock: () => new Date('2026-01-05T09:00:00.000Z'),
    ...extra,
  };
  return { calls, options, parked };
}
const noConflicts = (): PushResponse => ({ conflicts: [], refused: [] });

describe('each change with its author’s own sign-in', () => {
  it('sends a person’s rows with their sign-in and their audit entries, and an absent author’s only as a probe that then waits', async () => {
    const { calls, options, parked } = setUp((via, rows) => (rows[0]?.isProbe ? { conflicts: [], refused: [], waiting: rows.map((r) => String(r.newDocumentState.id)) } : noConflicts()));
    const ben = row(doc('T2', 'P-BEN'));
    const outcome = await pushWithAuthors([row(doc('T1', 'P-MAX')), ben], options);
    expect(calls.map((c) => c.via)).toEqual(['Max', 'pc-account (Ada)']);
    expect(calls[0]!.rows[0]).toMatchObject({ auditIds: ['P-MAX-entry-of-T1'] });
    expect(calls[0]!.rows[0]).not.toHaveProperty('isProbe');
    expect(calls[1]!.rows[0]).toMatchObject({ isProbe: true });
    expect(calls[1]!.rows[0]).not.toHaveProperty('auditIds');
    expect(outcome).toMatchObject({ conflicts: [], answered: ['T1'], parked: [{ collection: 'tasks', id: 'T2', authorId: 'P-BEN', reason: 'author', assumed: ben.assumedMasterState }] });
    expect(parked.get('tasks', 'T2')).toMatchObject({ reason: 'author' });
  });

  it('sends a row that waited with the server state it was made on, and settles it once answered', async () => {
    const waited: ParkedRow = { collection: 'tasks', id: 'T3', authorId: 'P-MAX', reason: 'author', assumed: onServer(doc('T3', 'P-ADA')), at: '2026-01-04T09:00:00.000Z' };
    const { calls, options, parked } = setUp(() => noConflicts(), fakeParked([waited]));
    // RxDB took the row as pushed when it was parked, so it now assumes the server has the PC's version.
    const edited = doc('T3', 'P-MAX');
    await pushWithAuthors([row(edited, edited)], options);
    expect(calls[0]).toMatchObject({ via: 'Max', rows: [{ assumedMasterState: waited.assumed }] });
    expect(parked.get('tasks', 'T3')).toBeNull();
  });

  it('sends the rows of a person whose sign-in the server has just ended as probes: they never fall back to anyone else’s rights', async () => {
    const { calls, options } = setUp((via, rows) => {
      if (via === maxSession) throw new SessionEndedError('ended');
      return { conflicts: [], refused: [], waiting: rows.map((r) => String(r.newDocumentState.id)) };
    });
    const outcome = await pushWithAuthors([row(doc('T4', 'P-MAX'))], options);
    expect(calls.map((c) => [c.via, c.rows[0]?.isProbe ?? false])).toEqual([['Max', false], ['pc-account (Ada)', true]]);
    expect(outcome.parked).toEqual([expect.objectContaining({ id: 'T4', reason: 'author' })]);
  });

  it('keeps a row of a person with a sign-in waiting when the server cannot judge it yet', async () => {
    const { options } = setUp((_via, rows) => ({ conflicts: [], refused: [], waiting: rows.map((r) => String(r.newDocumentState.id)) }));
    const outcome = await pushWithAuthors([row(doc('T5', 'P-MAX'))], options);
    expect(outcome.parked).toEqual([expect.objectContaining({ id: 'T5', authorId: 'P-MAX', reason: 'server' })]);
  });

  it('sends a new record another person edited before it left as its creator’s, and keeps what the server took', async () => {
    const { calls, options } = setUp(() => noConflicts());
    const outcome = await pushWithAuthors([{ newDocumentState: doc('T6', 'P-MAX', { updatedBy: 'P-ADA' }) }], options);
    expect(calls[0]).toMatchObject({ via: 'Max', rows: [{ newDocumentState: { createdBy: 'P-MAX', updatedBy: 'P-MAX' } }] });
    expect(outcome.conflicts).toEqual([expect.objectContaining({ id: 'T6', updatedBy: 'P-MAX' })]);
  });

  it('sends nothing for the removal of something the server never had', async () => {
    const { calls, options } = setUp(() => noConflicts());
    const outcome = await pushWithAuthors([{ newDocumentState: doc('T7', 'P-BEN', { _deleted: true }) }], options);
    expect(calls).toEqual([]);
    expect(outcome.answered).toEqual(['T7']);
  });
});

describe('audit entries', () => {
  const entry = (id: string, fields: Record<string, unknown> = {}) =>
    row({ ...doc(id, 'P-MAX'), actorId: 'P-MAX', collectionName: 'tasks', recordId: 'T1', command: 'tasks/update', writerId: 'PC-1:P-MAX', seq: 0, prevHash: '', hash: 'h', ...fields }, null);

  it('wait for their record while its change has not been answered, and go once it has', async () => {
    let isWaiting = true;
    const { calls, options } = setUp(() => noConflicts(), fakeParked(), { spec: audit, isRecordWaiting: async () => isWaiting });
    const first = await pushWithAuthors([entry('E1')], options);
    expect(calls).toEqual([]);
    expect(first.parked).toEqual([expect.objectContaining({ id: 'E1', reason: 'record', waitsFor: 'tasks/T1' })]);
    isWaiting = false;
    await pushWithAuthors([entry('E1')], options);
    expect(calls).toEqual([{ via: 'Max', rows: [expect.objectContaining({ newDocumentState: expect.objectContaining({ id: 'E1' }) })] }]);
    expect(calls[0]!.rows[0]).not.toHaveProperty('auditIds');
  });

  it('keep merges of people, password hashes cached at sign-in and entries from before the chain on this PC: answered, never sent', async () => {
    const { calls, options } = setUp(() => noConflicts(), fakeParked(), { spec: audit, isRecordWaiting: async () => false });
    const signIn = entry('E4', { command: 'auth/sign-in', collectionName: 'people', recordId: 'P-MAX' });
    const outcome = await pushWithAuthors([entry('E2', { command: LINK_PERSON_COMMAND }), entry('E3', { writerId: '' }), signIn, entry('E5')], options);
    expect(calls).toEqual([{ via: 'Max', rows: [expect.objectContaining({ newDocumentState: expect.objectContaining({ id: 'E5' }) })] }]);
    expect(outcome.answered).toEqual(['E2', 'E3', 'E4', 'E5']);
  });
});
