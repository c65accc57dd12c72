import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceSummaryView, MigrationPlanView } from '../../../src-shared/workflows/workflow-contract';
import { adminInput } from '../support/sqlite-host';
import { parseCliArgs } from '../../../src-main/cli/cli-args';
import { runWorkflowsCli } from '../../../src-main/cli/workflows-cli';
import { labflow } from '../support/labflow-cli';
import { cid, expectOk, openLab } from './workflow-fixtures';

type Lab = Awaited<ReturnType<typeof openLab>>;

/** Version 1: register → check → done. Version 2 renames "register" to "log_in" and keeps "check". */
const v1 = {
  workflow_code: 'SAMPLE_MOVE',
  name: 'Sample intake',
  steps: [
    { step_id: 'register', name: 'Register sample', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['check'] },
    { step_id: 'check', name: 'Check sample', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['done'] },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
  initial_step: 'register',
};
const v2 = { ...v1, steps: [{ ...v1.steps[0], step_id: 'log_in', name: 'Log the sample in' }, ...v1.steps.slice(1)], initial_step: 'log_in' };

describe('migrating running instances: the preview command and `labflow workflows migrate`', () => {
  let lab: Lab;
  const started: string[] = [];
  beforeAll(async () => {
    lab = await openLab();
    expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: v1, publish: true }));
    const member = await lab.as('member');
    for (const entityId of ['S-1', 'S-2', 'S-3']) {
      started.push(expectOk(await member.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'SAMPLE_MOVE', entityType: 'sample', entityId })).id);
    }
    expectOk(await member.call('workflows/instances/advance', { commandId: cid(), instanceId: started[2], action: 'complete' }));
    expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: v2, publish: true }));
  });
  afterAll(async () => {
    await lab?.close();
  });

  it('previews the plan for administrators only, with suggestions and a refusal per unmapped instance', async () => {
    const member = await lab.as('member');
    expect(await member.call('workflows/definitions/plan-migration', { code: 'SAMPLE_MOVE', toVersion: 2 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await lab.admin.call('workflows/definitions/plan-migration', { code: 'SAMPLE_MOVE', toVersion: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await lab.admin.call('workflows/definitions/plan-migration', { code: 'SAMPLE_MOVE', toVersion: 9 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await lab.admin.call('workflows/definitions/plan-migration', { code: 'NO_SUCH', toVersion: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await lab.admin.call('workflows/definitions/plan-migration', { code: 'SAMPLE_MOVE', toVersion: 2, stepMapping: 'register=log_in' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const plan = expectOk(await lab.admin.call<MigrationPlanView>('workflows/definitions/plan-migration', { code: 'SAMPLE_MOVE', toVersion: 2 }));
    expect(plan).toMatchObject({ publishedVersions: [2, 1], runningByVersion: [{ version: 1, count: 3 }], suggestedMapping: { check: 'check' } });
    expect(plan.stepsToMap.map((s) => [s.stepId, s.instanceCount, s.suggested])).toEqual([['check', 1, 'check'], ['register', 2, undefined]]);
    expect(plan.instances.map((i) => [i.label, i.outcome])).toEqual([['sample S-1', 'refused'], ['sample S-2', 'refused'], ['sample S-3', 'refused']]);
    const mapped = expectOk(await lab.admin.call<MigrationPlanView>('workflows/definitions/plan-migration', {
      code: 'SAMPLE_MOVE', toVersion: 2, stepMapping: { check: 'check', register: 'log_in' }, instanceIds: [started[0], started[2]],
    }));
    expect(mapped.instances.map((i) => (i.outcome === 'ready' ? i.moves.map((m) => `${m.from.name} → ${m.to.name}`) : i.code))).toEqual([
      ['Register sample → Log the sample in'],
      ['Check sample → Check sample'],
    ]);
  });

  it('the CLI refuses bad input with a usage or a reason, previews with --dry-run, and moves each instance', async () => {
    const dataDir = lab.dataDir;
    await lab.close();
    /** The command line in this process (the same entry `labflow.ts` calls): one spawned run below proves the real one. */
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const args = parseCliArgs([...argv, '--data-dir', dataDir]);
      if (!args.ok) return { code: 2, stdout: '', stderr: args.error.message };
      const code = await runWorkflowsCli(args.value, dataDir, { out: (line) => out.push(line), err: (line) => err.push(line) });
      return { code, stdout: out.join('\n'), stderr: err.join('\n') };
    };
    expect(await cli('workflows', 'migrate', '--definition', 'SAMPLE_MOVE')).toMatchObject({ code: 2, stderr: expect.stringContaining('needs --definition and --to-version') });
    expect(await cli('workflows', 'migrate', '--definition', 'SAMPLE_MOVE', '--to-version', 'two')).toMatchObject({ code: 2, stderr: expect.stringContaining('--to-version needs a version number') });
    expect(await cli('workflows', 'migrate', '--definition', 'SAMPLE_MOVE', '--to-version', '2', '--map', 'register')).toMatchObject({ code: 2, stderr: expect.stringContaining('write the old step id') });
    expect(await cli('workflows', 'migrate', '--definition', 'SAMPLE_MOVE', '--to-version', '2', '--map', 'register=log_in', '--map', 'register=check')).toMatchObject({ code: 2, stderr: expect.stringContaining('names step "register" twice') });
    expect(await cli('workflows', 'migrate', '--definition', 'NO_SUCH', '--to-version', '2')).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no workflow NO_SUCH') });

    const dry = await cli('workflows', 'migrate', '--definition', 'SAMPLE_MOVE', '--to-version', '2', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('check (Check sample) → check (Check sample)  [same id]');
    expect(dry.stdout).toContain('register (Register sample) → not mapped; choose one of: log_in, check');
    expect(dry.stdout).toMatch(/sample S-1 {2}v1 {2}refused \(missing_step_mapping\): Say where these active steps go in version 2: register\./);
    expect(dry.stdout).toContain('1 would move, 2 refused.');

    const stranger = await cli('workflows', 'migrate', '--definition', 'SAMPLE_MOVE', '--to-version', '2', '--map', 'register=log_in', '--as', 'mo@lab.org');
    expect(stranger).toMatchObject({ code: 1, stderr: expect.stringContaining('mo@lab.org is not an active administrator') });

    const run = await labflow('workflows', 'migrate', '--definition', 'SAMPLE_MOVE', '--to-version', '2', '--map', 'register=log_in', '--as', adminInput.email, '--data-dir', dataDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('register (Register sample) → log_in (Log the sample in)  [--map]');
    for (const id of started) expect(run.stdout).toContain(`${id}  migrated to version 2`);
    expect(run.stdout).toContain('3 migrated, 0 refused.');

    const again = await cli('workflows', 'migrate', '--definition', 'SAMPLE_MOVE', '--to-version', '2');
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('0 running instances to move') });

    lab = await openLab({ dataDir, isFirstRun: false });
    const view = expectOk(await lab.admin.subscribe('workflows/instances/get', { instanceId: started[0] }).next<{ instance: InstanceSummaryView; timeline: { type: string; actor?: { name: string } }[] }>());
    expect(view.instance).toMatchObject({ definitionVersion: 2, activeSteps: [{ stepId: 'log_in' }] });
    expect(view.timeline.map((e) => e.type)).toContain('instance_migrated');
  });
});
