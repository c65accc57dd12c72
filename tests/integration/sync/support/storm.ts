import { performance } from 'node:perf_hooks';
import type { Result } from '../../../../src-shared/core/result';
import { isSameValue } from '../../../../src-shared/sync/conflicts';
import { syncCollections } from '../../../../src-shared/sync/collections';
import { documentHash } from '../../../../src-shared/sync/digest';
import type { SyncStatusView } from '../../../../src-shared/sync/sync-status';
import { taskSchema } from '../../../../src-shared/tasks/task-model';
import { issueSetupToken } from '../../../../sync-server/auth/bootstrap';
import { staysOnThisPc } from '../../../../src-main/sync/push-sender';
import type { Desktop } from './desktop-driver';
import { syncStatus, upToDate, type TwoDesktops } from './two-desktops';
import { waitUntil } from './wait';

/**
 * A sync storm as a lab lives it (issue 21): a server and two PCs, a second person signed in on PC
 * B, the network cut, both PCs editing the same tasks offline, the network back. Everything is
 * driven through the hosts' commands in a seeded order, so a run is repeatable; every wait is for a
 * condition. Used by the integration test (which asserts) and by `bench:sync` (which measures).
 */
type Doc = Record<string, unknown>;

export const people = {
  ada: { name: 'Ada Admin', email: 'ada@lab.org', password: 'ada password 123' },
  ben: { name: 'Ben Bench', email: 'ben@lab.org', password: 'ben password 123' },
  cleo: { name: 'Cleo Chem', email: 'cleo@lab.org', password: 'cleo password 123' },
};
/** What people edit offline and the storm checks (the board rank follows status and is checked for uniqueness instead). */
export const TRACKED_FIELDS = ['title', 'description', 'priority', 'status', 'progress', 'startDate', 'dueDate'] as const;
/** Collections every PC of the team reads whole (notifications are per person), compared across PCs and server. */
export const SHARED_COLLECTIONS = ['people', 'projects', 'tasks', 'activity', 'audit'] as const;

const must = <T>(result: Result<T>, what: string): T => {
  if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
  return result.value;
};

/** mulberry32: a small seeded PRNG, so the storm's edits are the same on every run. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

export interface StormTeam {
  projectId: string;
  taskIds: string[];
}

/** A joins and sets up the team and the tasks, B joins, and Cleo signs in on B next to Ben. */
export async function setUpStormTeam(lab: TwoDesktops, taskCount: number): Promise<StormTeam> {
  const { a, b } = lab;
  must(await a.call('auth/create-administrator', people.ada), 'Ada on A');
  must(await a.call('sync/connect', { serverUrl: lab.proxyA.url, ...people.ada, setupToken: await issueSetupToken(lab.server.db) }), 'A joins');
  const ben = must(await a.call<{ id: string }>('people/create', { ...people.ben, roles: ['admin'] }), 'Ben');
  const cleo = must(await a.call<{ id: string }>('people/create', { ...people.cleo, roles: ['member'] }), 'Cleo');
  const project = must(await a.call<{ id: string }>('projects/create', { code: 'STORM', name: 'Storm', teamIds: [ben.id, cleo.id] }), 'the project');
  const taskIds: string[] = [];
  for (let i = 0; i < taskCount; i++) {
    const day = String(1 + (i % 20)).padStart(2, '0');
    taskIds.push(must(await a.call<{ id: string }>('tasks/create', { projectId: project.id, title: `Sample ${i + 1}`, startDate: `2026-03-${day}`, dueDate: `2026-04-${day}` }), 'a task').id);
  }
  await upToDate(a, 60_000);
  must(await b.call('auth/create-administrator', people.ben), 'Ben on B');
  must(await b.call('sync/connect', { serverUrl: lab.proxyB.url, email: people.ben.email, password: people.ben.password }), 'B joins');
  await waitUntil(async () => (await b.find('tasks', { projectId: project.id })).length === taskCount, 'the tasks on B', 60_000);
  // Cleo signs in on B as well: her changes go with her own server sign-in (a push split by author).
  must(await b.call('auth/sign-in', people.cleo, 'cleo'), 'Cleo on B');
  await waitUntil(async () => (await b.query<SyncStatusView>('sync/status', {}, 'cleo')).ok && ((await b.query<SyncStatusView>('sync/status', {}, 'cleo')) as { value: SyncStatusView }).value.changesSentAs === 'own_sign_in', 'Cleo’s own sign-in on B');
  await Promise.all([upToDate(a, 60_000), upToDate(b, 60_000)]);
  return { projectId: project.id, taskIds };
}

/** The live documents of a collection on the server, by id, each as its content hash. */
async function serverHashes(lab: TwoDesktops, collection: string): Promise<Map<string, string>> {
  const spec = syncCollections.find((c) => c.name === collection)!;
  const { rows } = await lab.server.db.query<{ id: string; data: Doc }>('SELECT id, data FROM documents WHERE collection = $1 AND NOT deleted', [collection]);
  return new Map(rows.map((r) => [r.id, documentHash(spec, r.data, syncCollections)]));
}

/** A PC's live documents of a collection by id, each as its content hash; audit entries that stay on the PC by design (push-sender.ts) left out. */
async function pcHashes(desktop: Desktop, collection: string): Promise<Map<string, string>> {
  const spec = syncCollections.find((c) => c.name === collection)!;
  const known = collection === 'audit' ? new Set((await desktop.find('people')).map((p) => String(p.id))) : null;
  const shared = (await desktop.find(collection)).filter((d) => !known || !staysOnThisPc(d, (id) => known.has(id)));
  return new Map(shared.map((d) => [String(d.id), documentHash(spec, d, syncCollections)]));
}

/** Ids whose document is not the same on both PCs and the server (missing somewhere or different). */
export async function divergentIds(lab: TwoDesktops, collection: string): Promise<string[]> {
  const [server, a, b] = await Promise.all([serverHashes(lab, collection), pcHashes(lab.a, collection), pcHashes(lab.b, collection)]);
  const ids = new Set([...server.keys(), ...a.keys(), ...b.keys()]);
  return [...ids].filter((id) => !(server.get(id) && server.get(id) === a.get(id) && server.get(id) === b.get(id))).sort();
}

export const serverTasks = async (lab: TwoDesktops): Promise<Map<string, Doc>> =>
  new Map((await lab.server.db.query<{ id: string; data: Doc }>("SELECT id, data FROM documents WHERE collection = 'tasks' AND NOT deleted")).rows.map((r) => [r.id, r.data]));

/** Every field entry of every conflict record, as (task, field, lost value). */
export async function recordedLosses(lab: TwoDesktops): Promise<{ taskId: string; field: string; lost: unknown }[]> {
  const { rows } = await lab.server.db.query<{ data: { subjectId: string; data: { fields: { field: string; lost: unknown }[] } } }>(
    "SELECT data FROM documents WHERE collection = 'activity' AND NOT deleted AND data->>'kind' = 'conflict' AND data->>'subjectType' = 'tasks'",
  );
  return rows.flatMap((r) => r.data.data.fields.map((f) => ({ taskId: r.data.subjectId, field: f.field, lost: f.lost })));
}

/** One PC's view of an offline period: who edits, and the last version of each task a command acknowledged. */
interface Editor {
  desktop: Desktop;
  label: string;
  /** UI connections of the people editing on this PC, taken in turn. */
  as: (string | undefined)[];
  acknowledged: Map<string, Doc>;
}

export interface StormRound {
  edits: number;
  /** From the network's return until every shared document is identical on both PCs and the server. */
  convergeMs: number;
  /** From the network's return until both PCs say "Up to date" (null: not within the time allowed). */
  upToDateMs: number | null;
  /** Shared documents not identical on both PCs and the server when the round ended. */
  divergentDocs: number;
  /** Values a person saved (their PC's last acknowledged value per field) that are neither final nor recorded as lost. */
  silentLosses: number;
  /** Such values recorded as lost more than once. */
  duplicateRecords: number;
}

/**
 * One outage: the network goes, `editsPerPc` commands run on each PC (interleaved; Ada on A, Ben and
 * Cleo in turn on B), the network comes back, and the round waits for convergence.
 */
export async function runStormRound(lab: TwoDesktops, team: StormTeam, options: { editsPerPc: number; seed: number; timeoutMs?: number }): Promise<StormRound> {
  const random = seeded(options.seed);
  const before = await serverTasks(lab);
  await Promise.all([lab.proxyA.cut(), lab.proxyB.cut()]);
  await waitUntil(async () => (await syncStatus(lab.a)).phase === 'offline' && (await syncStatus(lab.b)).phase === 'offline', 'both PCs offline');

  const editors: Editor[] = [
    { desktop: lab.a, label: 'A', as: [undefined], acknowledged: new Map() },
    { desktop: lab.b, label: 'B', as: [undefined, 'cleo'], acknowledged: new Map() },
  ];
  const days = Array.from({ length: 28 }, (_, i) => `2026-03-${String(i + 1).padStart(2, '0')}`);
  let edits = 0;
  for (let n = 0; n < options.editsPerPc * editors.length; n++) {
    const editor = editors[n % editors.length]!;
    const as = editor.as[Math.floor(n / editors.length) % editor.as.length];
    const id = random.pick(team.taskIds);
    const stamp = `${editor.label}${as ? `/${as}` : ''} #${n}`;
    const [start, end] = [random.pick(days), random.pick(days)].sort();
    const [name, input] = random.pick<() => [string, Doc]>([
      () => ['tasks/update', { id, title: `Sample (${stamp})` }],
      () => ['tasks/update', { id, description: `Checked by ${stamp}` }],
      () => ['tasks/update', { id, priority: random.pick(['critical', 'high', 'medium', 'low']) }],
      () => ['tasks/set-progress', { id, progress: random.pick([0, 20, 40, 60, 80, 100]) }],
      () => ['tasks/set-status', { id, status: random.pick(['backlog', 'todo', 'in_progress', 'in_review', 'done']) }],
      () => ['tasks/update', { id, startDate: start, dueDate: end }],
      () => ['tasks/update', { id, dueDate: random.pick(days) }],
    ])();
    const result = await editor.desktop.call<Doc>(name, input, as);
    // Refused commands (a done task's progress lowered, a due date before the start) change nothing.
    if (!result.ok) continue;
    editor.acknowledged.set(id, result.value);
    edits++;
  }

  await Promise.all([lab.proxyA.restore(), lab.proxyB.restore()]);
  const back = performance.now();
  const since = () => Math.round(performance.now() - back);
  let convergeMs: number | null = null;
  let upToDateMs: number | null = null;
  const divergence = async () => (await Promise.all(SHARED_COLLECTIONS.map((c) => divergentIds(lab, c)))).reduce((n, ids) => n + ids.length, 0);
  try {
    await waitUntil(async () => {
      const [sa, sb] = await Promise.all([syncStatus(lab.a), syncStatus(lab.b)]);
      if (upToDateMs === null && sa.phase === 'up_to_date' && sb.phase === 'up_to_date') upToDateMs = since();
      // Comparing every document costs the PCs real work: only once both have sent everything.
      if (convergeMs === null && sa.pendingChanges === 0 && sb.pendingChanges === 0 && (await divergence()) === 0) convergeMs = since();
      return convergeMs !== null && upToDateMs !== null;
    }, 'every shared document identical on both PCs and the server, and both PCs up to date', options.timeoutMs ?? 60_000);
  } catch {
    // Measured as it stands: the report says how far from converged it got.
  }
  const divergentDocs = await divergence();
  const after = await serverTasks(lab);
  const losses = await recordedLosses(lab);
  let silentLosses = 0;
  let duplicateRecords = 0;
  for (const editor of editors) {
    for (const [id, saved] of editor.acknowledged) {
      for (const field of TRACKED_FIELDS) {
        if (isSameValue(saved[field], before.get(id)?.[field]) || isSameValue(saved[field], after.get(id)?.[field])) continue;
        const recorded = losses.filter((l) => l.taskId === id && l.field === field && isSameValue(l.lost, saved[field] ?? null)).length;
        if (recorded === 0) silentLosses++;
        if (recorded > 1) duplicateRecords++;
      }
    }
  }
  return { edits, convergeMs: convergeMs ?? since(), upToDateMs, divergentDocs, silentLosses, duplicateRecords };
}

/** Tasks on the server that break a rule of the task model, and board positions taken twice in a column. */
export async function brokenRules(lab: TwoDesktops): Promise<{ invalid: string[]; sharedRanks: string[] }> {
  const tasks = [...(await serverTasks(lab)).values()];
  const invalid = tasks.filter((t) => !taskSchema.safeParse(t).success).map((t) => `${String(t.id)}: ${taskSchema.safeParse(t).error?.issues[0]?.message}`);
  const places = tasks.map((t) => `${String(t.projectId)}/${String(t.status)}/${String(t.kanbanRank)}`);
  return { invalid, sharedRanks: [...new Set(places.filter((p, i) => places.indexOf(p) !== i))] };
}
