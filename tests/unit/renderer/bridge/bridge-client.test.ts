import { describe, expect, it } from 'vitest';
import type { ClientMessage, HostMessage } from '../../../../src-shared/bridge/protocol';
import type { Result } from '../../../../src-shared/core/result';
import { createBridgeClient } from '../../../../src-renderer/bridge/bridge-client';
import type { ConnectionState, Transport } from '../../../../src-renderer/bridge/transport';

/** A transport the test plays the host on (no browser or socket needed for the client's bookkeeping). */
function fakeTransport() {
  const sent: ClientMessage[] = [];
  let deliver: (message: HostMessage) => void = () => undefined;
  let setState: (state: ConnectionState) => void = () => undefined;
  const transport: Transport = {
    send: (message) => void sent.push(message),
    onMessage: (listener) => ((deliver = listener), () => undefined),
    onState: (listener) => ((setState = listener), listener('connected'), () => undefined),
  };
  return { transport, sent, host: (message: unknown) => deliver(message as HostMessage), setState: (s: ConnectionState) => setState(s) };
}

const rows = [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }];

function subscribed() {
  const fake = fakeTransport();
  const client = createBridgeClient(fake.transport);
  const results: Result<unknown>[] = [];
  client.subscribe('tasks/board', { projectId: 'p1' }, (result) => void results.push(result));
  const id = (fake.sent[0] as { id: string }).id;
  fake.host({ t: 'data', id, seq: 1, result: { ok: true, value: { rows } } });
  return { ...fake, id, results };
}

describe('bridge client live-query patches', () => {
  it('subscribes asking for patches and applies one, keeping unchanged rows as the same objects', () => {
    const { sent, host, id, results } = subscribed();
    expect(sent[0]).toMatchObject({ t: 'subscribe', patches: true });
    host({ t: 'patch', id, seq: 2, base: 1, patch: { o: { rows: { l: { put: [{ id: 'b', title: 'B2' }] } } } } });
    const latest = results.at(-1) as { ok: true; value: { rows: typeof rows } };
    expect(latest.value.rows).toEqual([{ id: 'a', title: 'A' }, { id: 'b', title: 'B2' }]);
    expect(latest.value.rows[0]).toBe(rows[0]);
  });

  it.each([
    ['against another result', { base: 7, seq: 8, patch: { o: {} } }],
    ['that does not fit the result', { base: 1, seq: 2, patch: { o: { rows: { l: { del: ['zz'] } } } } }],
    ['that is malformed', { base: 1, seq: 2, patch: { l: 'everything' } }],
    ['without numbers', { patch: { o: {} } }],
  ])('drops a patch %s and asks for the whole result', (_, fields) => {
    const { sent, host, id, results } = subscribed();
    host({ t: 'patch', id, ...fields });
    expect(results).toHaveLength(1);
    expect(sent.at(-1)).toEqual({ t: 'resync', id });
    // Until the whole result comes, later patches are ignored rather than applied to nothing.
    host({ t: 'patch', id, seq: 3, base: 2, patch: { o: {} } });
    expect(sent.filter((m) => m.t === 'resync')).toHaveLength(1);
    host({ t: 'data', id, seq: 4, result: { ok: true, value: { rows: [] } } });
    host({ t: 'patch', id, seq: 5, base: 4, patch: { o: { rows: { l: { put: [{ id: 'c' }] } } } } });
    expect(results.at(-1)).toEqual({ ok: true, value: { rows: [{ id: 'c' }] } });
  });

  it('forgets the last result on reconnect, so only the new connection’s whole result counts', () => {
    const { sent, host, id, results, setState } = subscribed();
    setState('disconnected');
    setState('connected');
    expect(sent.at(-1)).toMatchObject({ t: 'subscribe', id, patches: true });
    host({ t: 'patch', id, seq: 2, base: 1, patch: { o: {} } });
    expect(results).toHaveLength(1);
    expect(sent.at(-1)).toEqual({ t: 'resync', id });
  });
});
