import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumProfileDir, resolveDataDir } from '../../../src-main/electron/startup-options';

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
