import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DefinitionProblem } from '../../../src-shared/workflows/definition-schema';
import type {
  DefinitionSummaryView,
  DefinitionVersionView,
  DefinitionVersionsView,
  ExportView,
  InstanceSummaryView,
  MigrationResultView,
  PublishResultView,
  TemplateView,
} from '../../../src-shared/workflows/workflow-contract';
import { cid, expectOk, openLab } from './workflow-fixtures';

type Lab = Awaited<ReturnType<typeof openLab>>;

const twoSteps = (name = 'Sample intake') => ({
  workflow_code: 'SAMPLE_INTAKE',
  name,
  steps: [
    { step_id: 'register', name: 'Register sample', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['check'] },
    { step_id: 'check', name: 'Check sample', type: 'task', assignee_type: 'role', assignee_value: 'member', next_steps: ['done'] },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
  initial_step: 'register',
});

describe('workflow definitions through the host', () => {
  let lab: Lab;
  beforeAll(async () => {
    lab = await openLab();
  });
  afterAll(async () => {
    await lab.close();
  });

  it('lists the built-in templates and copies one as a draft under a new code', async () => {
    const templates = expectOk(await lab.admin.subscribe('workflows/templates/list').next<TemplateView[]>());
    expect(templates.map((t) => t.code)).toContain('LEAVE_REQUEST');
    const draft = expectOk(
      await lab.admin.call<DefinitionVersionView>('workflows/definitions/create', {
        commandId: cid(),
        source: { kind: 'template', templateCode: 'LEAVE_REQUEST', workflowCode: 'LEAVE_LAB_B', name: 'Leave (lab B)' },
      }),
    );
    expect(draft).toMatchObject({ code: 'LEAVE_LAB_B', version: 1, status: 'draft', name: 'Leave (lab B)', problems: [] });
    expect(draft.createdBy.name).toBe('Ada Admin');
  });

  it('validates without saving and reports every problem with its path', async () => {
    const broken = { ...twoSteps(), steps: [{ step_id: 'register', name: 'Register', type: 'task', next_steps: ['nowhere'] }] };
    const problems = expectOk(await lab.admin.call<DefinitionProblem[]>('workflows/definitions/validate', { definition: broken }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'steps[0].next_steps[0]', stepId: 'register' }));
    expect(expectOk(await lab.admin.call<DefinitionProblem[]>('workflows/definitions/validate', { definition: twoSteps() }))).toEqual([]);
    const shape = expectOk(await lab.admin.call<DefinitionProblem[]>('workflows/definitions/validate', { definition: { name: 'x' } }));
    expect(shape.map((p) => p.path)).toEqual(expect.arrayContaining(['workflow_code', 'steps']));
  });

  it('saves drafts, publishes versions, keeps running instances on theirs, and retires', async () => {
    const createId = cid();
    const created = expectOk(await lab.admin.call<DefinitionVersionView>('workflows/definitions/create', { commandId: createId, source: { kind: 'json', definition: twoSteps() } }));
    expect(created).toMatchObject({ version: 1, status: 'draft' });
    // The same command again changes nothing and answers the same.
    expect(expectOk(await lab.admin.call<DefinitionVersionView>('workflows/definitions/create', { commandId: createId, source: { kind: 'json', definition: twoSteps() } }))).toMatchObject({ id: created.id, version: 1 });
    const again = await lab.admin.call('workflows/definitions/create', { commandId: cid(), source: { kind: 'json', definition: twoSteps() } });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_exists' } });

    const publishId = cid();
    const v1 = expectOk(await lab.admin.call<PublishResultView>('workflows/definitions/publish', { commandId: publishId, code: 'SAMPLE_INTAKE' }));
    expect(v1).toMatchObject({ isNew: true, definition: { version: 1, status: 'published' } });
    expect(await lab.admin.call('workflows/definitions/publish', { commandId: cid(), code: 'SAMPLE_INTAKE' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });

    const member = await lab.as('member');
    const running = expectOk(await member.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'SAMPLE_INTAKE', entityType: 'sample', entityId: 'S-1' }));
    expect(running.definitionVersion).toBe(1);

    // An edit is a draft of version 2; publishing it makes it the version new instances start from.
    const edited = expectOk(await lab.admin.call<DefinitionVersionView>('workflows/definitions/update', { commandId: cid(), code: 'SAMPLE_INTAKE', definition: twoSteps('Sample intake v2') }));
    expect(edited).toMatchObject({ version: 2, status: 'draft' });
    const v2 = expectOk(await lab.admin.call<PublishResultView>('workflows/definitions/publish', { commandId: cid(), code: 'SAMPLE_INTAKE' }));
    expect(v2).toMatchObject({ isNew: true, definition: { version: 2, status: 'published', name: 'Sample intake v2' } });
    const newer = expectOk(await member.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'SAMPLE_INTAKE', entityType: 'sample', entityId: 'S-2' }));
    expect(newer.definitionVersion).toBe(2);
    const old = expectOk(await member.call<InstanceSummaryView>('workflows/instances/advance', { commandId: cid(), instanceId: running.id, action: 'complete' }));
    expect(old).toMatchObject({ definitionVersion: 1, workflowName: 'Sample intake', activeSteps: [{ stepId: 'check' }] });

    // Publishing content equal to the published version writes nothing.
    expectOk(await lab.admin.call('workflows/definitions/update', { commandId: cid(), code: 'SAMPLE_INTAKE', definition: twoSteps('Sample intake v2') }));
    expect(expectOk(await lab.admin.call<PublishResultView>('workflows/definitions/publish', { commandId: cid(), code: 'SAMPLE_INTAKE' }))).toMatchObject({ isNew: false, definition: { version: 2 } });

    const versions = expectOk(await lab.admin.subscribe('workflows/definitions/get', { code: 'SAMPLE_INTAKE' }).next<DefinitionVersionsView>());
    expect(versions.versions.map((v) => [v.version, v.status])).toEqual([[3, 'draft'], [2, 'published'], [1, 'published']]);
    expect(versions.canManage).toBe(true);

    const retired = expectOk(await lab.admin.call<DefinitionVersionView[]>('workflows/definitions/retire', { commandId: cid(), code: 'SAMPLE_INTAKE' }));
    expect(retired.map((v) => v.status)).toEqual(['retired', 'retired']);
    expect(await member.call('workflows/instances/start', { commandId: cid(), code: 'SAMPLE_INTAKE', entityType: 'sample', entityId: 'S-3' })).toMatchObject({ ok: false, error: { code: 'definition_retired' } });
    // Running instances go on after retirement.
    expect(expectOk(await member.call<InstanceSummaryView>('workflows/instances/advance', { commandId: cid(), instanceId: running.id, action: 'complete' })).status).toBe('completed');

    const list = lab.admin.subscribe('workflows/definitions/list', { includeRetired: true });
    const rows = expectOk(await list.next<DefinitionSummaryView[]>());
    expect(rows.find((r) => r.code === 'SAMPLE_INTAKE')).toMatchObject({ status: 'retired', publishedVersion: null, draftVersion: 3, latestVersion: 3 });
    const current = expectOk(await lab.admin.subscribe('workflows/definitions/list').next<DefinitionSummaryView[]>());
    expect(current.map((r) => r.code)).not.toContain('SAMPLE_INTAKE');
  });

  it('imports and exports in the spec format, and refuses an invalid file with every problem', async () => {
    const file = { ...twoSteps('Imported'), workflow_code: 'IMPORTED_FLOW' };
    const imported = expectOk(await lab.admin.call<PublishResultView>('workflows/definitions/import', { commandId: cid(), definition: file, publish: true }));
    expect(imported).toMatchObject({ isNew: true, definition: { code: 'IMPORTED_FLOW', version: 1, status: 'published' } });
    const exported = expectOk(await lab.admin.call<ExportView>('workflows/definitions/export', { code: 'IMPORTED_FLOW' }));
    expect(JSON.parse(exported.json)).toEqual({ ...file, version: 1, status: 'published' });
    // Importing the export again changes nothing.
    expect(expectOk(await lab.admin.call<PublishResultView>('workflows/definitions/import', { commandId: cid(), definition: JSON.parse(exported.json), publish: true }))).toMatchObject({ isNew: false });

    const invalid = await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: { ...file, initial_step: 'missing' }, publish: true });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_definition', field: 'initial_step' } });
    expect(await lab.admin.call('workflows/definitions/export', { code: 'NO_SUCH_FLOW' })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // A copy of an existing workflow starts as a draft of its own.
    const copy = expectOk(
      await lab.admin.call<DefinitionVersionView>('workflows/definitions/create', { commandId: cid(), source: { kind: 'definition', code: 'IMPORTED_FLOW', workflowCode: 'IMPORTED_COPY', name: 'Copy' } }),
    );
    expect(copy).toMatchObject({ code: 'IMPORTED_COPY', version: 1, status: 'draft', name: 'Copy', definition: { steps: file.steps } });
    const drafts = expectOk(await lab.admin.subscribe('workflows/definitions/list', { status: 'draft' }).next<DefinitionSummaryView[]>());
    expect(drafts.map((d) => d.code)).toContain('IMPORTED_COPY');
    expect(drafts.every((d) => d.status === 'draft')).toBe(true);
  });

  it('refuses people who are not administrators and input that does not fit', async () => {
    // A definition of its own, so the test does not lean on one an earlier test imported.
    expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: { ...twoSteps(), workflow_code: 'REFUSAL_FLOW' } }));
    const member = await lab.as('member');
    for (const [name, input] of [
      ['workflows/definitions/create', { commandId: cid(), source: { kind: 'template', templateCode: 'CAPA', workflowCode: 'CAPA_MINE' } }],
      ['workflows/definitions/update', { commandId: cid(), code: 'REFUSAL_FLOW', definition: twoSteps() }],
      ['workflows/definitions/publish', { commandId: cid(), code: 'REFUSAL_FLOW' }],
      ['workflows/definitions/retire', { commandId: cid(), code: 'REFUSAL_FLOW' }],
      ['workflows/definitions/import', { commandId: cid(), definition: twoSteps() }],
      ['workflows/definitions/migrate-instances', { commandId: cid(), code: 'REFUSAL_FLOW', fromVersion: 1, toVersion: 2, stepMapping: {} }],
    ] as const) {
      expect(await member.call(name, input), name).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await lab.admin.call('workflows/definitions/create', { source: { kind: 'json', definition: twoSteps() } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'commandId' } });
    expect(await lab.admin.call('workflows/definitions/create', { commandId: cid(), source: { kind: 'url', href: 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await lab.admin.call('workflows/definitions/create', { commandId: cid(), source: { kind: 'template', templateCode: 'NOPE' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await lab.admin.call('workflows/definitions/create', { commandId: cid(), source: { kind: 'json', definition: { workflow_code: '1bad' } } })).toMatchObject({ ok: false, error: { code: 'invalid_definition' } });
    expect(await lab.admin.call('workflows/definitions/update', { commandId: cid(), code: 'REFUSAL_FLOW', definition: twoSteps() })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'workflow_code' } });
    expect(await lab.admin.call('workflows/definitions/update', { commandId: cid(), code: 'NO_SUCH_FLOW', definition: twoSteps() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await lab.admin.subscribe('workflows/definitions/get', { code: 'NO_SUCH_FLOW' }).next()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('moves running instances to a new version only with an explicit step mapping', async () => {
    const flow = { ...twoSteps('Migrating'), workflow_code: 'MIGRATING' };
    expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: flow, publish: true }));
    const member = await lab.as('member');
    const instance = expectOk(await member.call<InstanceSummaryView>('workflows/instances/start', { commandId: cid(), code: 'MIGRATING', entityType: 'sample', entityId: 'M-1' }));
    const renamed = { ...flow, steps: [{ ...flow.steps[0], step_id: 'log_in', next_steps: ['check'] }, ...flow.steps.slice(1)], initial_step: 'log_in' };
    expectOk(await lab.admin.call('workflows/definitions/import', { commandId: cid(), definition: renamed, publish: true }));

    const missing = expectOk(await lab.admin.call<MigrationResultView>('workflows/definitions/migrate-instances', { commandId: cid(), code: 'MIGRATING', fromVersion: 1, toVersion: 2, stepMapping: {} }));
    expect(missing).toMatchObject({ migrated: [], skipped: [{ instanceId: instance.id, code: 'missing_step_mapping' }] });
    const commandId = cid();
    const moved = expectOk(await lab.admin.call<MigrationResultView>('workflows/definitions/migrate-instances', { commandId, code: 'MIGRATING', fromVersion: 1, toVersion: 2, stepMapping: { register: 'log_in' } }));
    expect(moved).toEqual({ migrated: [instance.id], skipped: [] });
    const detail = member.subscribe('workflows/instances/get', { instanceId: instance.id });
    const view = expectOk(await detail.next<{ instance: InstanceSummaryView; timeline: { type: string }[] }>());
    expect(view.instance).toMatchObject({ definitionVersion: 2, activeSteps: [{ stepId: 'log_in' }] });
    expect(view.timeline.map((e) => e.type)).toContain('instance_migrated');
  });
});
