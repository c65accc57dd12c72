import { describe, expect, it } from 'vitest';
import type { LabDatabase } from '../../../src-main/database/open-database';
import type { Logger } from '../../../src-main/logging/logger';
import { createPersonSessions } from '../../../src-main/sync/person-sessions';

/** A server that refuses every password, counting the sign-ins it is asked for. */
function refusingServer() {
  const calls: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    calls.push(String(input));
    return new Response(JSON.stringify({ error: { code: 'unauthenticated', message: 'That email and password do not match.' } }), { status: 401, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

const db = { getLocal: async () => null, upsertLocal: async () => undefined } as unknown as LabDatabase;
const log = { info: () => undefined, warn: () => undefined, error: () => 'E-test', debug: () => undefined } as unknown as Logger;
const max = { id: 'max', email: 'max@lab.org' };

describe('people’s server sign-ins', () => {
  it('does not try a password the server refused again, so daily sign-ins cannot lock the server account', async () => {
    const server = refusingServer();
    const sessions = createPersonSessions({ db, fetch: server.fetch, clock: () => new Date(), log });
    await sessions.open('http://sync.lab.test');
    expect(await sessions.signIn(max, 'local password')).toBe(false);
    expect(await sessions.signIn(max, 'local password')).toBe(false);
    expect(server.calls.filter((url) => url.endsWith('/auth/sign-in'))).toHaveLength(1);
    // A different password (changed here since) is worth one more try.
    expect(await sessions.signIn(max, 'new local password')).toBe(false);
    expect(server.calls.filter((url) => url.endsWith('/auth/sign-in'))).toHaveLength(2);
  });
});
