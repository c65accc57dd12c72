import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import { fireTimer } from '../../../src-shared/workflows/deadlines';
import type { StepDefinition, WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import type { EngineOptions, WorkflowInstance } from '../../../src-shared/workflows/instance';
import { mergeRecordChanges, snapshotOfRecord, type RecordSnapshot } from '../../../src-shared/workflows/record-binding';
import { replay } from '../../../src-shared/workflows/replay';
import { startInstance } from '../../../src-shared/workflows/start';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { eventSummary } from '../../../src-shared/workflows/workflow-views';
import { at, flow, must, newId, people, stepIds } from './helpers';

/**
 * Workflows about a record: the record each run reads is recorded in the history, so replay gives
 * the same state without the record; routing and assignees read `record.<field>`; step outcomes
 * change the record through the events that carry the change.
 */

const leave = (fields: Record<string, unknown> = {}, status = 'submitted'): RecordSnapshot =>
  snapshotOfRecord({ id: 'LR-1', kind: 'leave_request', status, number: 'LR-2026-0001', title: '3 days', personId: 'u-req', managerIds: ['u-head'], data: { personId: 'u-req', days: 3, endDate: '2025-01-20', ...fields } });

const decide: StepDefinition = {
  step_id: 'decide',
  name: 'Manager decides',
  type: 'approval',
  assignee_type: 'variable',
  assignee_value: 'record.manager',
  conditions: { approve: ['hr'], reject: [] },
  record_effects: { approve: { status: 'approved' }, reject: { status: 'rejected' } },
};
const definition: WorkflowDefinition = flow(
  [
    { step_id: 'route', name: 'Route by length', type: 'decision', routing: { rules: [{ when: { var: 'record.days', op: 'gt', value: 10 }, go: 'hr' }], default: 'decide' } },
    decide,
    { step_id: 'hr', name: 'HR records it', type: 'task', assignee_type: 'role', assignee_value: 'hr', next_steps: ['wait'] },
    { step_id: 'wait', name: 'Until the leave ends', type: 'timer', timer: { until_variable: 'record.endDate' }, next_steps: ['done'] },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
  { record_kind: 'leave_request' },
);
const signature = { meaning: 'approved' as const, signerName: 'Hans Head', signedAt: at(1) };

function startOn(record: RecordSnapshot, def = definition) {
  return must(startInstance(def, { entityType: 'leave_request', entityId: 'LR-1', requestedBy: 'u-req' }, people.hr, at(0), newId, { record }));
}

const historyOf = (...results: { events: WorkflowEvent[] }[]) => results.flatMap((r) => r.events);

describe('a workflow about a record', () => {
  it('routes on the record and resolves the approver from it, recorded at the start', () => {
    const started = startOn(leave());
    expect(started.instance.record).toMatchObject({ id: 'LR-1', status: 'submitted', days: 3, managerIds: ['u-head'] });
    expect(started.events[0]).toMatchObject({ type: 'instance_started', record: expect.objectContaining({ days: 3 }) });
    expect(stepIds(started.instance)).toEqual(['decide']);
    expect(started.instance.activeSteps[0]?.assignees).toEqual({ users: ['u-head'], roles: [] });
    const long = startOn(leave({ days: 12 }));
    expect(stepIds(long.instance)).toEqual(['hr']);
  });

  it('approves the record with the approval, in the event that completes the step', () => {
    const started = startOn(leave());
    const approved = must(advance(definition, started.instance, { commandId: 'c1', action: 'approve', signature }, people.head, at(1), { record: leave() }));
    const completion = approved.events.find((e) => e.type === 'step_completed');
    expect(completion?.recordChanges).toEqual({ status: { from: 'submitted', to: 'approved' } });
    expect(approved.events.filter((e) => e.recordChanges)).toHaveLength(1);
    expect(approved.instance.record?.status).toBe('approved');
    expect(mergeRecordChanges(approved.events)).toEqual({ status: { from: 'submitted', to: 'approved' } });

    const rejected = must(advance(definition, started.instance, { commandId: 'c2', action: 'reject', signature: { ...signature, meaning: 'rejected' } }, people.head, at(1), { record: leave() }));
    expect(mergeRecordChanges(rejected.events)).toEqual({ status: { from: 'submitted', to: 'rejected' } });
    expect(rejected.instance.status).toBe('rejected');
  });

  it('tells in its history which record it runs on and what each step did to it, in the words of the record', () => {
    const started = startOn(leave());
    const approved = must(advance(definition, started.instance, { commandId: 'c1', action: 'approve', signature }, people.head, at(1), { record: leave() }));
    const nameOf = (id: string) => ({ 'u-hr': 'Hilde HR', 'u-head': 'Hans Head' })[id];
    const lines = historyOf(started, approved).map((e) => eventSummary(e, definition, nameOf));
    expect(lines[0]).toBe(`Hilde HR started ${definition.name} for Leave request LR-2026-0001`);
    expect(lines.filter((l) => l.includes('the leave request is now'))).toEqual(['Hans Head finished Manager decides with "approve"; the leave request is now Approved']);
  });

  it('records the record again only when a run finds it changed, and replays to the same state without it', () => {
    const started = startOn(leave());
    const unchanged = must(advance(definition, started.instance, { commandId: 'c1', action: 'approve', signature }, people.head, at(1), { record: leave() }));
    expect(unchanged.events.some((e) => e.record)).toBe(false);

    // The leave was moved meanwhile: the run that reads it records it first, and the timer waits for the new last day.
    const moved = leave({ endDate: '2025-02-10' }, 'approved');
    const recorded = must(advance(definition, unchanged.instance, { commandId: 'c2', action: 'complete' }, people.hr, at(2), { record: moved }));
    expect(recorded.events[0]?.record).toMatchObject({ endDate: '2025-02-10' });
    expect(recorded.events.slice(1).some((e) => e.record)).toBe(false);
    expect(recorded.instance.activeSteps[0]?.wakeAt).toBe('2025-02-10T00:00:00.000Z');

    const fired = must(fireTimer(definition, recorded.instance, recorded.instance.activeSteps[0]?.token ?? '', '2025-02-10T00:00:00.000Z'));
    const history = historyOf(started, unchanged, recorded, fired);
    expect(must(replay(definition, history))).toEqual(fired.instance);
    // Every prefix replays to the state the engine had then.
    const states: WorkflowInstance[] = [started.instance, unchanged.instance, recorded.instance, fired.instance];
    for (const state of states) expect(must(replay(definition, history.slice(0, state.eventCount)))).toEqual(state);
  });

  it('sends a form’s values to the record and leaves an unchanged status alone', () => {
    const confirm: StepDefinition = {
      step_id: 'apply',
      name: 'Apply',
      type: 'task',
      assignee_type: 'variable',
      assignee_value: 'record.personId',
      next_steps: ['decide'],
      form: [
        { key: 'reason', label: 'Reason', type: 'text', required: true, to: 'record.reason' },
        { key: 'stand_in', label: 'Stand-in', type: 'person' },
      ],
      record_effects: { complete: { status: 'submitted' } },
    };
    const def = flow([confirm, decide, { step_id: 'hr', name: 'HR', type: 'end' }], { record_kind: 'leave_request' });
    const draft = leave({}, 'draft');
    const started = startOn(draft, def);
    expect(started.instance.activeSteps[0]?.assignees.users).toEqual(['u-req']);
    const options: EngineOptions = { record: draft, isPerson: (id) => id.startsWith('u-') };
    const applied = must(advance(def, started.instance, { commandId: 'c1', action: 'complete', data: { reason: 'Family visit', stand_in: 'u-head2' } }, people.requester, at(1), options));
    expect(mergeRecordChanges(applied.events)).toEqual({ status: { from: 'draft', to: 'submitted' }, fields: { reason: { from: null, to: 'Family visit' } } });
    expect(applied.instance.variables).toMatchObject({ stand_in: 'u-head2' });
    expect(applied.instance.record).toMatchObject({ status: 'submitted', reason: 'Family visit' });
    // Already submitted (someone submitted it by hand): completing moves nothing.
    const again = must(advance(def, startOn(leave({ reason: 'Family visit' }), def).instance, { commandId: 'c2', action: 'complete', data: { reason: 'Family visit' } }, people.requester, at(1), { record: leave({ reason: 'Family visit' }) }));
    expect(mergeRecordChanges(again.events)).toBeUndefined();
    expect(advance(def, started.instance, { commandId: 'c3', action: 'complete', data: { reason: 'x', stand_in: 'nobody' } }, people.requester, at(1), options)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'data.stand_in' },
    });
  });

  it('does not move the record when the step cannot go anywhere, but keeps what the person filled in', () => {
    const stuck: StepDefinition = {
      step_id: 'check',
      name: 'Check',
      type: 'task',
      assignee_type: 'role',
      assignee_value: 'hr',
      routing: { rules: [{ when: { var: 'record.days', op: 'gt', value: 100 }, go: 'done' }] },
      form: [{ key: 'note', label: 'Note', type: 'text', to: 'record.hrNote' }],
      record_effects: { complete: { status: 'approved' } },
    };
    const def = flow([stuck, { step_id: 'done', name: 'Done', type: 'end' }], { record_kind: 'leave_request' });
    const started = startOn(leave(), def);
    const result = must(advance(def, started.instance, { commandId: 'c1', action: 'complete', data: { note: 'Checked' } }, people.hr, at(1), { record: leave() }));
    expect(result.instance.status).toBe('incident');
    expect(mergeRecordChanges(result.events)).toEqual({ fields: { hrNote: { from: null, to: 'Checked' } } });
  });

  it('merges a run’s changes from the first value to the last', () => {
    expect(
      mergeRecordChanges([
        { recordChanges: { status: { from: 'draft', to: 'submitted' }, fields: { a: { from: 1, to: 2 } } } },
        {},
        { recordChanges: { status: { from: 'submitted', to: 'approved' }, fields: { a: { from: 2, to: 3 }, b: { from: null, to: 'x' } } } },
      ]),
    ).toEqual({ status: { from: 'draft', to: 'approved' }, fields: { a: { from: 1, to: 3 }, b: { from: null, to: 'x' } } });
    expect(mergeRecordChanges([{}, {}])).toBeUndefined();
  });
});
