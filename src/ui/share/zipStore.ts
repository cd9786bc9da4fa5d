/**
 * A minimal ZIP writer, "stored" entries only (no compression): local file headers, the central
 * directory and its end record, CRC-32 per entry, UTF-8 names (general-purpose flag bit 11).
 * Enough for a folder of small YAML files, without a dependency.
 */

export interface ZipEntry {
  /** Path inside the archive, with `/` separators. */
  name: string;
  data: Uint8Array | string;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const UTF8_FLAG = 0x0800;
// 1980-01-01 00:00: a fixed DOS timestamp keeps the archive byte-identical for identical input.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/** One entry as the archive holds it: `stored` is already compressed when `method` is not 0. */
export interface RawZipEntry {
  name: string;
  stored: Uint8Array;
  /** 0 stored, 8 deflate (APPNOTE 4.4.5). */
  method: number;
  crc: number;
  /** Uncompressed size. */
  size: number;
  /** General-purpose flags; UTF-8 names by default. */
  flags?: number;
  /** A Unix mode (the high half of the external attributes, "made by" Unix); none by default. */
  unixMode?: number;
}

/** A store-only archive of `entries`: what "Download as folders" writes. */
export function buildZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  return writeZipArchive(
    entries.map((entry) => {
      const data = typeof entry.data === "string" ? encoder.encode(entry.data) : entry.data;
      return { name: entry.name, stored: data, method: 0, crc: crc32(data), size: data.length };
    }),
  );
}

/**
 * Writes an archive header by header (APPNOTE 4.3.7 local headers, 4.3.12 central directory,
 * 4.3.16 end record). buildZip uses it for stored entries; tests use it for what our exports never
 * contain (deflated entries, other methods, encryption flags, damage) to exercise the reader.
 */
export function writeZipArchive(entries: readonly RawZipEntry[], comment = ""): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const flags = entry.flags ?? UTF8_FLAG;
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true); // version needed: 2.0
    lv.setUint16(6, flags, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, entry.crc, true);
    lv.setUint32(18, entry.stored.length, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 0, true);
    local.set(name, 30);
    parts.push(local, entry.stored);

    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, entry.unixMode === undefined ? 20 : (3 << 8) | 20, true); // version made by
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, entry.crc, true);
    cv.setUint32(20, entry.stored.length, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(28, name.length, true);
    // extra length, comment length, disk number, internal attributes: zero; external: the mode
    cv.setUint32(38, ((entry.unixMode ?? 0) << 16) >>> 0, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    centrals.push(central);
    offset += local.length + entry.stored.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const commentBytes = encoder.encode(comment);
  const end = new Uint8Array(22 + commentBytes.length);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  ev.setUint16(20, commentBytes.length, true);
  end.set(commentBytes, 22);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...parts, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
