/**
 * Workflow engine benchmark: 10,000 instances of a 10-step definition driven to completion through
 * the workflow runtime with persistence — each start and step is the engine plus the crash-safe
 * write (events, audit entry, instance) on our SQLite storage, as a command does it.
 *
 *   npm run bench:engine            (BENCH_INSTANCES=n to change the count, default 10,000)
 *
 * Instances run in waves of BENCH_BATCH (default 100) persisted together; `stepOverheadMs` is the
 * runtime's time per step within a batch. `singleCommandStepMs` is the latency of one advance on its
 * own, measured afterwards on BENCH_SINGLE instances (default 200).
 *
 * Goals: ≥ 200 completed instances per second, step overhead p50 ≤ 5 ms and p99 ≤ 50 ms.
 * Prints progress to stderr and ONE JSON object on the last line of stdout.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createIdSource } from '../src-shared/core/ids';
import type { WorkflowDefinition } from '../src-shared/workflows/definition-schema';
import type { Actor } from '../src-shared/workflows/instance';
import { openAuditedWriting } from '../src-main/audit/audit-chain-writer';
import { openDatabase } from '../src-main/database/open-database';
import type { HostServices } from '../src-main/host/handler-types';
import { createLabStorage } from '../src-main/host/lab-storage';
import { createLogger } from '../src-main/logging/logger';
import { createDefinitionService } from '../src-main/workflows/definition-service';
import { createWorkflowRuntime } from '../src-main/workflows/workflow-runtime';

const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 10_000);
const STEPS = 10;
const BATCH = Number(process.env.BENCH_BATCH ?? 100);
/** Instances driven one command at a time afterwards, to report single-command latency too. */
const SINGLE = Number(process.env.BENCH_SINGLE ?? 200);

const definition: WorkflowDefinition = {
  workflow_code: 'BENCH_TEN_STEPS',
  name: 'Ten steps',
  steps: [
    ...Array.from({ length: STEPS }, (_, i) => ({
      step_id: `s${i}`,
      name: `Step ${i}`,
      type: 'task' as const,
      assignee_type: 'role' as const,
      assignee_value: 'bench',
      next_steps: [i + 1 < STEPS ? `s${i + 1}` : 'done'],
    })),
    { step_id: 'done', name: 'Done', type: 'end' as const },
  ],
  initial_step: 's0',
  sla_config: { s0: { duration_hours: 24 }, s5: { duration_hours: 48, escalation_rules: [{ at_percent: 50, action: 'notify' }] } },
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 1000) / 1000;

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'labflow-bench-engine-'));
  try {
    const { storage, location } = createLabStorage(dir);
    const opened = await openDatabase(storage, location);
    if (!opened.ok) throw new Error(opened.error.message);
    const db = opened.value;
    const clock = () => new Date();
    const newId = createIdSource(() => Date.now(), (n) => randomBytes(n));
    const services: HostServices = {
      db,
      ...(await openAuditedWriting(db, newId)),
      clock,
      newId,
      log: createLogger({ directory: path.join(dir, 'logs') }),
      runExclusive: (task) => task(),
      platform: {},
    };
    // Nobody holds the role, so steps notify no one: the benchmark measures the engine and its persistence.
    const runtime = createWorkflowRuntime(services);
    const admin = { actor: { id: 'bench-admin', name: 'Bench admin' }, command: 'bench', now: clock() };
    const definitions = createDefinitionService(services, runtime.definitions);
    const created = await definitions.create('bench-create', { kind: 'json', definition }, admin);
    if (!created.ok) throw new Error(created.error.message);
    const published = await definitions.publish('bench-publish', definition.workflow_code, undefined, admin);
    if (!published.ok) throw new Error(published.error.message);

    const actor: Actor = { userId: 'bench-user', name: 'Bench user', roles: ['bench'] };
    const stepMs: number[] = [];
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    // Waves of BATCH instances: start them together, then advance all of them one step at a time, as
    // the runtime persists a batch (one write per collection) — e.g. the scheduler catching up.
    for (let first = 0; first < INSTANCES; first += BATCH) {
      const wave = Array.from({ length: Math.min(BATCH, INSTANCES - first) }, (_, k) => first + k);
      const starts = await runtime.startMany(wave.map((i) => ({ code: definition.workflow_code, input: { commandId: `start-${i}`, entityType: 'sample', entityId: `S-${i}` }, actor })));
      const ids = starts.map((r) => {
        if (!r.ok) throw new Error(r.error.message);
        return r.value.id;
      });
      for (let s = 0; s < STEPS; s++) {
        const t0 = performance.now();
        const steps = await runtime.advanceMany(ids.map((instanceId, k) => ({ instanceId, command: { commandId: `step-${wave[k]}-${s}`, action: 'complete' }, actor })));
        const perStep = (performance.now() - t0) / ids.length;
        for (const step of steps) {
          if (!step.ok) throw new Error(step.error.message);
          if (s === STEPS - 1 && step.value.status !== 'completed') throw new Error('an instance did not complete');
          stepMs.push(perStep);
        }
      }
      if ((first + wave.length) % 1000 === 0) process.stderr.write(`${first + wave.length} instances, ${Math.round(((first + wave.length) / (performance.now() - started)) * 1000)}/s\n`);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    stepMs.sort((a, b) => a - b);

    // The latency of one command on its own (a person clicking), for comparison.
    const singleMs: number[] = [];
    for (let i = 0; i < SINGLE; i++) {
      const start = await runtime.start(definition.workflow_code, { commandId: `single-${i}`, entityType: 'sample', entityId: `single-${i}` }, actor);
      if (!start.ok) throw new Error(start.error.message);
      for (let s = 0; s < STEPS; s++) {
        const t0 = performance.now();
        const step = await runtime.advance(start.value.id, { commandId: `single-${i}-${s}`, action: 'complete' }, actor);
        singleMs.push(performance.now() - t0);
        if (!step.ok) throw new Error(step.error.message);
      }
    }
    singleMs.sort((a, b) => a - b);
    runtime.dispose();
    await db.close();
    const result = {
      completedInstancesPerSecond: Math.round((INSTANCES / seconds) * 10) / 10,
      stepOverheadMs: { p50: round(percentile(stepMs, 50)), p99: round(percentile(stepMs, 99)) },
      batchSize: BATCH,
      singleCommandStepMs: { p50: round(percentile(singleMs, 50)), p99: round(percentile(singleMs, 99)) },
    };
    // On a busy machine wall time includes waiting for a core; CPU time shows what the work itself costs.
    process.stderr.write(`CPU time ${cpuSeconds.toFixed(1)} s (${Math.round(INSTANCES / cpuSeconds)} instances per CPU second)\n`);
    process.stderr.write(`${INSTANCES} instances × ${STEPS} steps in ${seconds.toFixed(1)} s; goal ≥ 200/s, p50 ≤ 5 ms, p99 ≤ 50 ms\n`);
    console.log(JSON.stringify(result));
  } finally {
    if (process.env.BENCH_KEEP) process.stderr.write(`kept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
