import { isBearerOf } from './access-token';

/**
 * The clock of a serve-mode host started for end-to-end tests (LABFLOW_TEST_MODE=1): real time plus
 * an offset the test sets through `POST /__test/clock`, so a test can let days pass in seconds.
 * Never created outside test mode, and the endpoint then answers 404 like any unknown path.
 */
export interface TestClock {
  now(): Date;
  offsetMs(): number;
  setOffsetMs(offsetMs: number): void;
}

export function createTestClock(realNow: () => number = Date.now): TestClock {
  let offset = 0;
  return {
    now: () => new Date(realNow() + offset),
    offsetMs: () => offset,
    setOffsetMs: (ms) => void (offset = ms),
  };
}

export const TEST_CLOCK_PATH = '/__test/clock';

export interface TestClockRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: string;
}

export interface TestClockAnswer {
  status: number;
  body: Record<string, unknown>;
}

const MAX_OFFSET_MS = 10 * 365 * 86_400_000;

/**
 * Decides a request to the test clock endpoint: 404 without a test clock (not test mode), 405 for
 * anything but POST, 401 without the run's access token as a bearer token, 400 for a body that is
 * not `{"offsetMs": n}` or `{"advanceMs": n}` (at most ten years either way), else sets the offset.
 */
export function answerTestClock(request: TestClockRequest, clock: TestClock | undefined, token: string): TestClockAnswer {
  if (!clock || request.path !== TEST_CLOCK_PATH) return { status: 404, body: { error: 'Not found.' } };
  if (request.method !== 'POST') return { status: 405, body: { error: 'Use POST.' } };
  if (!isBearerOf(request.authorization, token)) return { status: 401, body: { error: 'The access token is missing or wrong.' } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(request.body);
  } catch {
    return { status: 400, body: { error: 'Send JSON.' } };
  }
  const { offsetMs, advanceMs } = (parsed ?? {}) as { offsetMs?: unknown; advanceMs?: unknown };
  const next = typeof offsetMs === 'number' ? offsetMs : typeof advanceMs === 'number' ? clock.offsetMs() + advanceMs : NaN;
  if (!Number.isFinite(next) || Math.abs(next) > MAX_OFFSET_MS) return { status: 400, body: { error: 'Send {"offsetMs": n} or {"advanceMs": n} in milliseconds, at most ten years.' } };
  clock.setOffsetMs(next);
  return { status: 200, body: { offsetMs: next, now: clock.now().toISOString() } };
}
