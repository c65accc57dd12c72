import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_SCHEME_PRIVILEGES, appRequestPath, respondToAppRequest } from '../../../src-main/electron/app-protocol';

// Real files in a temp folder; only the Electron `protocol` object is absent, and the handler is
// exercised with the same Request/Response types Electron's protocol.handle uses.
let root: string;
let outside: string;
beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'labflow-app-protocol-'));
  root = join(base, 'renderer');
  outside = base;
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>LabFlow</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(outside, 'secret.txt'), 'do not serve');
});
afterAll(() => rmSync(outside, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => respondToAppRequest({ url, method }, root);

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });

  it('serves the renderer with the CSP and a content type', async () => {
    const response = await get('app://labflow/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>LabFlow</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await get('app://labflow/assets/app.js?v=1');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('lets the single-page app own its routes', async () => {
    const response = await get('app://labflow/projects/42');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('LabFlow');
  });

  it.each([
    'app://labflow/..%2fsecret.txt',
    'app://labflow/%2e%2e%2fsecret.txt',
    'app://labflow/..%5csecret.txt',
    'app://labflow/assets/..%2f..%2fsecret.txt',
    'app://labflow/%00.js',
    'app://labflow/%E0%A4%A.js',
    'app://evil/index.html',
    'app://labflow.evil/index.html',
    'app://labflow:1234/index.html',
    'app://user:pw@labflow/index.html',
    'app://../secret.txt',
    'file:///etc/passwd',
    'http://labflow/index.html',
  ])('refuses %s with 400', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toBeTruthy();
  });

  it('keeps dot segments inside the root (the URL parser removes them)', async () => {
    expect(appRequestPath(root, 'app://labflow/../secret.txt')).toBe(join(root, 'secret.txt'));
    expect((await get('app://labflow/../secret.txt')).status).toBe(404);
    expect((await get('app://labflow/%2e%2e/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('answers a missing file or a folder with 404', async () => {
    mkdirSync(join(root, 'folder.d'), { recursive: true });
    expect((await get('app://labflow/missing.js')).status).toBe(404);
    expect((await get('app://labflow/folder.d')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://labflow/index.html', 'POST')).status).toBe(405);
    expect((await get('app://labflow/index.html', 'PUT')).status).toBe(405);
    const head = await get('app://labflow/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
