// A LabFlow desktop host in its own process (RxDB allows 13 open collections per process, so two
// desktops cannot share one). Started by desktop-driver.ts; answers its requests over Node's IPC.
import { createReadStream } from 'node:fs';
import { fileRoutesOf } from '../../../../src-main/files/files-feature';
import { createKeyFileSecretStore } from '../../../../src-main/security/secret-store';
import { openSqliteHost } from '../../support/sqlite-host';
import { connectTestClient } from '../../support/test-client';

type Request = { id: number; op: 'call' | 'query' | 'find' | 'count' | 'insert' | 'upload' | 'advance-clock' | 'close'; path?: string; name?: string; input?: unknown; collection?: string; selector?: Record<string, unknown>; doc?: Record<string, unknown>; as?: string; ms?: number };

const dataDir = process.argv[2];
if (!dataDir || !process.send) throw new Error('usage: fork desktop-process.ts <dataDir> with an IPC channel');
// The PC's wall clock: real time, which a test may move forward (a PC left running over night).
let clockOffsetMs = 0;
// A key file, as serve mode keeps its secrets (SMTP password, webhook secrets).
const host = await openSqliteHost(dataDir, { clock: () => new Date(Date.now() + clockOffsetMs), platform: { secretStore: createKeyFileSecretStore(dataDir) } });
// One UI connection per person using the PC (`as`), each with its own sign-in, like two windows.
const clients = new Map([['main', connectTestClient(host)]]);
const clientAs = (name = 'main') => {
  let client = clients.get(name);
  if (!client) clients.set(name, (client = connectTestClient(host)));
  return client;
};
const reply = (message: unknown) => process.send!(message);

process.on('message', (request: Request) => {
  void (async () => {
    try {
      if (request.op === 'call') return reply({ id: request.id, result: await clientAs(request.as).call(request.name!, request.input) });
      if (request.op === 'query') {
        const client = clientAs(request.as);
        const subscription = client.subscribe(request.name!, request.input);
        const result = await subscription.next();
        await client.raw(JSON.stringify({ t: 'unsubscribe', id: subscription.id }));
        return reply({ id: request.id, result });
      }
      if (request.op === 'find') {
        const collection = host.db[request.collection as keyof typeof host.db.collections];
        const docs = await collection.find({ selector: request.selector ?? {} }).exec();
        return reply({ id: request.id, result: docs.map((d) => d.toJSON()) });
      }
      if (request.op === 'count') {
        // Counted in the PC's database, so a caller can watch thousands arrive without fetching them.
        const collection = host.db[request.collection as keyof typeof host.db.collections];
        return reply({ id: request.id, result: await collection.count({ selector: request.selector ?? {} }).exec() });
      }
      if (request.op === 'upload') {
        // A file sent to the host's upload route, as the UI sends one (src-main/files/file-routes.ts).
        const key = await clientAs(request.as).call<{ key: string }>('files/access', {});
        if (!key.ok) return reply({ id: request.id, result: key });
        const answer = await fileRoutesOf(host.db)!({ method: 'POST', url: `/files/uploads?key=${key.value.key}`, headers: {}, body: createReadStream(request.path!) });
        return reply({ id: request.id, result: { status: answer.status, body: JSON.parse(String(answer.body)) as unknown } });
      }
      if (request.op === 'advance-clock') {
        // The wall clock jumps; the scheduler notices and does what became due before answering.
        clockOffsetMs += request.ms ?? 0;
        await host.whenIdle();
        return reply({ id: request.id, result: null });
      }
      if (request.op === 'insert') {
        // A document as a feature writes it (e.g. an outbox delivery that every PC derives with the same id).
        const collection = host.db[request.collection as keyof typeof host.db.collections];
        await collection.insert(request.doc!);
        return reply({ id: request.id, result: null });
      }
      for (const client of clients.values()) client.close();
      await host.close();
      reply({ id: request.id, result: null });
      process.exit(0);
    } catch (error) {
      reply({ id: request.id, error: error instanceof Error ? error.stack : String(error) });
    }
  })();
});
reply({ ready: true });
