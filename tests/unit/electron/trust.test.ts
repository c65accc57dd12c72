import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAllowedNavigation, isAppUrl, isSafeExternalUrl, isTrustedSender, type SenderFrame } from '../../../src-main/electron/trust';

const hostileValues: unknown[] = [undefined, null, 0, 42, true, {}, [], { toString: () => APP_ENTRY_URL }, '', ' ', 'x'.repeat(5000)];

describe('isAppUrl', () => {
  it.each([
    APP_ENTRY_URL,
    'app://labflow/',
    'app://labflow/assets/index-abc.js',
    'app://labflow/projects/42?tab=tasks#top',
    'APP://labflow/index.html',
    'app://LABFLOW/index.html',
    // The parser removes dot segments, so this stays inside the origin; the file guard does the rest.
    'app://labflow/../../etc/passwd',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://../',
    'app://..%2F..%2Fetc/passwd',
    'app://labflow.evil.example/',
    'app://evil.example/labflow',
    'app://labflow:8080/index.html',
    'app://user:secret@labflow/index.html',
    'app://user@labflow/index.html',
    'app:labflow/index.html',
    'app:///index.html',
    'app://labflow\\..\\secret',
    'file:///etc/passwd',
    'file://labflow/index.html',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://labflow/1234',
    'http://labflow/',
    'https://labflow/index.html',
    'http://evil.example/',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'labflow',
    '/index.html',
    'x'.repeat(3000),
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
    expect(isAllowedNavigation(url)).toBe(false);
  });

  it.each(hostileValues)('refuses the non-URL value %#', (value) => {
    expect(isAppUrl(value)).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it.each(['https://example.org/', 'http://example.org/page?q=1#x', 'HTTPS://Example.ORG/Docs', 'https://例え.jp/', 'https://203.0.113.7:8443/a'])('allows %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'file:///C:/Windows/System32/calc.exe',
    'FILE:///etc/passwd',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'blob:https://example.org/uuid',
    'app://labflow/index.html',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'search-ms:query=calc',
    'mailto:someone@example.org',
    'ftp://example.org/file',
    'https://user:password@example.org/',
    'https://bank.example@evil.example/',
    'https://bank.example%40evil.example/',
    'https://example.org\\@evil.example/',
    'https://example.org /x',
    'https://exa\tmple.org/',
    'https://example.org\u0000.evil.example/',
    'https://example.org/\u202Etxt.exe',
    '\u0000https://example.org/',
    'http://:@example.org/',
    'https://',
    'http:///path-only',
    'https:example.org',
    '//example.org/protocol-relative',
    'example.org',
    `https://example.org/${'a'.repeat(3000)}`,
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it.each(hostileValues)('refuses the non-URL value %#', (value) => {
    expect(isSafeExternalUrl(value)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const mainFrame = (url: string, origin = APP_ORIGIN): SenderFrame => ({ url, origin, parent: null });

  it('trusts the main frame of the app origin', () => {
    expect(isTrustedSender(mainFrame(APP_ENTRY_URL))).toBe(true);
    expect(isTrustedSender(mainFrame('app://labflow/projects/7'))).toBe(true);
  });

  it.each<[string, SenderFrame | null | undefined]>([
    ['a frame that is gone (null)', null],
    ['no frame at all', undefined],
    ['a subframe of the app', { url: APP_ENTRY_URL, origin: APP_ORIGIN, parent: mainFrame(APP_ENTRY_URL) }],
    ['a remote page', mainFrame('http://evil.example/', 'http://evil.example')],
    ['a remote page claiming the app origin', mainFrame('https://evil.example/', APP_ORIGIN)],
    ['an app URL with an opaque origin', mainFrame(APP_ENTRY_URL, 'null')],
    ['an app URL with another origin', mainFrame(APP_ENTRY_URL, 'app://evil')],
    ['another app host', mainFrame('app://evil/index.html', 'app://evil')],
    ['a file page', mainFrame('file:///tmp/evil.html', 'file://')],
    ['a data page', mainFrame('data:text/html,hi', 'null')],
    ['about:blank', mainFrame('about:blank', 'null')],
    ['credentials in the URL', mainFrame('app://me:pw@labflow/index.html')],
    ['an app URL with a port', mainFrame('app://labflow:99/index.html', 'app://labflow:99')],
    ['an uppercase origin string', mainFrame(APP_ENTRY_URL, 'APP://LABFLOW')],
  ])('refuses %s', (_name, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });

  it('refuses values that are not frames', () => {
    for (const value of hostileValues) expect(isTrustedSender(value as SenderFrame)).toBe(false);
  });
});
