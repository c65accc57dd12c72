import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from '../../../src-main/documents/woff-to-sfnt';

const require = createRequire(import.meta.url);
const woff = readFileSync(require.resolve('@fontsource/dejavu-sans/files/dejavu-sans-latin-400-normal.woff'));

/** The table directory of a plain TrueType file: tag → [offset, length]. */
function tablesOf(sfnt: Buffer): Map<string, [number, number]> {
  const count = sfnt.readUInt16BE(4);
  return new Map(Array.from({ length: count }, (_, i) => [sfnt.toString('latin1', 12 + i * 16, 16 + i * 16), [sfnt.readUInt32BE(20 + i * 16), sfnt.readUInt32BE(24 + i * 16)]]));
}

describe('a WOFF font unpacked to TrueType', () => {
  it('keeps every table at its original length, each 4-byte aligned, inside the file', () => {
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // the wrapped font's flavour
    const tables = tablesOf(sfnt);
    expect(tables.size).toBe(woff.readUInt16BE(12));
    for (let i = 0; i < tables.size; i++) {
      const tag = woff.toString('latin1', 44 + i * 20, 48 + i * 20);
      const [offset, length] = tables.get(tag) ?? [0, 0];
      expect(length).toBe(woff.readUInt32BE(44 + i * 20 + 12));
      expect(offset % 4).toBe(0);
      expect(offset + length).toBeLessThanOrEqual(sfnt.length);
    }
    // The head table unpacked: its magic number is where the format puts it.
    const [head] = tables.get('head') ?? [0];
    expect(sfnt.readUInt32BE(head + 12)).toBe(0x5f0f3cf5);
  });

  it('refuses what is not WOFF 1.0', () => {
    expect(() => woffToSfnt(Buffer.from('wOF2 not this one'))).toThrow('Not a WOFF 1.0 font');
  });
});
