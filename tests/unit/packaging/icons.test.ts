import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, ICON_FILES, LINUX_PNG_SIZES, linuxPngName } from '../../../scripts/icons/icon-sizes';
import { encodeIcns, encodeIco } from '../../../scripts/icons/icon-containers';
import config from '../../../electron-builder.config';
import { readIcnsEntries, readIcoEntries, readPngHeader } from './icon-headers';

const root = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path));
const buildResource = (path: string) => join(config.directories.buildResources, path);

describe('the committed desktop icons (made by scripts/make-icons.ts from icon.svg)', () => {
  it('has the source SVG they are made from', () => {
    expect(read(ICON_FILES.source).toString('utf8')).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
  });

  it.each(LINUX_PNG_SIZES)('has the Linux %i×%i PNG, with alpha', (size) => {
    const header = readPngHeader(read(join(ICON_FILES.linuxFolder, linuxPngName(size))));
    expect(header).toEqual({ width: size, height: size, colourType: 6 });
  });

  it('has a Windows .ico whose every entry is a PNG of the size its directory entry declares', () => {
    const entries = readIcoEntries(read(ICON_FILES.ico));
    expect(entries.map((entry) => entry.declaredSize)).toEqual([...ICO_SIZES]);
    for (const entry of entries) expect(readPngHeader(entry.image)).toMatchObject({ width: entry.declaredSize, height: entry.declaredSize });
  });

  it('has a macOS .icns with each icon type holding a PNG of its pixel size, up to 1024', () => {
    const entries = readIcnsEntries(read(ICON_FILES.icns));
    expect(entries.map((entry) => entry.type)).toEqual(ICNS_TYPES.map((t) => t.type));
    entries.forEach((entry, index) => {
      const size = ICNS_TYPES[index]?.size;
      expect(readPngHeader(entry.image)).toMatchObject({ width: size, height: size });
    });
  });

  it('are the files the builder configuration names', () => {
    expect(existsSync(join(root, buildResource(config.linux.icon)))).toBe(true);
    expect(join(config.directories.buildResources, config.linux.icon)).toBe(ICON_FILES.linuxFolder);
    expect(buildResource(config.win.icon)).toBe(ICON_FILES.ico);
    expect(buildResource(config.mac.icon)).toBe(ICON_FILES.icns);
  });
});

describe('the icon container writers', () => {
  const png = (size: number) => {
    // The smallest thing the header readers accept: signature + IHDR of the given size.
    const bytes = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
    bytes.writeUInt32BE(13, 8);
    bytes.write('IHDR', 12, 'latin1');
    bytes.writeUInt32BE(size, 16);
    bytes.writeUInt32BE(size, 20);
    bytes.writeUInt8(6, 25);
    return bytes;
  };

  it('writes 256 as 0 in an ICO entry and points each entry at its own image', () => {
    const entries = readIcoEntries(encodeIco([{ size: 16, png: png(16) }, { size: 256, png: png(256) }]));
    expect(entries.map((e) => [e.declaredSize, readPngHeader(e.image).width])).toEqual([[16, 16], [256, 256]]);
  });

  it('refuses an ICO image larger than 256 and an ICNS type that is not four characters', () => {
    expect(() => encodeIco([{ size: 512, png: png(512) }])).toThrow(/1–256 pixels/);
    expect(() => encodeIcns([{ type: 'ic7', png: png(128) }])).toThrow(/four letters/);
  });
});
