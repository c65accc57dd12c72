import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import { formDataOf } from '../../../src-shared/workflows/form-replay';
import { snapshotOfRecord } from '../../../src-shared/workflows/record-binding';
import { startInstance } from '../../../src-shared/workflows/start';
import { at, must, newId, people, published } from './helpers';

/**
 * The sync server replays a pushed completion through the engine; an event keeps a step form's
 * values under the variables and record fields they went to, and formDataOf gives them back by
 * field key so the engine records the very same events.
 */

const definition: WorkflowDefinition = published({
  workflow_code: 'LEAVE_FORM',
  name: 'Leave form',
  record_kind: 'leave_request',
  initial_step: 'apply',
  steps: [
    {
      step_id: 'apply',
      name: 'Apply',
      type: 'task',
      assignee_type: 'variable',
      assignee_value: 'record.personId',
      next_steps: ['done'],
      form: [
        { key: 'stand_in', label: 'Who stands in', type: 'person' },
        { key: 'why', label: 'Reason', type: 'text', to: 'record.reason' },
        { key: 'ticked', label: 'Balance checked', type: 'checkbox', required: true, to: 'balance_ok' },
        { key: 'note', label: 'Note', type: 'text' },
      ],
      record_effects: { complete: { status: 'submitted' } },
    },
    { step_id: 'done', name: 'Done', type: 'end' },
  ],
});

const record = snapshotOfRecord({ id: 'LR-1', kind: 'leave_request', status: 'draft', number: 'LR-2026-0001', personId: 'u-req', managerIds: ['u-head'], data: { personId: 'u-req', days: 3, reason: 'Family' } });

function started(variables: Record<string, unknown> = {}) {
  return must(startInstance(definition, { entityType: 'leave_request', entityId: 'LR-1', requestedBy: 'u-req', variables }, people.requester, at(0), newId, { record })).instance;
}

describe('formDataOf', () => {
  it('gives back the values a completion recorded, by field key, and the engine records the same events again', () => {
    const before = started({ note: 'kept' });
    const data = { stand_in: 'u-head', why: 'Wedding', ticked: true, note: 'kept' };
    const done = must(advance(definition, before, { commandId: 'c1', action: 'complete', data }, people.requester, at(1), { record }));
    const first = done.events[0];
    if (!first) throw new Error('no event');
    // `note` changed nothing, so the event does not hold it: it comes from the variable as it stood.
    expect(first.dataChanges).toEqual({ stand_in: { from: null, to: 'u-head' }, balance_ok: { from: null, to: true } });
    expect(first.recordChanges?.fields).toEqual({ reason: { from: 'Family', to: 'Wedding' } });
    expect(formDataOf(definition, before, first)).toEqual(data);
    const again = must(advance(definition, before, { commandId: 'c1', action: 'complete', data: formDataOf(definition, before, first) }, people.requester, at(1), { record }));
    expect(again.events).toEqual(done.events);
  });

  it('is undefined for a step without a form, whose data are its variables', () => {
    const plain: WorkflowDefinition = { ...definition, steps: definition.steps.map((s) => (s.step_id === 'apply' ? { ...s, form: undefined } : s)) };
    const before = started();
    const done = must(advance(plain, before, { commandId: 'c1', action: 'complete', data: { anything: 1 } }, people.requester, at(1), { record }));
    const [first] = done.events;
    if (!first) throw new Error('no event');
    expect(formDataOf(plain, before, first)).toBeUndefined();
  });
});
