import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumProfileDir, describeNativeModuleMismatch, resolveDataDir } from '../../../src-main/electron/startup-options';

const userData = '/home/ada/.config/LabFlow';
const cwd = '/work/lab';

describe('resolveDataDir', () => {
  it.each<[string, string[], Record<string, string>, string]>([
    ['the per-user folder by default', ['.'], {}, userData],
    ['LABFLOW_DATA_DIR', ['.'], { LABFLOW_DATA_DIR: '/srv/labflow' }, '/srv/labflow'],
    ['--data-dir over the environment', ['.', '--data-dir', '/data/a'], { LABFLOW_DATA_DIR: '/srv/labflow' }, '/data/a'],
    ['--data-dir=', ['--data-dir=/data/b'], {}, '/data/b'],
    ['a relative folder against the working folder', ['--data-dir', 'lab-data'], {}, resolve(cwd, 'lab-data')],
    ['serve-mode and Chromium flags ignored', ['.', '--no-open', '--port', '0', '--enable-logging', '--data-dir', '/d'], {}, '/d'],
  ])('uses %s', (_name, argv, env, expected) => {
    expect(resolveDataDir(argv, env, userData, cwd)).toEqual({ ok: true, value: expected });
  });

  it.each([[['--data-dir']], [['--data-dir', '--no-open']], [['--data-dir=']]])('refuses %j without a folder', (argv) => {
    const result = resolveDataDir(argv, {}, userData, cwd);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid_input');
  });
});

describe('chromiumProfileDir', () => {
  it('keeps the default profile for the default data folder', () => {
    expect(chromiumProfileDir(userData, userData)).toBe(userData);
  });

  it('gives another data folder its own profile (and single-instance lock)', () => {
    expect(chromiumProfileDir('/data/a', userData)).toBe(join('/data/a', 'electron-profile'));
  });
});

describe('describeNativeModuleMismatch', () => {
  it('explains a module built for another Node ABI', () => {
    const error = new Error(
      "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 140.",
    );
    expect(describeNativeModuleMismatch(error)).toMatch(/built for Node\.js, not for this Electron.*electron-builder install-app-deps/);
  });

  it.each([new Error('SQLITE_CORRUPT: database disk image is malformed'), 'EACCES: permission denied', undefined, null])('leaves other errors alone (%#)', (error) => {
    expect(describeNativeModuleMismatch(error)).toBeNull();
  });
});
