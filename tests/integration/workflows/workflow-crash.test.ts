import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import type { WorkflowInstance } from '../../../src-shared/workflows/instance';
import { CRASH_CODE, CRASH_STEPS, crashFlow, driveInstances } from './fixtures/drive-instances';
import { cid, expectOk, openLab, password, people } from './workflow-fixtures';

const COUNT = 1000;

describe('workflow runtime killed mid-way', () => {
  it('completes every instance after a restart without applying any step twice', async () => {
    let lab = await openLab();
    expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: crashFlow, publish: true }));
    const { dataDir } = lab;
    await lab.close();

    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'fixtures/drive-instances.ts'), dataDir, String(COUNT), people.member.email, password], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let progress = 0;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const done = [...output.matchAll(/done (\d+)/g)].at(-1);
      if (done) progress = Number(done[1]);
    });
    // Kill it once it is well under way, at a moment the test does not choose.
    const killAt = 100 + Math.floor(Math.random() * 300);
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (progress >= killAt) {
          clearInterval(timer);
          setTimeout(resolve, Math.random() * 50);
        }
      }, 5);
      child.once('exit', (code) => reject(new Error(`the child ended by itself (${code}) after ${progress}: ${output.slice(-500)}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(progress).toBeLessThan(COUNT);

    // Restart: the host repairs what the kill cut off, then the client sends its commands again —
    // from a few instances before the last one it heard back about (those repeats must change
    // nothing), through the one in flight, to the end.
    lab = await openLab({ dataDir, isFirstRun: false });
    const member = await lab.as('member');
    await driveInstances(member.call, COUNT, undefined, Math.max(0, progress - 25));

    const instances = await lab.host.db.workflow_instances.find({ selector: { code: CRASH_CODE } }).exec();
    expect(instances.length).toBe(COUNT);
    const events = await lab.host.db.workflow_events.find().exec();
    const byInstance = new Map<string, WorkflowEvent[]>();
    for (const doc of events) {
      const event = doc.get('data') as WorkflowEvent;
      expect(doc.id).toBe(event.id);
      byInstance.set(event.instanceId, [...(byInstance.get(event.instanceId) ?? []), event]);
    }
    for (const doc of instances) {
      const state = doc.get('state') as WorkflowInstance;
      const history = (byInstance.get(doc.id) ?? []).sort((a, b) => a.seq - b.seq);
      expect(state.status, doc.id).toBe('completed');
      // Gapless and unique: seq 0 … n-1, each once, and the instance has applied exactly those.
      expect(history.map((e) => e.seq)).toEqual(history.map((_, i) => i));
      expect(doc.get('eventCount')).toBe(history.length);
      // No step was applied twice: one completion per task, one start, one end.
      const completions = history.filter((e) => e.type === 'step_completed' && e.action === 'complete').map((e) => e.stepId);
      expect(completions).toEqual(Array.from({ length: CRASH_STEPS }, (_, i) => `t${i}`));
      expect(history.filter((e) => e.type === 'instance_started').length).toBe(1);
      expect(history.filter((e) => e.type === 'instance_ended').length).toBe(1);
      expect(new Set(state.processedCommandIds).size).toBe(state.processedCommandIds.length);
    }
    await lab.close();
    // A thousand instances driven twice over is minutes of CPU on a busy shared machine (it took
    // 66 s in one full run): the limit catches a hang, it is not a speed requirement.
  }, 300_000);
});
