import { performance } from 'node:perf_hooks';
import type { Host } from '../../../src-main/host/create-host';
import type { HostFeature } from '../../../src-main/host/feature';
import { features } from '../../../src-main/host/features';
import type { HostServices } from '../../../src-main/host/handler-types';
import type { HostPlatform } from '../../../src-main/host/host-platform';
import type { NotificationsTuning } from '../../../src-main/notifications/notifications-tuning';
import { createKeyFileSecretStore } from '../../../src-main/security/secret-store';
import { adminInput, openSqliteHost } from '../support/sqlite-host';
import { connectTestClient } from '../support/test-client';

/** Timings short enough for tests: clock jumps noticed within 50 ms, retries after tens of ms. */
export const fastTuning: Partial<NotificationsTuning> = {
  clockCheckMs: 50,
  clockJumpToleranceMs: 1_000,
  rederiveDebounceMs: 20,
  backoff: { baseMs: 40, maxMs: 200 },
  maxAttempts: { email: 3, webhook: 3 },
  deliveryTimeoutMs: 3_000,
};

/**
 * A clock tests move by hand; with the real monotonic clock beside it (openNotificationHost's
 * default) the scheduler sees each move as a jump of the wall clock (sleep, a time change).
 */
export function manualClock(startIso = '2026-03-02T08:00:00.000Z') {
  let nowMs = Date.parse(startIso);
  return {
    clock: () => new Date(nowMs),
    set: (iso: string) => void (nowMs = Date.parse(iso)),
    advance: (ms: number) => void (nowMs += ms),
    now: () => new Date(nowMs),
  };
}

/**
 * A wall clock and the monotonic clock the scheduler compares it against, both moved by hand:
 * `advance` is time passing (no jump, so the scheduler derives only what was written), `jump` moves
 * the wall clock alone (the PC slept). Time stands still between moves, so what is due is decided
 * by the test, and `host.whenIdle()` then does it.
 */
export function steppedClock(startIso = '2026-03-02T08:00:00.000Z') {
  let wallMs = Date.parse(startIso);
  let monotonicMs = 0;
  return {
    clock: () => new Date(wallMs),
    monotonic: () => monotonicMs,
    advance: (ms: number) => void ((wallMs += ms), (monotonicMs += ms)),
    jump: (ms: number) => void (wallMs += ms),
  };
}

/**
 * A clock that stands still at `startIso` until `run()`, then runs on with real time (no jump):
 * for checking that a timer fires when its time comes, and that nothing fires before.
 */
export function pausedClock(startIso: string) {
  const startMs = Date.parse(startIso);
  let runningSince: number | undefined;
  const nowMs = () => startMs + (runningSince === undefined ? 0 : performance.now() - runningSince);
  // While paused the monotonic clock stands still too, so the pause is not a jump either.
  return {
    clock: () => new Date(nowMs()),
    monotonic: () => nowMs() - startMs,
    run: () => void (runningSince = performance.now()),
  };
}

/** The host's services, as a feature sees them, for calling notify() the way other features will. */
export function servicesProbe() {
  const probe: { services?: HostServices } = {};
  const feature: HostFeature = { name: 'test-probe', start: (services) => ((probe.services = services), { dispose: () => undefined }) };
  return { feature, get: () => probe.services! };
}

export async function openNotificationHost(
  dataDir: string,
  options: { clock?: () => Date; platform?: Partial<HostPlatform>; extraFeatures?: HostFeature[]; sessionTimeoutMs?: number } = {},
): Promise<Host> {
  return openSqliteHost(dataDir, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.sessionTimeoutMs ? { sessionTimeoutMs: options.sessionTimeoutMs } : {}),
    ...(options.extraFeatures ? { features: [...features, ...options.extraFeatures] } : {}),
    platform: { secretStore: createKeyFileSecretStore(dataDir), monotonic: () => performance.now(), notifications: fastTuning, ...options.platform },
  });
}

/** An administrator signed in on one connection, and a helper to add people. */
export async function signInAdmin(host: Host, firstRun = true) {
  const admin = connectTestClient(host);
  const result = firstRun ? await admin.call<{ person: { id: string } }>('auth/create-administrator', adminInput) : await admin.call<{ person: { id: string } }>('auth/sign-in', { email: adminInput.email, password: adminInput.password });
  if (!result.ok) throw new Error(result.error.message);
  return { client: admin, id: result.value.person.id };
}

export async function addPerson(admin: ReturnType<typeof connectTestClient>, name: string, email: string): Promise<string> {
  const created = await admin.call<{ id: string }>('people/create', { name, email, password: 'long enough password', roles: ['member'] });
  if (!created.ok) throw new Error(created.error.message);
  return created.value.id;
}

export async function signIn(host: Host, email: string) {
  const client = connectTestClient(host);
  const result = await client.call('auth/sign-in', { email, password: 'long enough password' });
  if (!result.ok) throw new Error(result.error.message);
  return client;
}

/** Polls until `check` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Creates tasks the way the UI does — a project (projects/create), then tasks/create — as the
 * signed-in `client`. Returns a function that creates one task and gives its id.
 */
export async function taskCreator(client: ReturnType<typeof connectTestClient>, code = 'REM-1') {
  const project = await client.call<{ id: string }>('projects/create', { code, name: 'Reminders' });
  if (!project.ok) throw new Error(project.error.message);
  return async (fields: { title: string; assigneeId: string; dueDate: string }): Promise<string> => {
    const created = await client.call<{ id: string }>('tasks/create', { projectId: project.value.id, ...fields });
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  };
}

const base = (id: string, at: string) => ({ id, createdAt: at, updatedAt: at, createdBy: 'test', updatedBy: 'test', auditId: 'test' });

/**
 * A task document as the tasks feature stores it, for the tests of single reminder rules against a
 * database (scheduler/rules); tests of the scheduler as a whole create tasks through `taskCreator`.
 */
export const taskDocument = (id: string, fields: { title: string; assigneeId: string; dueDate: string; status?: string }, at = '2026-03-01T08:00:00.000Z') => ({
  ...base(id, at),
  projectId: 'P1',
  kanbanRank: 'm',
  status: fields.status ?? 'todo',
  title: fields.title,
  assigneeId: fields.assigneeId,
  dueDate: fields.dueDate,
});

/** A meeting document, written directly: there is no meetings feature (and no command) yet. */
export const meetingDocument = (id: string, fields: { title: string; startsAt: string; attendeeIds: string[] }, at = '2026-03-01T08:00:00.000Z') => ({
  ...base(id, at),
  title: fields.title,
  startsAt: fields.startsAt,
  endsAt: fields.startsAt,
  data: { attendeeIds: fields.attendeeIds },
});

export async function entriesOf(host: Host, recipientId: string) {
  const docs = await host.db.notifications.find({ selector: { kind: 'notification', recipientId }, sort: [{ at: 'asc' }] }).exec();
  return docs.map((d) => ({ id: d.id, event: d.get('event') as string, subject: d.get('data.subject') as string, isRead: d.get('isRead') as boolean, data: d.get('data') as Record<string, unknown> }));
}
