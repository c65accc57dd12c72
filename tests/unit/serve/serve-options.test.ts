import { describe, expect, it } from 'vitest';
import { parseServeOptions } from '../../../src-main/serve/serve-options';
import { resolveStaticPath } from '../../../src-main/serve/static-files';
import { isBearerOf, isBridgeAllowed } from '../../../src-main/serve/access-token';

describe('serve options', () => {
  it('defaults to loopback with a fresh token', () => {
    expect(parseServeOptions([])).toMatchObject({ ok: true, value: { host: '127.0.0.1', port: 4780, token: undefined } });
  });
  it('reads flags in both spellings and the data folder from the environment', () => {
    expect(parseServeOptions(['--port=0', '--no-open'], { LABFLOW_DATA_DIR: '/d' })).toMatchObject({ ok: true, value: { port: 0, openBrowser: false, dataDir: '/d' } });
    expect(parseServeOptions(['--data-dir', '/x', '--port', '9000'])).toMatchObject({ ok: true, value: { dataDir: '/x', port: 9000 } });
  });
  it('refuses a network address without --allow-remote', () => {
    expect(parseServeOptions(['--host', '0.0.0.0'])).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(parseServeOptions(['--host', '0.0.0.0', '--allow-remote'])).toMatchObject({ ok: true });
  });
  it('refuses nonsense', () => {
    for (const args of [['--port', 'abc'], ['--port', '70000'], ['--data-dir'], ['--frobnicate'], ['--token', 'short']]) {
      expect(parseServeOptions(args).ok, args.join(' ')).toBe(false);
    }
  });
});

describe('static files', () => {
  const root = '/srv/app';
  it('serves files under the root and falls back to index.html for routes', () => {
    expect(resolveStaticPath(root, '/assets/app.js')).toBe('/srv/app/assets/app.js');
    expect(resolveStaticPath(root, '/projects')).toBe('/srv/app/index.html');
    expect(resolveStaticPath(root, '/?token=x')).toBe('/srv/app/index.html');
  });
  it.each(['/../etc/passwd.txt', '/%2e%2e/%2e%2e/etc/passwd.txt', '/assets/..%2f..%2fsecret.js', '/a%00.js', '/..\\..\\x.js', '/%E0%A4%A.js'])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });
});

describe('bridge upgrade', () => {
  const token = 'a'.repeat(32);
  const origins = ['http://127.0.0.1:4780'];
  it('accepts the token from the page origin', () => {
    expect(isBridgeAllowed({ url: `/bridge?token=${token}`, origin: origins[0] }, token, origins)).toBe(true);
  });
  it.each([
    ['no token', { url: '/bridge', origin: undefined }],
    ['wrong token', { url: `/bridge?token=${'b'.repeat(32)}`, origin: undefined }],
    ['shorter token', { url: `/bridge?token=aaa`, origin: undefined }],
    ['foreign origin', { url: `/bridge?token=${token}`, origin: 'http://evil.example' }],
    ['other path', { url: `/other?token=${token}`, origin: undefined }],
  ])('refuses %s', (_name, request) => {
    expect(isBridgeAllowed(request, token, origins)).toBe(false);
  });
});

describe('the access token as a bearer token', () => {
  const token = 'a'.repeat(32);
  it.each([
    [`Bearer ${token}`, true],
    [`Bearer ${'b'.repeat(32)}`, false],
    ['Bearer aaa', false],
    [token, false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(isBearerOf(header, token)).toBe(expected);
  });
});
