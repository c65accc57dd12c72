import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealEntry, writerIdOf } from '../../../src-shared/audit/audit-chain';
import type { WireDocument } from '../../../src-shared/sync/protocol';
import { expectRefusedEverywhere, startAttackLab, type AttackLab, type AttackScope } from './support/attack-lab';
import { auditedChange, baseFields, editRow, leaveRecord, push } from './support/test-server';
import { waitUntil } from './support/wait';

/**
 * Issue 18, attacks on identity, authorisation and the audit trail, by people with ordinary (and
 * one with administrator) accounts pushing straight to the server as a modified PC would. Each row
 * of the table must be refused, logged, listed as refused in the attacker's answer, and leave the
 * server and both PCs as they were.
 */
let lab: AttackLab;
beforeAll(async () => {
  lab = await startAttackLab();
}, 180_000);
afterAll(async () => lab?.close());

const at = '2026-02-02T09:00:00.000Z';
const row = (doc: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ newDocumentState: { ...doc, _deleted: false } as WireDocument, ...extra });
/** An audit entry an attacker made and sealed himself: its hash is right, so only the server's rules can refuse it. */
const forgedEntry = (id: string, actorId: string, fields: Record<string, unknown>): WireDocument =>
  ({
    ...sealEntry(
      { ...baseFields(id, actorId), at, actorId, actorName: 'Someone', command: 'people/update', collectionName: 'people', recordId: lab.ids.max, operation: 'update', changes: [{ field: 'roles', old: ['member'], new: ['admin'] }], ...fields },
      writerIdOf('PC-ATTACK', actorId),
      null,
    ),
    _deleted: false,
  }) as WireDocument;
const serverDoc = async (collection: string, id: string) => (await lab.onServer(collection, id))!;

interface Attack {
  name: string;
  by: 'max' | 'otto';
  collection: string;
  scope?: AttackScope;
  /** The rows pushed and the id whose refusal is checked. */
  build(): Promise<{ rows: Parameters<typeof push>[3]; id: string }>;
}

/** HR records are read on the server by HR; of the two PCs only Max's holds his own. */
const hrScope: AttackScope = { readAs: 'hana', heldOn: ['B'] };
let maxLeave: WireDocument | null = null;
/** Max's own leave request, filed and submitted honestly (once), as the server holds it and his PC has it. */
async function submittedLeaveOfMax(): Promise<WireDocument> {
  if (maxLeave) return maxLeave;
  const token = await lab.tokenOf('max');
  const draft = leaveRecord('LR-MAX', lab.ids.max);
  expect((await push(lab.server, token, 'records', [{ newDocumentState: draft }])).refused).toEqual([]);
  const stored = (await lab.onServer('records', 'LR-MAX', 'max'))!;
  expect((await push(lab.server, token, 'records', [editRow(stored, { status: 'submitted' }, lab.ids.max)])).refused).toEqual([]);
  maxLeave = (await lab.onServer('records', 'LR-MAX', 'max'))!;
  await waitUntil(async () => (await lab.b.find<{ status: string }>('records', { id: 'LR-MAX' }))[0]?.status === 'submitted', 'Max’s submitted leave on his PC');
  return maxLeave;
}

const attacks: Attack[] = [
  {
    name: 'a leave request approved by the person it is for (issue 18 §2, defect 5)',
    by: 'max',
    collection: 'records',
    scope: hrScope,
    build: async () => ({ id: 'LR-MAX', rows: [editRow(await submittedLeaveOfMax(), { status: 'approved' }, lab.ids.max)] }),
  },
  {
    name: 'HR’s note on a leave request written by the person it is for',
    by: 'max',
    collection: 'records',
    scope: hrScope,
    build: async () => {
      const leave = await submittedLeaveOfMax();
      return { id: 'LR-MAX', rows: [editRow(leave, { data: { ...(leave.data as object), hrNote: 'Balance checked, approved' } }, lab.ids.max)] };
    },
  },
  {
    name: 'a leave request filed in HR’s name',
    by: 'max',
    collection: 'records',
    scope: hrScope,
    build: async () => ({ id: 'LR-FORGED', rows: [row(leaveRecord('LR-FORGED', lab.ids.hana, {}, { startDate: '2026-03-02', endDate: '2026-03-02', days: 1 }))] }),
  },
  {
    name: 'a comment written in the administrator’s name (issue 18 §3)',
    by: 'max',
    collection: 'activity',
    build: async () => ({ id: 'ATK-COMMENT', rows: [row({ ...baseFields('ATK-COMMENT', lab.ids.ada), kind: 'comment', subjectType: 'task', subjectId: lab.ids.task, personId: lab.ids.ada, at, data: { body: 'Approved, Ada' } })] }),
  },
  {
    name: 'a project created in the administrator’s name (issue 18 §3)',
    by: 'max',
    collection: 'projects',
    build: async () => ({ id: 'ATK-PROJECT', rows: [row({ ...baseFields('ATK-PROJECT', lab.ids.ada), code: 'ATK-1', name: 'Ada’s', status: 'planned', isArchived: false, ownerId: lab.ids.ada, teamIds: [] })] }),
  },
  {
    name: 'a time entry logged for someone else',
    by: 'max',
    collection: 'activity',
    build: async () => ({ id: 'ATK-TIME', rows: [row({ ...baseFields('ATK-TIME', lab.ids.max), kind: 'time_entry', subjectType: 'task', subjectId: lab.ids.task, personId: lab.ids.ada, at, data: { hours: 8 } })] }),
  },
  {
    name: 'an audit entry by the administrator making the member an administrator (issue 18 §1)',
    by: 'max',
    collection: 'audit',
    build: async () => {
      const max = await serverDoc('people', lab.ids.max);
      return { id: 'ATK-AUDIT-ADA', rows: [row(forgedEntry('ATK-AUDIT-ADA', lab.ids.ada, { actorName: 'Ada Admin', after: { ...max, roles: ['admin'], _deleted: undefined } }))] };
    },
  },
  {
    name: 'the member’s own audit entry making himself administrator, with no change behind it (forged audit without a change)',
    by: 'max',
    collection: 'audit',
    build: async () => {
      const max = await serverDoc('people', lab.ids.max);
      return { id: 'ATK-AUDIT-OWN', rows: [row(forgedEntry('ATK-AUDIT-OWN', lab.ids.max, { actorName: 'Max Member', after: { ...max, roles: ['admin'], _deleted: undefined } }))] };
    },
  },
  {
    name: 'an audit entry of a change the member made, describing another after-state',
    by: 'max',
    collection: 'audit',
    build: async () => {
      const task = await serverDoc('tasks', lab.ids.task);
      const change = auditedChange('tasks', { ...task, progress: 30, updatedBy: lab.ids.max, updatedAt: at }, { id: lab.ids.max, name: 'Max Member' }, { entryId: 'ATK-AUDIT-AFTER', assumed: task, pc: 'PC-MAX' });
      expect((await push(lab.server, await lab.tokenOf('max'), 'tasks', [change.row])).refused).toEqual([]);
      const { hash: _hash, ...unsealed } = change.entry;
      void _hash;
      const lying = sealEntry({ ...unsealed, after: { ...(change.entry.after as object), progress: 100, status: 'done' } }, String(change.entry.writerId), null);
      return { id: 'ATK-AUDIT-AFTER', rows: [row(lying as unknown as Record<string, unknown>)] };
    },
  },
  {
    name: 'an edit stamped with the administrator as its author',
    by: 'max',
    collection: 'tasks',
    build: async () => ({ id: lab.ids.task, rows: [editRow(await serverDoc('tasks', lab.ids.task), { title: 'Renamed by “Ada”' }, lab.ids.ada)] }),
  },
  {
    name: 'a change without its audit entry',
    by: 'max',
    collection: 'tasks',
    build: async () => {
      const task = await serverDoc('tasks', lab.ids.task);
      return { id: lab.ids.task, rows: [{ assumedMasterState: task, newDocumentState: { ...task, title: 'Quietly renamed', updatedBy: lab.ids.max } }] };
    },
  },
  {
    name: 'the member making himself administrator',
    by: 'max',
    collection: 'people',
    build: async () => ({ id: lab.ids.max, rows: [editRow(await serverDoc('people', lab.ids.max), { roles: ['admin'] }, lab.ids.max)] }),
  },
  {
    name: 'roles in the same push as the change they would allow',
    by: 'max',
    collection: 'people',
    build: async () => ({
      id: 'ROLE-atk_role',
      rows: [
        editRow(await serverDoc('people', lab.ids.max), { roles: ['admin'] }, lab.ids.max),
        row({ ...baseFields('ROLE-atk_role', lab.ids.max), kind: 'role', name: 'Attack', email: 'atk_role', roles: [], isActive: true }),
      ],
    }),
  },
  {
    name: 'email settings (what the server sends with) changed by a member',
    by: 'max',
    collection: 'notifications',
    build: async () => ({ id: 'email-settings', rows: [row({ ...baseFields('email-settings', lab.ids.max), kind: 'email_settings', recipientId: 'system', isRead: true, at, event: '', status: '', dueAt: at, data: { host: 'smtp.attacker.example', port: 25 } })] }),
  },
  {
    name: 'a workflow definition published by a member',
    by: 'max',
    collection: 'workflow_definitions',
    build: async () => ({ id: 'ATK-WFD', rows: [row({ ...baseFields('ATK-WFD', lab.ids.max), code: 'ATK', version: 1, status: 'published', definition: {}, commandIds: [] })] }),
  },
  {
    name: 'an administrator changing their own roles',
    by: 'otto',
    collection: 'people',
    build: async () => ({ id: lab.ids.otto, rows: [editRow(await serverDoc('people', lab.ids.otto), { roles: ['admin', 'hr'] }, lab.ids.otto)] }),
  },
];

describe('attacks on identity, authorisation and the audit trail', () => {
  it.each(attacks)('refuses $name', async (attack) => {
    const { rows, id } = await attack.build();
    await expectRefusedEverywhere(lab, { token: await lab.tokenOf(attack.by), collection: attack.collection, rows, id, ...(attack.scope ? { scope: attack.scope } : {}) });
  });

  it('takes the member’s honest change with its audit entry, which every PC can check', async () => {
    const task = await serverDoc('tasks', lab.ids.task);
    const change = auditedChange('tasks', { ...task, progress: 60, updatedBy: lab.ids.max, updatedAt: at }, { id: lab.ids.max, name: 'Max Member' }, { entryId: 'HONEST-1', assumed: task, pc: 'PC-MAX-2' });
    expect((await push(lab.server, await lab.tokenOf('max'), 'tasks', [change.row])).refused).toEqual([]);
    expect((await push(lab.server, await lab.tokenOf('max'), 'audit', [{ newDocumentState: change.entry }])).refused).toEqual([]);
    await lab.bothInSync();
    expect(await lab.a.find('audit', { id: 'HONEST-1' })).toEqual([expect.objectContaining({ actorId: lab.ids.max, hash: change.entry.hash })]);
  });

  it('has taken every audit entry the PCs wrote themselves, refusing none', async () => {
    await lab.bothInSync();
    const refusedAudit = lab.server.logs.filter((l) => l.event === 'authz.refused' && l.collection === 'audit' && !String(l.id).startsWith('ATK-'));
    expect(refusedAudit).toEqual([]);
    const written = (await lab.a.find<{ id: string; writerId?: string; command: string }>('audit')).filter((e) => e.writerId && e.command !== 'sync/link-person');
    expect(written.length).toBeGreaterThan(5);
    for (const entry of written) expect(await lab.onServer('audit', entry.id), entry.command).toBeDefined();
  });
});

describe('joining and leaving a team (issue 18 §5)', () => {
  it('refuses a member’s sync/connect and sync/disconnect on his PC, and his PC uploads nothing to a server of his own', async () => {
    // Max set B up as its administrator, but the team made him a member: joining again or leaving is no longer his to do.
    await lab.bothInSync();
    const roles = (await lab.b.find<{ roles: string[] }>('people', { id: lab.ids.max }))[0]?.roles;
    expect(roles).toEqual(['member']);
    expect(await lab.b.call('sync/disconnect', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const own = await import('./support/test-server');
    const hisServer = await own.startTestServer({ db: await own.openTestDatabase(), listen: true });
    try {
      const setupToken = (await (await import('../../../sync-server/auth/bootstrap')).issueSetupToken(hisServer.db))!;
      expect(await lab.b.call('sync/connect', { serverUrl: hisServer.url, email: 'max@lab.org', password: 'max password 123', setupToken })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const { rows } = await hisServer.db.query<{ n: string | number }>('SELECT count(*) AS n FROM documents');
      expect(Number(rows[0]?.n)).toBe(0);
    } finally {
      await hisServer.close();
    }
    expect((await lab.b.query<{ phase: string }>('sync/status'))).toMatchObject({ ok: true, value: { phase: 'up_to_date' } });
  });
});
