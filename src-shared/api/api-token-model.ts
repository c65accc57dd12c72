import { z } from 'zod';
import type { Access } from './http-route';

/**
 * API tokens: a person's named keys for scripts and integrations. A token acts as its person with
 * their roles and read scope as they are at each call, limited further by its scopes (read or write
 * per module; write includes read; `*` is every module). It expires, can be revoked, and is shown
 * once: only a hash of its secret is kept. Pure rules here; storage and checks in src-main/api.
 */

/** `module:read`, `module:write`, or `*:read` / `*:write` for every module. */
export const tokenScopeSchema = z.string().regex(/^(\*|[a-z][a-z0-9_-]{0,39}):(read|write)$/, 'A scope is a module and read or write, like projects:read.');
export type TokenScope = z.infer<typeof tokenScopeSchema>;

export const tokenNameSchema = z.string().trim().min(1, 'Name the token after what uses it, e.g. "ERP export".').max(100, 'A token name has at most 100 characters.');

/** A token's lifetime: 1 to 366 days. Tokens never live forever, so a forgotten one stops working. */
export const tokenLifetimeDaysSchema = z.number().int().min(1, 'A token lives at least one day.').max(366, 'A token lives at most 366 days; make a new one then.');

export interface ApiTokenView {
  id: string;
  name: string;
  personId: string;
  personName: string;
  scopes: TokenScope[];
  /** The start of the token (`lf_<id>_`), to recognise it without its secret. */
  prefix: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  /** Updated at most once a minute. */
  lastUsedAt: string | null;
  state: TokenState;
}

export type TokenState = 'active' | 'expired' | 'revoked';

export const tokenStateOf = (token: { expiresAt: string; revokedAt: string | null }, nowIso: string): TokenState =>
  token.revokedAt ? 'revoked' : token.expiresAt <= nowIso ? 'expired' : 'active';

/** Whether the scopes let a call of `access` into `module` through. */
export function scopesAllow(scopes: readonly string[], module: string, access: Access): boolean {
  return scopes.some((scope) => {
    const [scopeModule, scopeAccess] = scope.split(':');
    return (scopeModule === '*' || scopeModule === module) && (scopeAccess === 'write' || scopeAccess === access);
  });
}

const TOKEN_PATTERN = /^lf_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** The token's id and secret, or null when the text is not a LabFlow API token. */
export function parseApiToken(text: string): { id: string; secret: string } | null {
  const match = TOKEN_PATTERN.exec(text);
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null;
}

export const formatApiToken = (id: string, secret: string): string => `lf_${id}_${secret}`;
export const tokenPrefixOf = (id: string): string => `lf_${id}_`;

/** Whether the public API runs in the desktop app, and where. Serve mode starts it with `--api` instead. */
export interface ApiSettingsView {
  isEnabled: boolean;
  port: number;
  /** Listen on every address, not only this PC (loopback); a person has to allow it. */
  allowRemote: boolean;
  /** Where the API answers now, or null when it is off. */
  address: string | null;
  /** Why it does not answer although it is on (the port is taken …), or null. */
  problem: string | null;
  /** Who decides: the desktop's Settings, or serve mode's `--api` flag (shown, not changed here). */
  controlledBy: 'settings' | 'serve-flag';
  /** Modules a token's scopes can name, with the words for them. */
  modules: { module: string; label: string }[];
}
