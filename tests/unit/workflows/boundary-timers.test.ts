import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import { fireBoundaryTimer } from '../../../src-shared/workflows/boundary-timers';
import type { StepDefinition, WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import { dueWork, runDueWork } from '../../../src-shared/workflows/deadlines';
import { replay } from '../../../src-shared/workflows/replay';
import { validateDefinition } from '../../../src-shared/workflows/validate-definition';
import { at, errorOf, flow, must, people, start, stepIds, task, t0 } from './helpers';

/**
 * Issue 19.5: a waiting step's boundary timer routes its token to a named step when it fires,
 * exactly once, on the working calendar when asked; distinct from SLA escalations.
 */
const waitForQuote = (boundary: StepDefinition['boundary_timer']): StepDefinition => task('quote', ['order'], 'procurement_officer', { boundary_timer: boundary });
const supplier = (boundary: StepDefinition['boundary_timer'] = { after_hours: 48, go: 'chase' }, extra: Partial<WorkflowDefinition> = {}) =>
  flow([waitForQuote(boundary), task('chase', ['quote'], 'procurement_officer'), task('order', [])], extra);
const officeHours = { weekdays: [1, 2, 3, 4, 5], hours: { start: '08:00', end: '16:00' } };

describe('boundary timers in a definition', () => {
  it('counts the timer route: a chase step reached only by the timer is reachable', () => {
    expect(validateDefinition(supplier())).toEqual([]);
  });

  it('lists every problem of a timer: a step that does not wait for people, an unknown step, working hours without a calendar', () => {
    const broken = flow([
      { step_id: 'tell', name: 'Tell', type: 'notify', assignee_type: 'role', assignee_value: 'member', next_steps: ['quote'], boundary_timer: { after_hours: 1, go: 'quote' } },
      waitForQuote({ after_hours: 80, working_hours: true, go: 'chsae' }),
      task('order', []),
    ]);
    expect(validateDefinition(broken).map((p) => p.path)).toEqual(
      expect.arrayContaining(['steps[0].boundary_timer', 'steps[1].boundary_timer.go', 'steps[1].boundary_timer.working_hours']),
    );
  });
});

describe('a boundary timer at run time', () => {
  it('is set when the step is entered and scheduled, and routes the token to its step when it fires', () => {
    const def = supplier();
    const started = start(def);
    const quote = started.instance.activeSteps[0];
    expect(quote?.boundaryAt).toBe(at(48));
    expect(started.effects).toContainEqual(expect.objectContaining({ type: 'schedule_deadline', kind: 'boundary', at: at(48), key: `${quote?.token}:boundary` }));
    expect(dueWork(def, started.instance)).toEqual([expect.objectContaining({ kind: 'boundary', at: at(48), token: quote?.token })]);
    expect(errorOf(runDueWork(def, started.instance, { kind: 'boundary', token: quote?.token ?? '' }, at(47)))).toBe('timer_not_due');
    const fired = must(runDueWork(def, started.instance, { kind: 'boundary', token: quote?.token ?? '' }, at(49)));
    expect(fired.events[0]).toMatchObject({ type: 'step_completed', action: 'boundary_timer', stepId: 'quote', toSteps: ['chase'], actor: { userId: 'system' } });
    expect(stepIds(fired.instance)).toEqual(['chase']);
    expect(must(replay(def, [...started.events, ...fired.events]))).toEqual(fired.instance);
  });

  it('fires exactly once: again, it changes nothing', () => {
    const def = supplier();
    const started = start(def);
    const token = started.instance.activeSteps[0]?.token ?? '';
    const fired = must(fireBoundaryTimer(def, started.instance, token, at(49)));
    const again = must(fireBoundaryTimer(def, fired.instance, token, at(50)));
    expect(again.events).toEqual([]);
    expect(again.instance).toBe(fired.instance);
  });

  it('is cancelled when a person finishes the step first, and a late firing is a no-op', () => {
    const def = supplier();
    const started = start(def);
    const token = started.instance.activeSteps[0]?.token ?? '';
    const done = must(advance(def, started.instance, { commandId: 'c1', action: 'complete' }, people.officer, at(2)));
    expect(done.effects).toContainEqual(expect.objectContaining({ type: 'cancel_deadline', token, keys: expect.arrayContaining([`${token}:boundary`]) }));
    expect(must(fireBoundaryTimer(def, done.instance, token, at(49))).events).toEqual([]);
    expect(stepIds(done.instance)).toEqual(['order']);
  });

  it('counts working hours on the calendar when asked (16 working hours from Monday 09:00 is Wednesday 09:00), wall-clock hours otherwise', () => {
    const worked = supplier({ after_hours: 16, working_hours: true, go: 'chase' }, { working_calendar: officeHours });
    expect(start(worked).instance.activeSteps[0]?.boundaryAt).toBe('2025-01-08T09:00:00.000Z');
    const wallClock = supplier({ after_hours: 16, go: 'chase' }, { working_calendar: officeHours });
    expect(start(wallClock).instance.activeSteps[0]?.boundaryAt).toBe(new Date(Date.parse(t0) + 16 * 3_600_000).toISOString());
  });
});
