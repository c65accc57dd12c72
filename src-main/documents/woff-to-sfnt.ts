import { inflateSync } from 'node:zlib';

/**
 * A WOFF 1.0 font unpacked into the plain TrueType/OpenType file it wraps (W3C WOFF §4–5: the same
 * tables, zlib-inflated where they were compressed). fontkit reads WOFF too, but inflates a table
 * again on every read of it — for the glyph table that is once per glyph drawn, which made a
 * 200-line quotation spend most of its rendering time inflating the same bytes. Done once at start.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error(`WOFF table ${woff.toString('latin1', at, at + 4)} unpacks to ${data.length} bytes, not ${origLength}`);
    return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data };
  });
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  const header = Buffer.alloc(12 + numTables * 16);
  header.writeUInt32BE(flavor, 0);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(numTables * 16 - searchRange, 10);
  const padded: Buffer[] = [];
  let offset = header.length;
  for (const [i, table] of tables.entries()) {
    const record = 12 + i * 16;
    table.tag.copy(header, record);
    header.writeUInt32BE(table.checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(table.data.length, record + 12);
    const size = Math.ceil(table.data.length / 4) * 4;
    padded.push(Buffer.concat([table.data, Buffer.alloc(size - table.data.length)]));
    offset += size;
  }
  return Buffer.concat([header, ...padded]);
}
