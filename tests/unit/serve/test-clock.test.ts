import { describe, expect, it } from 'vitest';
import { parseServeOptions } from '../../../src-main/serve/serve-options';
import { answerTestClock, createTestClock } from '../../../src-main/serve/test-clock';

const token = 'a-long-access-token-1234';
const post = (body: unknown, authorization: string | undefined = `Bearer ${token}`) => ({ method: 'POST', path: '/__test/clock', authorization, body: JSON.stringify(body) });

describe('serve mode test clock', () => {
  it('is off unless LABFLOW_TEST_MODE=1, and the endpoint then answers 404', () => {
    expect(parseServeOptions([], {})).toMatchObject({ ok: true, value: { isTestMode: false } });
    expect(parseServeOptions([], { LABFLOW_TEST_MODE: 'true' })).toMatchObject({ ok: true, value: { isTestMode: false } });
    expect(parseServeOptions([], { LABFLOW_TEST_MODE: '1' })).toMatchObject({ ok: true, value: { isTestMode: true } });
    expect(answerTestClock(post({ advanceMs: 1000 }), undefined, token).status).toBe(404);
  });

  it('needs the run’s access token', () => {
    const clock = createTestClock(() => 0);
    expect(answerTestClock({ ...post({ advanceMs: 1000 }), authorization: undefined }, clock, token).status).toBe(401);
    expect(answerTestClock(post({ advanceMs: 1000 }, 'Bearer wrong'), clock, token).status).toBe(401);
    expect(answerTestClock(post({ advanceMs: 1000 }, token), clock, token).status).toBe(401);
    expect(clock.offsetMs()).toBe(0);
  });

  it('refuses other methods, paths and malformed or absurd offsets', () => {
    const clock = createTestClock(() => 0);
    expect(answerTestClock({ ...post({ advanceMs: 1 }), method: 'GET' }, clock, token).status).toBe(405);
    expect(answerTestClock({ ...post({ advanceMs: 1 }), path: '/__test/clockwork' }, clock, token).status).toBe(404);
    expect(answerTestClock({ ...post({}), body: 'nope' }, clock, token).status).toBe(400);
    expect(answerTestClock(post({ advanceMs: '1' }), clock, token).status).toBe(400);
    expect(answerTestClock(post({ offsetMs: 11 * 365 * 86_400_000 }), clock, token).status).toBe(400);
    expect(clock.offsetMs()).toBe(0);
  });

  it('sets or advances the offset', () => {
    const clock = createTestClock(() => Date.parse('2026-03-01T00:00:00Z'));
    expect(answerTestClock(post({ advanceMs: 86_400_000 }), clock, token)).toEqual({ status: 200, body: { offsetMs: 86_400_000, now: '2026-03-02T00:00:00.000Z' } });
    answerTestClock(post({ advanceMs: 86_400_000 }), clock, token);
    expect(clock.now().toISOString()).toBe('2026-03-03T00:00:00.000Z');
    answerTestClock(post({ offsetMs: 0 }), clock, token);
    expect(clock.now().toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});
