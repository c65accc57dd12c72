import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import { mappingTargets, previewMigration, stepsToMap, suggestedMapping } from '../../../src-shared/workflows/migration-preview';
import { startInstance } from '../../../src-shared/workflows/start';
import { equipmentProcurement } from '../../../src-shared/workflows/templates/equipment-procurement';
import { publishDefinition } from '../../../src-shared/workflows/versions';
import { at, must, newId, people, t0 } from './helpers';

/** Version 2 renames "rfq" to "request_quotes"; every other step keeps its id. */
const v1 = must(publishDefinition([], equipmentProcurement)).definition;
const v2 = must(
  publishDefinition([v1], {
    ...equipmentProcurement,
    steps: equipmentProcurement.steps.map((s) =>
      s.step_id === 'rfq'
        ? { ...s, step_id: 'request_quotes', name: 'Request quotes' }
        : s.step_id === 'approval'
          ? { ...s, next_steps: ['request_quotes'], conditions: { approve: ['request_quotes'], reject: [] } }
          : s,
    ),
    sla_config: { request: { duration_hours: 24 }, approval: { duration_hours: 48 }, request_quotes: { duration_hours: 72 } },
  }),
).definition;
const versions = new Map<number, WorkflowDefinition>([[1, v1], [2, v2]]);
const definitionOf = (version: number) => versions.get(version);

const atRequest = () => must(startInstance(v1, { entityType: 'equipment', entityId: 'EQ-1' }, people.requester, t0, newId)).instance;
const atRfq = () => {
  const requested = must(advance(v1, atRequest(), { commandId: 'c1', action: 'complete' }, people.requester, at(1)));
  return must(advance(v1, requested.instance, { commandId: 'c2', action: 'approve' }, people.head, at(2))).instance;
};

describe('the steps a migration has to map', () => {
  it('lists each active step once, with how many instances stand on it and the same-type targets', () => {
    const steps = stepsToMap([atRequest(), atRfq(), atRfq()], definitionOf, v2);
    expect(steps.map((s) => [s.stepId, s.instanceCount])).toEqual([['request', 1], ['rfq', 2]]);
    const rfq = steps.find((s) => s.stepId === 'rfq');
    expect(rfq?.name).toBe('Send RFQ');
    expect(rfq?.targets.map((t) => t.stepId)).toEqual(mappingTargets('task', v2).map((t) => t.stepId));
    expect(rfq?.targets.every((t) => t.type === 'task')).toBe(true);
  });

  it('suggests the step with the same id and type, and nothing for a renamed one', () => {
    const steps = stepsToMap([atRequest(), atRfq()], definitionOf, v2);
    expect(suggestedMapping(steps)).toEqual({ request: 'request' });
    expect(steps.find((s) => s.stepId === 'rfq')?.suggested).toBeUndefined();
  });

  it('does not suggest a same-id step whose type changed', () => {
    const retyped: WorkflowDefinition = { ...v2, steps: v2.steps.map((s) => (s.step_id === 'request' ? { ...s, type: 'approval' } : s)) };
    const steps = stepsToMap([atRequest()], definitionOf, retyped);
    expect(steps[0]?.suggested).toBeUndefined();
    expect(steps[0]?.targets.some((t) => t.stepId === 'request')).toBe(false);
  });
});

describe('the plan per instance', () => {
  it('moves each instance whose active steps are all mapped, naming both steps', () => {
    const [plan] = previewMigration([atRfq()], definitionOf, v2, { rfq: 'request_quotes' });
    expect(plan).toMatchObject({
      outcome: 'ready',
      fromVersion: 1,
      moves: [{ from: { stepId: 'rfq', name: 'Send RFQ' }, to: { stepId: 'request_quotes', name: 'Request quotes' } }],
    });
  });

  it('refuses, with the reason, an instance whose step has no place, and still plans the others', () => {
    const plans = previewMigration([atRequest(), atRfq()], definitionOf, v2, { request: 'request' });
    expect(plans.map((p) => p.outcome)).toEqual(['ready', 'refused']);
    expect(plans[1]).toMatchObject({ code: 'missing_step_mapping', message: expect.stringContaining('rfq') });
  });

  it('refuses a mapping to a step of another type, an unknown version, a target that is not published, and the same version', () => {
    expect(previewMigration([atRfq()], definitionOf, v2, { rfq: 'approval' })[0]).toMatchObject({ outcome: 'refused', code: 'invalid_input' });
    expect(previewMigration([atRfq()], () => undefined, v2, { rfq: 'request_quotes' })[0]).toMatchObject({ outcome: 'refused', code: 'not_found' });
    expect(previewMigration([atRfq()], definitionOf, { ...v2, status: 'draft' }, { rfq: 'request_quotes' })[0]).toMatchObject({ outcome: 'refused', code: 'invalid_state' });
    expect(previewMigration([atRfq()], definitionOf, v1, { rfq: 'rfq' })[0]).toMatchObject({ outcome: 'refused', message: 'This instance runs version 1 already.' });
  });
});
