/**
 * A ZIP reader for opening archives in the browser (and for checking our own writer in tests):
 * finds the end record, walks the central directory, checks each local header against it, and
 * returns every file's bytes. Stored entries are read as-is; deflated ones are inflated with the
 * platform's DecompressionStream('deflate-raw'). Entries it cannot read (other methods, encryption,
 * damage) are listed with the reason instead of failing the whole archive; an archive whose
 * structure is broken throws ZipFormatError with a readable reason.
 */
import { crc32 } from "./zipStore";
import { InflateLimitError, inflateRawBounded } from "./inflateBounded";

export interface ZipFile {
  /** Path inside the archive, with `/` separators. */
  name: string;
  bytes: Uint8Array;
  method: number;
  flags: number;
  crc: number;
}

export interface ZipSkipped {
  name: string;
  reason: string;
}

export interface ZipContents {
  files: ZipFile[];
  skipped: ZipSkipped[];
}

export class ZipFormatError extends Error {
  override name = "ZipFormatError";
}

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const END_SIZE = 22;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 0x0001;
const UNIX_HOST = 3;
/**
 * What one archive may unpack to, all entries together: YAML workspaces are kilobytes, a bigger one
 * is a mistake or a zip bomb, and the text must fit the editor and the analysis. Entries past it
 * are skipped with the reason; nothing is inflated beyond what the directory declares.
 */
export const MAX_ZIP_TOTAL_BYTES = 16 * 1024 * 1024;
/**
 * Most files read from one archive. A zip of 65,535 empty entries (the most a non-ZIP64 directory
 * can list; ZIP64 is refused) passes the size cap and would become as many workspace files; real
 * per-object exports of a cluster are hundreds to a few thousand files.
 */
export const MAX_ZIP_FILES = 10_000;

export async function readZip(zip: Uint8Array): Promise<ZipContents> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const endAt = findEndRecord(zip, view);
  const disk = view.getUint16(endAt + 4, true);
  const centralDisk = view.getUint16(endAt + 6, true);
  const count = view.getUint16(endAt + 10, true);
  const centralSize = view.getUint32(endAt + 12, true);
  const centralAt = view.getUint32(endAt + 16, true);
  if (disk !== 0 || centralDisk !== 0)
    throw new ZipFormatError("it is one part of a split (multi-volume) archive");
  if (count === 0xffff || centralAt === 0xffffffff || centralSize === 0xffffffff) {
    throw new ZipFormatError(
      "it is a ZIP64 archive, which is not supported; re-create it with a standard zip tool",
    );
  }
  if (centralAt + centralSize > endAt)
    throw new ZipFormatError("its central directory points past the end of the file (truncated?)");

  const entries: CentralEntry[] = [];
  let at = centralAt;
  for (let i = 0; i < count; i++) {
    if (at + 46 > endAt || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ZipFormatError(`entry ${i + 1} of ${count} in the central directory is damaged`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const rawName = zip.subarray(at + 46, at + 46 + nameLength);
    entries.push({
      name: decodeName(rawName),
      rawName,
      madeBy: view.getUint16(at + 4, true),
      externalAttributes: view.getUint32(at + 38, true),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localAt: view.getUint32(at + 42, true),
      centralAt,
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  rejectOverlaps(zip, view, entries);

  const files: ZipFile[] = [];
  const skipped: ZipSkipped[] = [];
  let total = 0;
  let fileCount = 0;
  for (const [i, entry] of entries.entries()) {
    if (entry.name.endsWith("/")) continue; // a folder, not a file
    if (++fileCount > MAX_ZIP_FILES) {
      // One line for the rest, not one per entry: the notice lists what was left out.
      skipped.push({
        name: `${entry.name} and the ${entries.length - i - 1} entries after it`,
        reason: `the archive holds more than ${MAX_ZIP_FILES.toLocaleString("en-US")} files; open it in parts`,
      });
      break;
    }
    const unsafe = unsafeEntry(entry);
    if (unsafe !== undefined) {
      skipped.push({ name: entry.name, reason: unsafe });
      continue;
    }
    if (total + entry.size > MAX_ZIP_TOTAL_BYTES) {
      skipped.push({
        name: entry.name,
        reason: `the archive's files together unpack to more than ${MAX_ZIP_TOTAL_BYTES / (1024 * 1024)} MB`,
      });
      continue;
    }
    const problem = await readEntry(zip, view, entry);
    if (typeof problem === "string") skipped.push({ name: entry.name, reason: problem });
    else {
      total += problem.length;
      files.push({
        name: entry.name,
        bytes: problem,
        method: entry.method,
        flags: entry.flags,
        crc: entry.crc,
      });
    }
  }
  return { files, skipped };
}

/**
 * Entries no archive of YAML files needs, and that archive tools refuse when unpacking: a symbolic
 * link (its data is the target path, not YAML; followed on disk it reads outside the archive) and
 * a path that climbs out of the archive's folder or starts at a root ("zip slip"). Opening one in
 * the page reads nothing outside, but its name would carry into the workspace and its exports.
 */
function unsafeEntry(entry: CentralEntry): string | undefined {
  const unixMode = entry.madeBy >> 8 === UNIX_HOST ? entry.externalAttributes >>> 16 : 0;
  if ((unixMode & 0o170000) === 0o120000)
    return "it is a symbolic link; links inside an archive are not followed";
  const path = entry.name.replaceAll("\\", "/");
  if (path.startsWith("/") || /^[a-z]:/i.test(path) || path.split("/").includes(".."))
    return "its path leaves the archive's folder (an absolute path or a `..` step), so it is not opened";
  return undefined;
}

/**
 * Entries whose data overlap (several directory entries pointing into one compressed stream) are
 * how small zip bombs multiply their output: 214 KB can unpack to hundreds of megabytes that way.
 * No archive tool writes them, so the whole archive is refused.
 */
function rejectOverlaps(zip: Uint8Array, view: DataView, entries: readonly CentralEntry[]): void {
  const spans: { start: number; end: number }[] = [];
  for (const e of entries) {
    if (e.localAt + 30 > zip.length) continue; // reported per entry as a damaged local header
    const dataAt =
      e.localAt + 30 + view.getUint16(e.localAt + 26, true) + view.getUint16(e.localAt + 28, true);
    spans.push({ start: e.localAt, end: dataAt + e.compressedSize });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]!.start < spans[i - 1]!.end) {
      throw new ZipFormatError(
        "its entries overlap one another (a zip bomb technique, or a damaged archive); it was not opened",
      );
    }
  }
}

interface CentralEntry {
  name: string;
  rawName: Uint8Array;
  /** Version made by: its high byte is the host system (3 is Unix, whose mode sits in the attributes). */
  madeBy: number;
  externalAttributes: number;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localAt: number;
  centralAt: number;
}

/** The entry's bytes, or the reason it cannot be read. */
async function readEntry(
  zip: Uint8Array,
  view: DataView,
  e: CentralEntry,
): Promise<Uint8Array | string> {
  if (e.flags & ENCRYPTED_FLAG) return "it is encrypted";
  if (e.method !== STORED && e.method !== DEFLATED)
    return `it uses compression method ${e.method} (only stored and deflated entries can be read)`;
  if (e.size === 0xffffffff || e.compressedSize === 0xffffffff)
    return "it is a ZIP64 entry, which is not supported";
  if (e.localAt + 30 > e.centralAt || view.getUint32(e.localAt, true) !== LOCAL_SIGNATURE)
    return "its local header is missing or damaged";
  const localNameLength = view.getUint16(e.localAt + 26, true);
  const localExtra = view.getUint16(e.localAt + 28, true);
  if (!sameBytes(zip.subarray(e.localAt + 30, e.localAt + 30 + localNameLength), e.rawName)) {
    return "its local header names a different file (damaged archive)";
  }
  const dataAt = e.localAt + 30 + localNameLength + localExtra;
  if (dataAt + e.compressedSize > e.centralAt)
    return "its data runs past the central directory (truncated archive)";
  const stored = zip.subarray(dataAt, dataAt + e.compressedSize);
  let bytes: Uint8Array;
  if (e.method === STORED) {
    if (e.compressedSize !== e.size) return "its stored size and size differ (damaged archive)";
    bytes = stored;
  } else {
    try {
      bytes = await inflateRaw(stored, e.size);
    } catch (error) {
      return `its compressed data is damaged (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  if (bytes.length !== e.size)
    return `it inflated to ${bytes.length} bytes instead of the declared ${e.size} (damaged archive)`;
  if (crc32(bytes) !== e.crc) return "its checksum does not match (damaged archive)";
  return bytes;
}

/** Inflates, stopping as soon as the output grows beyond what the directory declared. */
async function inflateRaw(data: Uint8Array, expected: number): Promise<Uint8Array> {
  try {
    return await inflateRawBounded(data, { maxBytes: expected });
  } catch (error) {
    if (error instanceof InflateLimitError)
      throw new Error("it inflates beyond its declared size", { cause: error });
    throw error;
  }
}

/** The end record sits in the last 22 bytes, or before an archive comment of up to 64 KiB. */
function findEndRecord(zip: Uint8Array, view: DataView): number {
  if (zip.length < END_SIZE) throw new ZipFormatError("the file is too short to be a zip archive");
  const lowest = Math.max(0, zip.length - END_SIZE - 0xffff);
  for (let at = zip.length - END_SIZE; at >= lowest; at--) {
    if (view.getUint32(at, true) !== END_SIGNATURE) continue;
    // The comment length must account for exactly the rest of the file, or this is a stray match.
    if (at + END_SIZE + view.getUint16(at + 20, true) === zip.length) return at;
  }
  throw new ZipFormatError("it has no zip end record (not a zip archive, or cut off)");
}

/**
 * Names without the UTF-8 flag are CP437 by the specification, but tools that write UTF-8 without
 * setting the flag are far more common than CP437 names, and ASCII reads the same either way.
 */
function decodeName(raw: Uint8Array): string {
  return new TextDecoder("utf-8").decode(raw);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
