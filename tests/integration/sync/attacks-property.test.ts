import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealEntry, writerIdOf, type ChainLink } from '../../../src-shared/audit/audit-chain';
import type { SessionTokens, WireDocument } from '../../../src-shared/sync/protocol';
import { auditedChange, baseFields, createTeam, editRow, openTestDatabase, pull, push, startTestServer, team, type TestPerson, type TestServer } from './support/test-server';

/**
 * Issue 18 §10, as a property: three PCs — an administrator's, a member's and HR's — push
 * legitimate changes and forgeries in any order, and no forged change ever reaches another PC
 * (what a PC receives is what it pulls), while every legitimate one does. Each PC is its person's
 * sign-in pushing and pulling through the real server on a real database: the server alone decides
 * what another PC receives, and desktop hosts would make each of the many interleavings take
 * seconds (attacks-*.test.ts drive real desktops through the same rules).
 */
let server: TestServer;
let tokens: Record<keyof typeof team, SessionTokens>;
beforeAll(async () => {
  server = await startTestServer({ db: await openTestDatabase() });
  tokens = await createTeam(server);
  const project = { ...baseFields('PR-PROP', team.admin.id), code: 'PR-PROP', name: 'Property', status: 'active', isArchived: false, ownerId: team.admin.id, teamIds: [team.member.id, team.hr.id], _deleted: false };
  const task = { ...baseFields('TK-PROP', team.admin.id), projectId: 'PR-PROP', title: 'Shared task', status: 'todo', kanbanRank: 'm', watcherIds: [], dependsOn: [], _deleted: false };
  expect((await push(server, tokens.admin.accessToken, 'projects', [{ newDocumentState: project }])).refused).toEqual([]);
  expect((await push(server, tokens.admin.accessToken, 'tasks', [{ newDocumentState: task }])).refused).toEqual([]);
});
afterAll(async () => server?.close());

const pcs = ['admin', 'member', 'hr'] as const;
type Pc = (typeof pcs)[number];
const at = '2026-03-03T09:00:00.000Z';
let serial = 0;
/** Where each PC's (honest) audit chain stands: its entries follow one another. */
const chains = new Map<Pc, ChainLink>();

interface Step {
  pc: Pc;
  isForged: boolean;
  kind: number;
}

/** One push of the step; the id it writes, and the collection to look for it in. */
async function run(step: Step): Promise<{ collection: string; id: string; marker: string }> {
  const me: TestPerson = team[step.pc];
  const other: TestPerson = team[pcs[(pcs.indexOf(step.pc) + 1) % pcs.length]!];
  const id = `PROP-${++serial}`;
  const marker = `${step.isForged ? 'forged' : 'honest'}-${serial}`;
  const token = tokens[step.pc].accessToken;
  switch (step.kind % 4) {
    case 0: {
      // A comment on the shared task — in someone else's name when forged.
      const author = step.isForged ? other.id : me.id;
      await push(server, token, 'activity', [{ newDocumentState: { ...baseFields(id, author), kind: 'comment', subjectType: 'task', subjectId: 'TK-PROP', personId: author, at, data: { body: marker }, _deleted: false } }]);
      return { collection: 'activity', id, marker };
    }
    case 1: {
      // A new project — created in someone else's name when forged.
      await push(server, token, 'projects', [{ newDocumentState: { ...baseFields(id, step.isForged ? other.id : me.id), code: id, name: marker, status: 'planned', isArchived: false, _deleted: false } }]);
      return { collection: 'projects', id, marker };
    }
    case 2: {
      // An audited change, then its entry — the entry in someone else's name when forged.
      const change = auditedChange('projects', { ...baseFields(id, me.id), code: id, name: `change-${serial}`, status: 'planned', isArchived: false, _deleted: false }, { id: me.id, name: me.name }, { entryId: id, pc: `PC-${step.pc}`, previous: chains.get(step.pc) ?? null });
      await push(server, token, 'projects', [change.row]);
      if (!step.isForged) {
        await push(server, token, 'audit', [{ newDocumentState: change.entry }]);
        chains.set(step.pc, change.link);
        return { collection: 'audit', id, marker: `"hash":"${String(change.entry.hash)}"` };
      }
      const { hash: _hash, ...unsealed } = change.entry;
      void _hash;
      const forged = sealEntry({ ...unsealed, actorId: other.id, actorName: marker, createdBy: other.id, updatedBy: other.id }, writerIdOf(`PC-${step.pc}`, other.id), null);
      await push(server, token, 'audit', [{ newDocumentState: forged as unknown as WireDocument }]);
      return { collection: 'audit', id, marker };
    }
    default: {
      // An edit of the shared task — without its audit entry when forged.
      const task = (await pull(server, token, 'tasks', null, 1000)).documents.find((d) => d.id === 'TK-PROP')!;
      const edit = editRow(task, { description: marker }, me.id);
      await push(server, token, 'tasks', [step.isForged ? { assumedMasterState: edit.assumedMasterState, newDocumentState: edit.newDocumentState } : edit]);
      return { collection: 'tasks', id: 'TK-PROP', marker };
    }
  }
}

const everythingPulledBy = async (pc: Pc): Promise<string> => {
  const all: unknown[] = [];
  for (const collection of ['activity', 'projects', 'audit', 'tasks']) all.push(...(await pull(server, tokens[pc].accessToken, collection, null, 1000)).documents);
  return JSON.stringify(all);
};

describe('three PCs pushing honest and forged changes in any order', () => {
  it('never let a forged change reach another PC, and every honest one does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ pc: fc.constantFrom(...pcs), isForged: fc.boolean(), kind: fc.nat({ max: 3 }) }), { minLength: 1, maxLength: 8 }), async (steps) => {
        const done = [];
        for (const step of steps) done.push({ step, ...(await run(step)) });
        for (const pc of pcs) {
          const received = await everythingPulledBy(pc);
          for (const { step, marker } of done) {
            if (step.pc === pc) continue;
            if (step.isForged) expect(received.includes(marker), `${pc} received the forged ${marker}`).toBe(false);
            else if (step.kind % 4 !== 3) expect(received.includes(marker), `${pc} lacks the honest ${marker}`).toBe(true);
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});
