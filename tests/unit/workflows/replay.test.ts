import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import { escalate } from '../../../src-shared/workflows/deadlines';
import { comment, reassign } from '../../../src-shared/workflows/instance-actions';
import { replay } from '../../../src-shared/workflows/replay';
import { onboarding } from '../../../src-shared/workflows/templates/onboarding';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { at, errorOf, must, people, published, start } from './helpers';

const def = published(onboarding);

describe('replay', () => {
  it('rebuilds the same state from the history after every kind of change', () => {
    const started = start(onboarding, { employee_id: 'u-new' });
    const history: WorkflowEvent[] = [...started.events];
    const step = (r: { instance: typeof started.instance; events: WorkflowEvent[] }) => {
      history.push(...r.events);
      expect(must(replay(def, history))).toEqual(r.instance);
      return r.instance;
    };
    let instance = step(must(advance(def, started.instance, { commandId: 'a', action: 'complete' }, people.hr, at(1))));
    instance = step(must(comment(def, instance, { commandId: 'b', comments: 'Starts Monday' }, people.hr, at(2))));
    const itToken = instance.activeSteps.find((s) => s.stepId === 'it_setup')?.token ?? '';
    instance = step(must(escalate(def, instance, itToken, 0, at(30))));
    instance = step(must(reassign(def, instance, { commandId: 'c', stepId: 'it_setup', to: { assignee_type: 'user', assignee_value: 'u-admin' } }, people.admin, at(31))));
    instance = step(must(advance(def, instance, { commandId: 'd', action: 'complete', stepId: 'it_setup', data: { laptop: 'LT-7' } }, people.admin, at(32))));
    instance = step(must(advance(def, instance, { commandId: 'e', action: 'complete', stepId: 'hr_paperwork' }, people.hr, at(33))));
    instance = step(must(advance(def, instance, { commandId: 'f', action: 'complete' }, people.qa, at(34))));
    instance = step(must(advance(def, instance, { commandId: 'g', action: 'approve', signature: { meaning: 'approved', signerName: 'Quentin QA', signedAt: at(35) } }, people.qa, at(35))));
    expect(instance.activeSteps.map((s) => s.stepId)).toEqual(['first_week_review']);
    instance = step(must(advance(def, instance, { commandId: 'h', action: 'complete' }, people.head, at(40))));
    expect(instance.status).toBe('completed');
    expect(instance.processedCommandIds).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('takes events in sequence order whatever order they are stored in', () => {
    const started = start(onboarding);
    const next = must(advance(def, started.instance, { commandId: 'a', action: 'complete' }, people.hr, at(1)));
    expect(must(replay(def, [...next.events].reverse().concat(started.events)))).toEqual(next.instance);
  });

  it('refuses a history with a gap, no start, or of another workflow', () => {
    const started = start(onboarding);
    const next = must(advance(def, started.instance, { commandId: 'a', action: 'complete' }, people.hr, at(1)));
    const all = [...started.events, ...next.events];
    expect(errorOf(replay(def, all.filter((_, i) => i !== 3)))).toBe('invalid_input');
    expect(errorOf(replay(def, all.slice(1)))).toBe('invalid_input');
    expect(errorOf(replay({ ...def, workflow_code: 'OTHER' }, all))).toBe('invalid_input');
  });
});
