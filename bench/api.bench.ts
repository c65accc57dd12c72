/**
 * Public API benchmark: serve mode's HTTP side with `--api` (the real host on SQLite, Fastify, token
 * authentication, rate limit, scopes, the contract's validation) under autocannon, 20 concurrent
 * clients on loopback, against a bare Fastify route answering the same page from memory, in the
 * same process and run.
 *
 *   npm run bench:api        (BENCH_SECONDS=n per phase, default 10; BENCH_RECORDS, default 10,000)
 *
 * - read: GET /api/v1/projects?limit=50 over 10,000 projects (the first page, as a script polls it).
 *   readRpsRatio = our requests/s ÷ the bare route's; readP99Ms our 99th percentile latency.
 * - advance: POST /api/v1/workflows/instances/{id}/advance, each client driving its own instances
 *   of a 100-step workflow (every call completes one step: a command, audited, in the write queue).
 *
 * Goals: readRpsRatio ≥ 0.25, readP99Ms ≤ 50, advanceRps ≥ 150, advanceP99Ms ≤ 100. Prints progress
 * to stderr and ONE JSON object on the last line of stdout.
 */
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { performance } from 'node:perf_hooks';
import { expectOk } from '../tests/integration/workflows/workflow-fixtures';
import { openApiLab } from '../tests/integration/api/support/api-fixture';

const log = (message: string) => process.stderr.write(message + '\n');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const CLIENTS = 20;
const STEPS = 100;
/**
 * Instances per client: 200 instances of 100 steps is 20,000 completes, more than the phase can
 * make at 1,500/s. With 3 (6,000 completes) a fast host ran out of open steps near the end and
 * the refusals that followed were counted as throughput.
 */
const INSTANCES_PER_CLIENT = 10;

const stepsDefinition = {
  workflow_code: 'BENCH_STEPS',
  name: 'Bench steps',
  steps: [
    ...Array.from({ length: STEPS }, (_, i) => ({ step_id: `s${i}`, name: `Step ${i}`, type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: [i + 1 < STEPS ? `s${i + 1}` : 'done'] })),
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
  initial_step: 's0',
};

const run = (options: autocannon.Options) =>
  new Promise<autocannon.Result>((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error as Error) : resolve(result)));
  });

const summary = (result: autocannon.Result) => ({ rps: Math.round(result.requests.average), p99Ms: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts });

async function main() {
  const lab = await openApiLab({ rateLimit: { perToken: 100_000_000, perAddressUnauthenticated: 1000 } });
  try {
    // 10,000 projects: one made by the command, the rest its copies stored directly (loading is not what is measured).
    const first = expectOk(await lab.admin.call<{ id: string }>('projects/create', { code: 'BENCH-0', name: 'Bench project 0' }));
    const template = (await lab.host.db.projects.findOne(first.id).exec())!.toMutableJSON();
    const copies = Array.from({ length: RECORDS - 1 }, (_, i) => ({ ...template, id: `${template.id}-${i + 1}`, code: `BENCH-${i + 1}`, name: `Bench project ${i + 1}` }));
    const seeded = performance.now();
    for (let i = 0; i < copies.length; i += 1000) await lab.host.db.projects.bulkInsert(copies.slice(i, i + 1000));
    log(`${RECORDS} projects stored in ${Math.round(performance.now() - seeded)} ms`);
    const token = await lab.tokenFor('admin', ['*:write'], 'bench');
    const headers = { authorization: `Bearer ${token}` };

    const page = await fetch(`${lab.base}/projects?limit=50`, { headers });
    if (page.status !== 200) throw new Error(`GET /projects answered ${page.status}: ${await page.text()}`);
    const pageBody = await page.text();
    const total = (JSON.parse(pageBody) as { items: unknown[] }).items.length;
    log(`first page: ${total} projects, ${pageBody.length} bytes`);

    // The reference: a bare Fastify route answering the same page from memory.
    const bare = Fastify({ logger: false });
    const cached = JSON.parse(pageBody) as unknown;
    bare.get('/projects', async () => cached);
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const bareAddress = bare.server.address() as { port: number };
    log(`read: bare route for ${SECONDS} s`);
    const bareRead = await run({ url: `http://127.0.0.1:${bareAddress.port}/projects?limit=50`, connections: CLIENTS, duration: SECONDS });
    await bare.close();
    log(`read: LabFlow API for ${SECONDS} s`);
    const ourRead = await run({ url: `${lab.base}/projects?limit=50`, headers, connections: CLIENTS, duration: SECONDS });

    // Advance: each client its own instances of a long workflow, one step per call.
    expectOk(await lab.admin.call('workflows/definitions/import', { commandId: 'bench-definition', definition: stepsDefinition, publish: true }));
    const member = await lab.clientOf('member');
    const memberToken = await lab.tokenFor('member', ['workflows:write'], 'bench advance');
    const instances: string[] = [];
    for (let i = 0; i < CLIENTS * INSTANCES_PER_CLIENT; i++) {
      instances.push(expectOk(await member.call<{ id: string }>('workflows/instances/start', { commandId: `bench-start-${i}`, code: 'BENCH_STEPS', entityType: 'bench', entityId: `B-${i}` })).id);
    }
    const probe = await fetch(`${lab.base}/workflows/instances/${instances[0]}/advance`, { method: 'POST', headers: { authorization: `Bearer ${memberToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'complete' }) });
    if (probe.status !== 200) throw new Error(`advance answered ${probe.status}: ${await probe.text()}`);
    let calls = 0;
    let firstFailure = '';
    const advanceBody = JSON.stringify({ action: 'complete' });
    log(`advance: LabFlow API for ${SECONDS} s (${instances.length} instances of ${STEPS} steps)`);
    const advance = await run({
      url: lab.base,
      connections: CLIENTS,
      duration: SECONDS,
      requests: [{
        method: 'POST',
        // Round robin: the 20 calls in flight are on 20 different instances (and were they not, two completes would just do two steps).
        setupRequest: (request) => {
          const own = instances[calls++ % instances.length];
          return { ...request, path: `/api/v1/workflows/instances/${own}/advance`, headers: { ...headers, authorization: `Bearer ${memberToken}`, 'content-type': 'application/json' }, body: advanceBody };
        },
        onResponse: (status: number, body: string) => {
          if (status !== 200 && !firstFailure) firstFailure = `${status} ${body.slice(0, 300)}`;
        },
      }],
    });
    if (firstFailure) log(`advance: first failure: ${firstFailure}`);

    const read = summary(ourRead);
    const reference = summary(bareRead);
    const advanced = summary(advance);
    log(`read: ${read.rps}/s (bare ${reference.rps}/s), p99 ${read.p99Ms} ms, errors ${read.errors}; advance: ${advanced.rps}/s, p99 ${advanced.p99Ms} ms, errors ${advanced.errors}`);
    console.log(JSON.stringify({
      readRpsRatio: Math.round((read.rps / reference.rps) * 1000) / 1000,
      readP99Ms: read.p99Ms,
      advanceRps: advanced.rps,
      advanceP99Ms: advanced.p99Ms,
      readRps: read.rps,
      bareReadRps: reference.rps,
      errors: { read: read.errors, advance: advanced.errors },
      records: RECORDS,
      clients: CLIENTS,
      seconds: SECONDS,
    }));
  } finally {
    await lab.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
