import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import { replay } from '../../../src-shared/workflows/replay';
import { checkCanStart, checkSingleInstance, startInstance } from '../../../src-shared/workflows/start';
import { equipmentProcurement } from '../../../src-shared/workflows/templates/equipment-procurement';
import {
  applyMigration,
  contentKey,
  currentPublished,
  planMigration,
  publishDefinition,
  retireDefinition,
  saveDraft,
  versionToStart,
} from '../../../src-shared/workflows/versions';
import { at, errorOf, must, newId, people, t0 } from './helpers';

const v1 = must(publishDefinition([], equipmentProcurement)).definition;
const renamed: WorkflowDefinition = {
  ...equipmentProcurement,
  steps: equipmentProcurement.steps.map((s) => (s.step_id === 'rfq' ? { ...s, step_id: 'request_quotes', name: 'Request quotes' } : s.step_id === 'approval' ? { ...s, next_steps: ['request_quotes'], conditions: { approve: ['request_quotes'], reject: [] } } : s)),
  sla_config: { request: { duration_hours: 24 }, approval: { duration_hours: 48 }, request_quotes: { duration_hours: 72 } },
};

describe('publishing versions', () => {
  it('publishes the first version as 1', () => {
    expect(v1).toMatchObject({ version: 1, status: 'published' });
  });

  it('publishing a changed definition creates the next version; the same content creates none', () => {
    const v2 = must(publishDefinition([v1], renamed));
    expect(v2).toMatchObject({ isNew: true, definition: { version: 2, status: 'published' } });
    const same = must(publishDefinition([v1, v2.definition], { ...renamed, status: 'draft', version: 9 }));
    expect(same).toEqual({ definition: v2.definition, isNew: false });
    expect(currentPublished([v1, v2.definition])).toBe(v2.definition);
  });

  it('compares content regardless of key order', () => {
    const reordered = JSON.parse(JSON.stringify({ steps: v1.steps, workflow_code: v1.workflow_code, initial_step: v1.initial_step, name: v1.name, description: v1.description, category: v1.category, sla_config: v1.sla_config }));
    expect(contentKey(reordered)).toBe(contentKey(v1));
  });

  it('refuses to publish an invalid definition, with every problem', () => {
    const broken = { ...equipmentProcurement, initial_step: 'nope' };
    const result = publishDefinition([v1], broken);
    expect(errorOf(result)).toBe('invalid_definition');
  });

  it('keeps one draft, numbered after the latest version, and publishes it under that number', () => {
    const draft = must(saveDraft([v1], renamed));
    expect(draft).toMatchObject({ version: 2, status: 'draft' });
    const edited = must(saveDraft([v1, draft], { ...renamed, description: 'Edited' }));
    expect(edited.version).toBe(2);
    expect(must(publishDefinition([v1, edited], edited)).definition.version).toBe(2);
  });

  it('refuses mixing workflow codes', () => {
    expect(errorOf(publishDefinition([v1], { ...renamed, workflow_code: 'OTHER' }))).toBe('invalid_input');
  });
});

describe('retiring', () => {
  it('a retired definition cannot start instances; running ones go on', () => {
    const running = must(startInstance(v1, { entityType: 'equipment', entityId: '1' }, people.requester, t0, newId)).instance;
    const [retired] = must(retireDefinition([v1]));
    expect(retired?.status).toBe('retired');
    expect(errorOf(versionToStart([retired as WorkflowDefinition]))).toBe('definition_retired');
    expect(errorOf(startInstance(retired as WorkflowDefinition, { entityType: 'equipment', entityId: '2' }, people.requester, t0, newId))).toBe('definition_retired');
    expect(must(advance(v1, running, { commandId: 'c1', action: 'complete' }, people.requester, at(1))).instance.status).toBe('running');
  });

  it('a draft cannot start instances', () => {
    expect(errorOf(checkCanStart({ ...v1, status: 'draft' }))).toBe('definition_not_published');
    expect(errorOf(versionToStart([{ ...v1, status: 'draft' }]))).toBe('definition_not_published');
  });

  it('one running instance per record unless the definition allows more', () => {
    expect(errorOf(checkSingleInstance(v1, 1))).toBe('instance_already_running');
    expect(checkSingleInstance(v1, 0).ok).toBe(true);
    expect(checkSingleInstance({ ...v1, allow_multiple_instances: true }, 3).ok).toBe(true);
  });
});

describe('migrating a running instance', () => {
  const v2 = must(publishDefinition([v1], renamed)).definition;
  /** An instance of version 1 waiting at "rfq", with its whole history. */
  const atRfq = () => {
    const started = must(startInstance(v1, { entityType: 'equipment', entityId: '1' }, people.requester, t0, newId));
    const requested = must(advance(v1, started.instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1)));
    const approved = must(advance(v1, requested.instance, { commandId: 'c2', action: 'approve' }, people.head, at(2)));
    return { instance: approved.instance, history: [...started.events, ...requested.events, ...approved.events] };
  };

  it('refuses a missing mapping with a typed error listing the steps', () => {
    const result = planMigration(atRfq().instance, v1, v2, {});
    expect(errorOf(result)).toBe('missing_step_mapping');
    if (!result.ok) expect(result.error.details).toEqual({ missing: ['rfq'] });
  });

  it('refuses a mapping to an unknown step or a step of another type', () => {
    expect(errorOf(planMigration(atRfq().instance, v1, v2, { rfq: 'ghost' }))).toBe('invalid_input');
    expect(errorOf(planMigration(atRfq().instance, v1, v2, { rfq: 'approval' }))).toBe('invalid_input');
  });

  it('moves the instance with an event that replays, and it runs on under the new version', () => {
    const before = atRfq();
    const plan = must(planMigration(before.instance, v1, v2, { rfq: 'request_quotes' }));
    expect(errorOf(applyMigration(v2, before.instance, plan, { commandId: 'm1' }, people.head, at(3)))).toBe('forbidden');
    const moved = must(applyMigration(v2, before.instance, plan, { commandId: 'm1' }, people.admin, at(3)));
    expect(moved.instance).toMatchObject({ definitionVersion: 2, activeSteps: [expect.objectContaining({ stepId: 'request_quotes' })] });
    expect(errorOf(advance(v1, moved.instance, { commandId: 'c3', action: 'complete' }, people.officer, at(4)))).toBe('invalid_input');
    const next = must(advance(v2, moved.instance, { commandId: 'c3', action: 'complete' }, people.officer, at(4)));
    expect(next.instance.activeSteps[0]?.stepId).toBe('evaluation');
    expect(must(replay(v2, [...before.history, ...moved.events, ...next.events]))).toEqual(next.instance);
  });
});
