import type { SessionTokens } from '../../src-shared/sync/protocol';
import { requestJson, serverApi, type Fetch } from './server-api';

/** Thrown when the server no longer accepts this PC's sign-in (revoked, reused, deactivated). */
export class SessionEndedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionEndedError';
  }
}

export interface ServerSessionOptions {
  serverUrl: string;
  tokens: SessionTokens;
  fetch?: Fetch;
  clock?: () => Date;
  /** Called with every new refresh token, so it can be stored before it is needed again. */
  onRotated(tokens: SessionTokens): Promise<void> | void;
  /** Called once when the server refuses this sign-in for good. */
  onEnded(message: string): void;
}

export type ServerSession = ReturnType<typeof createServerSession>;

/**
 * This PC's sign-in to the sync server: attaches the access token to requests, refreshes it shortly
 * before it expires or when the server says 401 (one refresh at a time, since each refresh token
 * works once), and reports when the server has ended the sign-in.
 */
export function createServerSession(options: ServerSessionOptions) {
  const { serverUrl, fetch: fetchFn = fetch, clock = () => new Date() } = options;
  let tokens = options.tokens;
  let refreshing: Promise<void> | null = null;
  let endedMessage: string | null = null;

  const end = (message: string) => {
    if (endedMessage) return;
    endedMessage = message;
    options.onEnded(message);
  };

  const refresh = (): Promise<void> =>
    (refreshing ??= (async () => {
      try {
        const result = await serverApi.refresh(fetchFn, serverUrl, tokens.refreshToken);
        if (!result.ok) {
          if (result.error.code === 'server_unreachable') throw new Error(result.error.message);
          end('The sync server ended this PC’s sign-in. Sign in again in Settings → Team sync.');
          throw new SessionEndedError(result.error.message);
        }
        tokens = result.value;
        await options.onRotated(tokens);
      } finally {
        refreshing = null;
      }
    })());

  const isExpiring = () => new Date(tokens.accessTokenExpiresAt).getTime() - clock().getTime() < 30_000;

  return {
    serverUrl,
    get person() {
      return tokens.person;
    },
    get isEnded() {
      return endedMessage !== null;
    },
    /** A request with the access token; refreshes and retries once on 401. */
    async fetch(path: string, init: RequestInit = {}): Promise<Response> {
      if (endedMessage) throw new SessionEndedError(endedMessage);
      if (isExpiring()) await refresh();
      const send = () => requestJson(fetchFn, serverUrl, path, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${tokens.accessToken}` } });
      const response = await send();
      if (response.status !== 401) return response;
      await refresh();
      return send();
    },
    /** The current access token (refreshed when about to expire), for the live streams. */
    async accessToken(): Promise<string> {
      if (endedMessage) throw new SessionEndedError(endedMessage);
      if (isExpiring()) await refresh();
      return tokens.accessToken;
    },
    refresh,
    async signOut(): Promise<void> {
      await serverApi.signOut(fetchFn, serverUrl, tokens.refreshToken);
      endedMessage ??= 'Signed out.';
    },
  };
}
