import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HostOptions } from '../../../../src-main/host/create-host';
import { createLogger } from '../../../../src-main/logging/logger';
import { startServeServer, type ServeServer } from '../../../../src-main/serve/serve-app';
import type { ApiTokenView } from '../../../../src-shared/api/api-token-model';
import { expectOk, openLab, type Client, type people } from '../../workflows/workflow-fixtures';
import { createResponseChecker } from './response-check';

/**
 * A lab (administrator and colleagues, workflow-fixtures) served with the public API on, as
 * `npm run serve -- --api` serves it, on a real socket. `tokenFor` makes an API token the way a
 * person does in Settings → API tokens (the `api-tokens/create` command); `call` calls with plain
 * fetch and checks every answer against the OpenAPI document the host serves (response-check.ts).
 */
export type Person = 'admin' | keyof typeof people;

export type Answer = Awaited<ReturnType<typeof api>>;
export interface ByteAnswer {
  status: number;
  headers: Headers;
  bytes: Buffer;
  /** The JSON answer (an upload's receipt, a problem), when the answer is JSON. */
  body: Record<string, any> | undefined; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read answers field by field
}

export interface ApiLab extends Awaited<ReturnType<typeof openLab>> {
  server: ServeServer;
  base: string;
  clientOf(person: Person): Promise<Client>;
  tokenFor(person: Person, scopes?: string[], name?: string): Promise<string>;
  call(token: string | undefined, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** A call whose body or answer is a file (file-byte-routes.ts): the answer's bytes, and its problem when refused; checked against the document too. */
  callBytes(token: string | undefined, method: string, path: string, body?: Uint8Array, headers?: Record<string, string>): Promise<ByteAnswer>;
  /** The audit entries written so far (a check that a refused call wrote nothing). */
  auditCount(): Promise<number>;
}

export async function openApiLab(options: { rateLimit?: { perToken: number; perAddressUnauthenticated: number }; extra?: Partial<HostOptions> } = {}): Promise<ApiLab> {
  const lab = await openLab({ extra: options.extra ?? {} });
  const clock = options.extra?.clock ?? (() => new Date());
  const rendererRoot = join(lab.dataDir, 'renderer');
  mkdirSync(rendererRoot, { recursive: true });
  const server = await startServeServer({
    host: lab.host,
    rendererRoot,
    listenHost: '127.0.0.1',
    port: 0,
    token: 't'.repeat(32),
    log: createLogger({ directory: join(lab.dataDir, 'logs') }),
    api: { clock, ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}) },
  });
  const base = `${server.origin}/api/v1`;
  const check = createResponseChecker((await api(base, undefined, 'GET', '/openapi.json')).body as Parameters<typeof createResponseChecker>[0]);
  const clients = new Map<Person, Client>([['admin', lab.admin]]);
  let made = 0;
  const clientOf = async (person: Person): Promise<Client> => clients.get(person) ?? clients.set(person, await lab.as(person as keyof typeof people)).get(person)!;
  return {
    ...lab,
    server,
    base,
    clientOf,
    async callBytes(token, method, path, body, headers = {}) {
      const response = await fetch(`${base}${path}`, { method, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, ...(body ? { body: new Blob([new Uint8Array(body)]) } : {}) });
      const bytes = Buffer.from(await response.arrayBuffer());
      const type = response.headers.get('content-type');
      const json = type?.includes('json') ? (JSON.parse(bytes.toString('utf8')) as Record<string, unknown>) : undefined;
      check(method, `${base}${path}`, response.status, type, json);
      return { status: response.status, headers: response.headers, bytes, body: json };
    },
    async call(token, method, path, body, headers) {
      const answer = await api(base, token, method, path, body, headers);
      check(method, `${base}${path}`, answer.status, answer.headers.get('content-type'), answer.body);
      return answer;
    },
    auditCount: () => lab.host.db.audit.count().exec(),
    async tokenFor(person, scopes = ['*:write'], name = `token ${++made}`) {
      const client = await clientOf(person);
      return expectOk(await client.call<{ token: ApiTokenView; secret: string }>('api-tokens/create', { name, scopes })).secret;
    },
    async close() {
      await server.close();
      await lab.close();
    },
  };
}

/** A call with plain fetch, as a script would make it. */
export async function api(base: string, token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, body: json as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read answers field by field
}
