import { describe, expect, it } from 'vitest';
import { advance } from '../../../src-shared/workflows/advance';
import { checkRepeat, stampOf } from '../../../src-shared/workflows/command-fingerprint';
import { cancel, comment } from '../../../src-shared/workflows/instance-actions';
import { replay } from '../../../src-shared/workflows/replay';
import { startInstance, startStamp } from '../../../src-shared/workflows/start';
import type { WorkflowEvent } from '../../../src-shared/workflows/workflow-events';
import { at, errorOf, flow, must, newId, people, published, start, t0, task } from './helpers';

/**
 * Issue 19.3: a command id is the client's promise that a retry is the same request. The same id
 * with another request is a client bug and must be refused (`command_id_reused`), not answered as
 * a success that never happened.
 */
const def = flow([task('a', ['b']), task('b', ['c']), task('c', [])]);
const afterFirst = () => {
  const started = start(def);
  return must(advance(def, started.instance, { commandId: 'c1', action: 'complete', data: { amount: 5, unit: 'mg' }, comments: 'ok' }, people.requester, at(1)));
};

describe('a repeated command id', () => {
  it('is a retry when the request is the same, whatever the key order and unset fields', () => {
    const first = afterFirst();
    const again = must(advance(def, first.instance, { comments: 'ok', data: { unit: 'mg', amount: 5 }, action: 'complete', commandId: 'c1', stepId: undefined }, people.requester, at(2)));
    expect(again.events).toEqual([]);
    expect(again.instance).toBe(first.instance);
  });

  it.each([
    ['another action', { action: 'reject' }],
    ['other data', { data: { amount: 6, unit: 'mg' } }],
    ['another comment', { comments: 'not ok' }],
    ['another step', { stepId: 'b' }],
  ])('is refused as command_id_reused with %s', (_, change) => {
    const first = afterFirst();
    const result = advance(def, first.instance, { commandId: 'c1', action: 'complete', data: { amount: 5, unit: 'mg' }, comments: 'ok', ...change }, people.requester, at(2));
    expect(errorOf(result)).toBe('command_id_reused');
    if (!result.ok) expect(result.error.field).toBe('commandId');
  });

  it('is refused when another person sends it, or it names another kind of command', () => {
    const first = afterFirst();
    expect(errorOf(advance(def, first.instance, { commandId: 'c1', action: 'complete', data: { amount: 5, unit: 'mg' }, comments: 'ok' }, people.admin, at(2)))).toBe('command_id_reused');
    expect(errorOf(comment(def, first.instance, { commandId: 'c1', comments: 'ok' }, people.requester, at(2)))).toBe('command_id_reused');
    expect(errorOf(cancel(def, first.instance, { commandId: 'c1' }, people.requester, at(2)))).toBe('command_id_reused');
  });

  it('is a retry when only the signature differs (the runtime signs each attempt at its own time)', () => {
    const signed = (signedAt: string) => ({ meaning: 'reviewed' as const, signerId: people.requester.userId, signerName: 'Rita Requester', signedAt });
    const started = start(def);
    const first = must(advance(def, started.instance, { commandId: 's1', action: 'complete', signature: signed(at(1)) }, people.requester, at(1)));
    expect(must(advance(def, first.instance, { commandId: 's1', action: 'complete', signature: signed(at(2)) }, people.requester, at(2))).events).toEqual([]);
  });

  it('lets a new command through after a refused reuse, and the refusal changes nothing', () => {
    const first = afterFirst();
    expect(errorOf(advance(def, first.instance, { commandId: 'c1', action: 'complete' }, people.requester, at(2)))).toBe('command_id_reused');
    const next = must(advance(def, first.instance, { commandId: 'c2', action: 'complete' }, people.requester, at(2)));
    expect(next.instance.activeSteps.map((s) => s.stepId)).toEqual(['c']);
  });
});

describe('fingerprints in the history', () => {
  it('travel on the events, so replay rebuilds them exactly', () => {
    const started = start(def, {}, people.requester, t0, { commandId: 'start-1' });
    const first = must(advance(def, started.instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1)));
    expect(Object.keys(first.instance.commandFingerprints ?? {})).toEqual(['start-1', 'c1']);
    expect(must(replay(def, [...started.events, ...first.events]))).toEqual(first.instance);
  });

  it('are absent from histories written before them: those replay as before and a repeat stays a retry', () => {
    const started = start(def, {}, people.requester, t0, { commandId: 'start-1' });
    const first = must(advance(def, started.instance, { commandId: 'c1', action: 'complete' }, people.requester, at(1)));
    const legacy = [...started.events, ...first.events].map(({ commandFingerprint: _dropped, ...event }) => event as WorkflowEvent);
    const old = must(replay(def, legacy));
    expect(old.commandFingerprints).toBeUndefined();
    expect(old.processedCommandIds).toEqual(['start-1', 'c1']);
    expect(must(advance(def, old, { commandId: 'c1', action: 'reject' }, people.requester, at(2))).events).toEqual([]);
  });

  it('tell a repeated start from another start under the same id', () => {
    const input = { entityType: 'equipment', entityId: 'EQ-1', variables: { amount: 5 }, commandId: 'start-1' };
    const started = must(startInstance(published(def), input, people.requester, t0, newId));
    expect(must(checkRepeat(started.instance, startStamp(def.workflow_code, { ...input }, people.requester)))).toBe('repeat');
    expect(errorOf(checkRepeat(started.instance, startStamp(def.workflow_code, { ...input, entityId: 'EQ-2' }, people.requester)))).toBe('command_id_reused');
    expect(errorOf(checkRepeat(started.instance, startStamp('OTHER_FLOW', input, people.requester)))).toBe('command_id_reused');
  });

  it('keep the stamp the runtime took before filling in defaults', () => {
    const asSent = { entityType: 'equipment', entityId: 'EQ-1', commandId: 'start-1' };
    const stamp = startStamp(def.workflow_code, asSent, people.requester);
    const started = must(startInstance(published(def), { ...asSent, requestedBy: 'u-hr' }, people.requester, t0, newId, stamp ? { command: stamp } : {}));
    expect(must(checkRepeat(started.instance, startStamp(def.workflow_code, asSent, people.requester)))).toBe('repeat');
  });

  it('make no stamp for a command without an id', () => {
    expect(stampOf('comment', { comments: 'x' } as { commandId?: string; comments: string }, people.requester)).toBeUndefined();
  });
});
