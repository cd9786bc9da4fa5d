/**
 * A minimal ZIP reader for tests (unit and e2e): walks the central directory from the end record
 * and checks each local header against it, so a structural mistake in the writer fails loudly.
 */
export interface ReadEntry {
  name: string;
  text: string;
  crc: number;
  method: number;
  flags: number;
}

export function readZip(zip: Uint8Array): ReadEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const endAt = zip.length - 22;
  if (endAt < 0 || view.getUint32(endAt, true) !== 0x06054b50) throw new Error('no end of central directory record');
  const count = view.getUint16(endAt + 10, true);
  let at = view.getUint32(endAt + 16, true);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ReadEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error(`central header ${i} has a bad signature`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const name = decoder.decode(zip.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(localAt, true) !== 0x04034b50) throw new Error(`local header of ${name} has a bad signature`);
    if (view.getUint32(localAt + 14, true) !== crc) throw new Error(`local and central CRC of ${name} differ`);
    const localNameLength = view.getUint16(localAt + 26, true);
    const localExtra = view.getUint16(localAt + 28, true);
    if (decoder.decode(zip.subarray(localAt + 30, localAt + 30 + localNameLength)) !== name) throw new Error(`local name of ${name} differs`);
    const dataAt = localAt + 30 + localNameLength + localExtra;
    entries.push({ name, text: decoder.decode(zip.subarray(dataAt, dataAt + size)), crc, method, flags });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
