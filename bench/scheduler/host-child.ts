/**
 * The host side of the scheduler benchmark, run in its own process (bench/scheduler.bench.ts forks
 * it; RxDB allows 13 collections per process, and phase 2 kills it with SIGKILL). It opens the real
 * host on a real SQLite file, seeds what the parent sends, and reports when each expected reminder
 * was recorded — measured when the write's change event arrives, i.e. after it is in the database.
 *
 *   argv: <dataDir> <clockOffsetMs>
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHost } from '../../src-main/host/create-host';
import { createLabStorage } from '../../src-main/host/lab-storage';
import { createLogger } from '../../src-main/logging/logger';

export type ParentMessage =
  | { type: 'seed'; people: Record<string, unknown>[]; meetings: Record<string, unknown>[]; expect: { id: string; dueAtMs: number }[] }
  | { type: 'expect'; expect: { id: string; dueAtMs: number }[] }
  | { type: 'count'; ids: string[] }
  | { type: 'stop' };

export type ChildMessage =
  | { type: 'ready'; hostStartMs: number }
  | { type: 'seeded' }
  | { type: 'fired'; latenessMs: number[]; sinceHostStartMs: number; insertsSeenTwice: number }
  | { type: 'counted'; found: number; docsSharingAKey: number };

const [dataDir = '', offsetArg = '0'] = process.argv.slice(2);
const offsetMs = Number(offsetArg);
const send = (message: ChildMessage) => process.send?.(message);

const hostStart = performance.now();
const hostStartWallMs = Date.now();
const { storage, location } = createLabStorage(dataDir);
const hosted = await createHost({
  storage,
  databaseLocation: location,
  log: createLogger({ directory: join(dataDir, 'logs') }),
  clock: () => new Date(Date.now() + offsetMs),
  expiryCheckMs: 0,
});
if (!hosted.ok) throw new Error(hosted.error.message);
const host = hosted.value;

// Every insert into `notifications`, as it happens: the moment a reminder's firing is durable
// (on the host's clock, for lateness; and in ms since the host started, for catch-up).
const insertedAt = new Map<string, number>();
const insertedSinceStart = new Map<string, number>();
let insertsSeenTwice = 0;
let expected = new Map<string, number>();
let reported = false;
const check = () => {
  if (reported || expected.size === 0) return;
  for (const id of expected.keys()) if (!insertedAt.has(id)) return;
  reported = true;
  const ids = [...expected.keys()];
  send({ type: 'fired', latenessMs: [...expected].map(([id, dueAtMs]) => insertedAt.get(id)! - dueAtMs), sinceHostStartMs: Math.max(...ids.map((id) => insertedSinceStart.get(id)!)), insertsSeenTwice });
};
host.db.notifications.$.subscribe((event) => {
  if (event.operation !== 'INSERT') return;
  if (insertedAt.has(event.documentId)) insertsSeenTwice++;
  else {
    insertedAt.set(event.documentId, Date.now() + offsetMs);
    insertedSinceStart.set(event.documentId, performance.now() - hostStart);
  }
  if (expected.has(event.documentId)) check();
});

process.on('message', (raw) => {
  void (async () => {
    const message = raw as ParentMessage;
    if (message.type === 'seed') {
      expected = new Map(message.expect.map((e) => [e.id, e.dueAtMs]));
      reported = false;
      if (message.people.length) await host.db.people.bulkInsert(message.people);
      for (let i = 0; i < message.meetings.length; i += 2000) await host.db.meetings.bulkInsert(message.meetings.slice(i, i + 2000));
      send({ type: 'seeded' });
    } else if (message.type === 'expect') {
      // Reminders recorded before this message arrived (the catch-up starts with the host) count too.
      const recorded = await host.db.notifications.findByIds(message.expect.map((e) => e.id)).exec();
      for (const [id, doc] of recorded) {
        if (insertedAt.has(id)) continue;
        const wallMs = Date.parse(doc.get('createdAt') as string);
        insertedAt.set(id, wallMs);
        insertedSinceStart.set(id, wallMs - offsetMs - hostStartWallMs);
      }
      expected = new Map(message.expect.map((e) => [e.id, e.dueAtMs]));
      reported = false;
      check();
    } else if (message.type === 'count') {
      const found = await host.db.notifications.findByIds(message.ids).exec();
      const docs = await host.db.notifications.find({ selector: { kind: { $in: ['notification', 'firing'] } } }).exec();
      const keys = new Map<string, number>();
      for (const d of docs) {
        const key = (d.get('data') as { key?: string }).key;
        if (key) keys.set(key, (keys.get(key) ?? 0) + 1);
      }
      send({ type: 'counted', found: found.size, docsSharingAKey: [...keys.values()].reduce((sum, n) => sum + (n - 1), 0) });
    } else if (message.type === 'stop') {
      await host.close();
      process.exit(0);
    }
  })();
});

send({ type: 'ready', hostStartMs: performance.now() - hostStart });
