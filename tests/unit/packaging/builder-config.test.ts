import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import config, { CALENDAR_FILE_ASSOCIATION } from '../../../electron-builder.config';

/**
 * electron-builder cannot run to completion here (no Electron binary to download), so this checks
 * the configuration the way electron-builder does before it packages anything: loaded from the
 * file `npm run package` names (through its own TypeScript loader) and validated against its JSON
 * schema, then the settings issue 17 asks for, exactly.
 */
const root = join(import.meta.dirname, '..', '..', '..');
const quietDebugLogger = { isEnabled: false, add: () => undefined } as unknown as Parameters<typeof validateConfiguration>[1]; // only read when enabled

const validate = (candidate: Configuration) => validateConfiguration(candidate, quietDebugLogger);

describe('electron-builder.config.ts', () => {
  it('is the file `npm run package` hands electron-builder, and package.json has no second "build" block', () => {
    const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; build?: unknown };
    expect(packageJson.scripts.package).toContain('electron-builder --config electron-builder.config.ts');
    expect(packageJson.build).toBeUndefined();
  });

  it('loads through electron-builder and passes its schema', async () => {
    const loaded = await getConfig(root, join(root, 'electron-builder.config.ts'), null);
    expect(loaded.appId).toBe('org.labflow.desktop');
    await expect(validate(loaded)).resolves.toBeUndefined();
  });

  it('is checked by a validator that refuses a misspelt fuse or an unknown NSIS option', async () => {
    await expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsNod: false } as Configuration['electronFuses'] })).rejects.toThrow(/configuration\.electronFuses/);
    await expect(validate({ ...config, nsis: { ...config.nsis, perUser: true } as Configuration['nsis'] })).rejects.toThrow(/configuration\.nsis/);
  });

  it('flips exactly the fuses of issue 17', () => {
    expect(config.electronFuses).toStrictEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('associates .ics files (text/calendar) and declares the MIME type in the deb desktop entry', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'ics', mimeType: 'text/calendar' })]);
    expect(config.linux.mimeTypes).toEqual(['text/calendar']);
    expect(config.linux.desktop.entry.MimeType).toBe('text/calendar;');
    expect(config.linux.target).toContain('deb');
    expect(CALENDAR_FILE_ASSOCIATION.ext).toBe('ics');
  });

  it('builds a per-user NSIS installer that lets the person choose (not one-click)', () => {
    expect(config.win.target).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });

  it('publishes the update feed for electron-updater’s generic provider', () => {
    expect(config.publish).toEqual([{ provider: 'generic', url: '${env.LABFLOW_UPDATE_URL}', channel: 'latest' }]);
  });
});
