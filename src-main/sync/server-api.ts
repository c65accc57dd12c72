import { fail, ok, type AppError, type Result } from '../../src-shared/core/result';
import { checkpointToQuery, SYNC_API_PREFIX, SYNC_PROTOCOL_VERSION, SYNC_VERSION_HEADER, type PullResponse, type ServerStatus, type SessionTokens, type WireDocument } from '../../src-shared/sync/protocol';

export type Fetch = typeof fetch;

/** Thrown (not returned) when the server cannot be reached, so RxDB's retry loop takes over. */
export class ServerUnreachableError extends Error {
  constructor(serverUrl: string, cause: unknown) {
    super(`The sync server ${serverUrl} cannot be reached: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ServerUnreachableError';
  }
}

const REQUEST_TIMEOUT_MS = 15_000;

/** A JSON request to the sync server; network failures become ServerUnreachableError. */
export async function requestJson(fetchFn: Fetch, serverUrl: string, path: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetchFn(serverUrl + path, {
      ...init,
      headers: { [SYNC_VERSION_HEADER]: String(SYNC_PROTOCOL_VERSION), ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string> | undefined) },
      signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new ServerUnreachableError(serverUrl, error);
  }
}

/** The server's `{error}` body as an AppError, with a fallback that names the status. */
export async function errorOf(response: Response): Promise<AppError> {
  try {
    const body = (await response.json()) as { error?: AppError };
    if (body.error?.code) return body.error;
  } catch {
    // not JSON: fall through
  }
  return { code: response.status === 401 ? 'unauthenticated' : response.status === 403 ? 'forbidden' : 'internal', message: `The sync server answered ${response.status}.` };
}

async function call<T>(fetchFn: Fetch, serverUrl: string, path: string, init: RequestInit): Promise<Result<T>> {
  let response: Response;
  try {
    response = await requestJson(fetchFn, serverUrl, path, init);
  } catch (error) {
    return fail('server_unreachable', `LabFlow cannot reach ${serverUrl}. Check the address and the network, then try again.`, { details: { reason: (error as Error).message } });
  }
  if (!response.ok) return { ok: false, error: { ...(await errorOf(response)), field: response.status === 401 ? 'password' : undefined } as AppError };
  return ok(response.status === 204 ? (null as T) : ((await response.json()) as T));
}

/** The unauthenticated calls: server status, sign-in, first-run set-up, sign-out. */
export const serverApi = {
  status: (fetchFn: Fetch, serverUrl: string) => call<ServerStatus>(fetchFn, serverUrl, '/auth/status', { method: 'GET' }),
  signIn: (fetchFn: Fetch, serverUrl: string, email: string, password: string) =>
    call<SessionTokens>(fetchFn, serverUrl, '/auth/sign-in', { method: 'POST', body: JSON.stringify({ email, password }) }),
  setup: (fetchFn: Fetch, serverUrl: string, input: { setupToken: string; id: string; name: string; email: string; password: string }) =>
    call<SessionTokens>(fetchFn, serverUrl, '/auth/setup', { method: 'POST', body: JSON.stringify(input) }),
  refresh: (fetchFn: Fetch, serverUrl: string, refreshToken: string) =>
    call<SessionTokens>(fetchFn, serverUrl, '/auth/refresh', { method: 'POST', body: JSON.stringify({ refreshToken }) }),
  signOut: (fetchFn: Fetch, serverUrl: string, refreshToken: string) =>
    call<null>(fetchFn, serverUrl, '/auth/sign-out', { method: 'POST', body: JSON.stringify({ refreshToken }) }),
};

/** Every person on the server (before replication starts, to match this PC's people by email). */
export async function fetchAllPeople(fetchFn: Fetch, serverUrl: string, accessToken: string): Promise<Result<WireDocument[]>> {
  const people: WireDocument[] = [];
  let page: PullResponse = { documents: [], checkpoint: null };
  do {
    const query = new URLSearchParams({ limit: '1000', ...checkpointToQuery(page.checkpoint) });
    const result = await call<PullResponse>(fetchFn, serverUrl, `${SYNC_API_PREFIX}/people/pull?${query}`, { method: 'GET', headers: { authorization: `Bearer ${accessToken}` } });
    if (!result.ok) return result;
    page = result.value;
    people.push(...page.documents);
  } while (page.documents.length === 1000);
  return ok(people);
}

/** Settings → People & roles → Unlock sign-in: an administrator's request to end a person's sign-in locks. How many addresses were locked. */
export async function unlockOnServer(session: { fetch(path: string, init?: RequestInit): Promise<Response> }, personId: string): Promise<Result<number>> {
  let response: Response;
  try {
    response = await session.fetch('/auth/unlock', { method: 'POST', body: JSON.stringify({ personId }) });
  } catch (error) {
    return fail('server_unreachable', `The sync server cannot be reached to unlock the sign-in there: ${(error as Error).message}`);
  }
  if (!response.ok) return { ok: false, error: await errorOf(response) };
  return ok(((await response.json()) as { unlocked: number }).unlocked);
}
