/**
 * Readers of the icon containers' headers, written from the formats' specifications apart from the
 * writer (scripts/icons/icon-containers.ts), so a test with both catches a writer that is wrong
 * rather than agreeing with itself.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngHeader {
  width: number;
  height: number;
  /** 6 = truecolour with alpha. */
  colourType: number;
}

/** The IHDR chunk, which the PNG specification puts first, right after the signature. */
export function readPngHeader(bytes: Buffer): PngHeader {
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG (bad signature)');
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG (IHDR is not the first chunk)');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes.readUInt8(25) };
}

export interface IcoEntry {
  /** From the directory entry (0 there means 256). */
  declaredSize: number;
  image: Buffer;
}

export function readIcoEntries(bytes: Buffer): IcoEntry[] {
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('not an ICO (reserved/type)');
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, index) => {
    const at = 6 + 16 * index;
    const width = bytes.readUInt8(at) || 256;
    const height = bytes.readUInt8(at + 1) || 256;
    if (width !== height) throw new Error(`ICO entry ${index} is not square`);
    const length = bytes.readUInt32LE(at + 8);
    const offset = bytes.readUInt32LE(at + 12);
    if (offset + length > bytes.length) throw new Error(`ICO entry ${index} points past the end of the file`);
    return { declaredSize: width, image: bytes.subarray(offset, offset + length) };
  });
}

export interface IcnsEntry {
  type: string;
  image: Buffer;
}

export function readIcnsEntries(bytes: Buffer): IcnsEntry[] {
  if (bytes.toString('latin1', 0, 4) !== 'icns') throw new Error('not an ICNS (magic)');
  if (bytes.readUInt32BE(4) !== bytes.length) throw new Error('ICNS length field does not match the file');
  const entries: IcnsEntry[] = [];
  for (let at = 8; at < bytes.length; ) {
    const type = bytes.toString('latin1', at, at + 4);
    const length = bytes.readUInt32BE(at + 4);
    if (length < 8 || at + length > bytes.length) throw new Error(`ICNS entry ${type} has a bad length`);
    entries.push({ type, image: bytes.subarray(at + 8, at + length) });
    at += length;
  }
  return entries;
}
