import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveInstanceDocument, judgeInstancePush } from '../../../src-shared/sync/workflow-instance-rules';
import { advance } from '../../../src-shared/workflows/advance';
import { instanceFields } from '../../../src-shared/workflows/instance-document';
import type { WorkflowInstance } from '../../../src-shared/workflows/instance';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { at, flow, must, people, start, task } from '../workflows/helpers';

/** The server's instance is the replay of the events it holds; a pushed instance never replaces it. */
const definition = flow([task('a', ['b'], 'member'), task('b', ['c'], 'qa_manager'), task('c', [], 'member')]);

function history(steps: number): { events: WorkflowEvent[]; instance: WorkflowInstance } {
  const started = start(definition, {}, people.requester, at(0));
  let instance = started.instance;
  const all = [...started.events];
  const actors = [people.requester, people.qa, people.requester];
  for (let i = 0; i < steps && instance.status === 'running'; i++) {
    const result = must(advance(definition, instance, { commandId: `c${i}`, action: 'complete' }, actors[i] ?? people.requester, at(i + 1)));
    instance = result.instance;
    all.push(...result.events);
  }
  return { events: all, instance };
}

const docOf = (instance: WorkflowInstance): Record<string, unknown> => ({
  id: instance.id, createdAt: at(0), updatedAt: instance.updatedAt, createdBy: instance.startedBy, updatedBy: instance.startedBy, auditId: 'a1', ...instanceFields(instance, 'wfd-1'), _deleted: false,
});

describe('deriveInstanceDocument', () => {
  it('gives the engine’s own instance for any prefix of its history, keeping the stored document’s other fields', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), (steps) => {
        const { events, instance } = history(steps);
        const derived = deriveInstanceDocument(events, null, 'wfd-1');
        expect(derived).toMatchObject({ id: instance.id, state: instance, eventCount: events.length, status: instance.status, definitionId: 'wfd-1' });
        const older = docOf(history(0).instance);
        const updated = deriveInstanceDocument(events, older, 'ignored');
        expect(updated).toMatchObject({ createdAt: at(0), auditId: 'a1', definitionId: 'wfd-1', state: instance });
      }),
    );
  });

  it('returns the stored document itself when it is up to date, and nothing for a history that does not replay', () => {
    const { events, instance } = history(2);
    const stored = docOf(instance);
    expect(deriveInstanceDocument(events, stored, 'wfd-1')).toBe(stored);
    expect(deriveInstanceDocument(events.slice(1), null, 'wfd-1')).toBeNull();
  });
});

describe('judgeInstancePush', () => {
  it('derives whenever the server holds events, whatever the PC claims; waits while it holds none', () => {
    const { instance } = history(1);
    expect(judgeInstancePush(docOf(instance), 3)).toEqual({ kind: 'derive' });
    expect(judgeInstancePush(docOf(instance), 0)).toEqual({ kind: 'pending' });
  });

  it('refuses an instance whose copied fields disagree with its state, a removal and an unknown status', () => {
    const { instance } = history(1);
    expect(judgeInstancePush({ ...docOf(instance), status: 'completed' }, 3)).toMatchObject({ kind: 'refuse', error: { code: 'invalid_input' } });
    expect(judgeInstancePush({ ...docOf(instance), eventCount: 99 }, 3)).toMatchObject({ kind: 'refuse' });
    expect(judgeInstancePush({ ...docOf(instance), _deleted: true }, 3)).toMatchObject({ kind: 'refuse', error: { code: 'forbidden' } });
    expect(judgeInstancePush({ ...docOf(instance), status: 'paused', state: { ...instance, status: 'paused' } }, 3)).toMatchObject({ kind: 'refuse' });
  });
});
