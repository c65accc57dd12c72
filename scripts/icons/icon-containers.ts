/**
 * The two icon containers the desktop packages need, written from PNG images. Both formats are
 * small enough to write by hand, which saves a dependency per format:
 * - ICO (Windows): a 6-byte header, one 16-byte entry per image, then the images. PNG-compressed
 *   entries are read by every Windows since Vista; a width or height of 256 is written as 0.
 * - ICNS (macOS): 'icns' + total length, then per image a 4-character type, its length including
 *   the 8-byte header, and the PNG. All integers big-endian.
 */

export interface SizedPng {
  /** Width and height in pixels (icons are square). */
  size: number;
  png: Buffer;
}

export function encodeIco(images: readonly SizedPng[]): Buffer {
  const headerBytes = 6;
  const entryBytes = 16;
  const header = Buffer.alloc(headerBytes + entryBytes * images.length);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    if (size < 1 || size > 256) throw new Error(`An ICO image is 1–256 pixels wide, not ${size}.`);
    const at = headerBytes + entryBytes * index;
    header.writeUInt8(size === 256 ? 0 : size, at);
    header.writeUInt8(size === 256 ? 0 : size, at + 1);
    header.writeUInt8(0, at + 2); // no palette
    header.writeUInt8(0, at + 3); // reserved
    header.writeUInt16LE(1, at + 4); // colour planes
    header.writeUInt16LE(32, at + 6); // bits per pixel (RGBA)
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

export function encodeIcns(images: readonly { type: string; png: Buffer }[]): Buffer {
  const chunks = images.map(({ type, png }) => {
    if (!/^[a-z0-9]{4}$/i.test(type)) throw new Error(`An ICNS type is four letters or digits, not "${type}".`);
    const chunkHeader = Buffer.alloc(8);
    chunkHeader.write(type, 0, 'latin1');
    chunkHeader.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([chunkHeader, png]);
  });
  const body = Buffer.concat(chunks);
  const fileHeader = Buffer.alloc(8);
  fileHeader.write('icns', 0, 'latin1');
  fileHeader.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([fileHeader, body]);
}
