import { describe, expect, it } from 'vitest';
import type { WorkflowDefinition } from '../../../src-shared/workflows/definition-schema';
import type { WorkflowInstance } from '../../../src-shared/workflows/instance';
import { replay } from '../../../src-shared/workflows/replay';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import stored from './fixtures/histories-before-19-1.json';
import { must } from './helpers';

/**
 * Histories written by the engine before incidents were kept per branch (issue 19.1), with the
 * state that engine built from them (fixtures/make-histories-before-19-1.ts made them from main's
 * engine of then). Today's engine must replay each to the very same state: instances already in
 * the field must not change when a PC or the server rebuilds them.
 */
interface StoredHistory {
  name: string;
  definition: WorkflowDefinition;
  events: WorkflowEvent[];
  state: WorkflowInstance;
}
// JSON has no literal types; the fixture is what the old engine wrote, typed as its events were.
const histories = stored as unknown as StoredHistory[];

describe('histories from before incidents per branch', () => {
  it('covers the one history whose meaning changed: two incidents in one run, resolved once', () => {
    const overlapping = histories.find((h) => h.name === 'two incidents in one run, resolved once');
    const raised = overlapping?.events.filter((e) => e.type === 'incident_raised') ?? [];
    expect(raised).toHaveLength(2);
    expect(raised.every((e) => e.type === 'incident_raised' && e.keepsOthers === undefined)).toBe(true);
    // What the old engine made of it: running, one branch left with nobody assigned (the bug of 19.1).
    expect(overlapping?.state.status).toBe('running');
  });

  it.each(histories.map((h) => [h.name, h] as const))('replays "%s" to the state it had', (_name, history) => {
    expect(must(replay(history.definition, history.events))).toEqual(history.state);
  });
});
