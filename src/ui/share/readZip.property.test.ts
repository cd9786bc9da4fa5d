/**
 * Property tests of opening a zip, which may come from anyone: arbitrary bytes and damaged or
 * hostile archives (declared sizes that lie, other methods, encryption flags, names with `..`,
 * line breaks or control characters) give the archive's readable files or a ZipFormatError, never
 * another exception; what is read respects the size cap and its checksums; and an entry's name
 * cannot leave the `# file:` comment line it is written into in the workspace text.
 */
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { combineFiles } from "../app/combineFiles";
import { zipYamlFiles } from "../app/zipYamlFiles";
import { MAX_ZIP_TOTAL_BYTES, readZip, ZipFormatError, type ZipContents } from "./readZip";
import { crc32, writeZipArchive, type RawZipEntry } from "./zipStore";

const SEED = 20261206;

const entryName = fc.oneof(
  fc.constantFrom(
    "gateway.yaml",
    "../../etc/passwd.yaml",
    "/absolute.yaml",
    "C:\\windows\\route.yml",
    "folder/",
    "a\nkind: Secret\nb.yaml",
    "crlf\r\n---\r\n.yaml",
    "line\u2028sep\u0085.yaml",
    "nul\u0000.yaml",
    "rtl\u202egpj.yaml",
    "__MACOSX/._gateway.yaml",
    "base/kustomization.yaml",
  ),
  fc.string({ unit: "binary", maxLength: 20 }).map((s) => `${s}.yaml`),
  fc.string({ maxLength: 20 }),
);

/** Usually left as the writer sets it: most entries read, some lie. */
const mostlyUnset = <T>(lie: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: lie, weight: 1 });

const entry = fc
  .record({
    name: entryName,
    text: fc.string({ maxLength: 200 }),
    deflated: fc.boolean(),
    method: mostlyUnset(fc.constantFrom(1, 12, 99)),
    flags: mostlyUnset(fc.constantFrom(0, 1, 0x0800, 0x0801)),
    size: mostlyUnset(fc.constantFrom(0, 1, MAX_ZIP_TOTAL_BYTES + 1, 0xfffffffe, 0xffffffff)),
    crcOff: fc.constantFrom(false, false, false, true),
  })
  .map((e): RawZipEntry => {
    const data = new TextEncoder().encode(e.text);
    const stored = e.deflated ? new Uint8Array(deflateRawSync(data)) : data;
    const raw: RawZipEntry = {
      name: e.name,
      stored,
      method: e.method ?? (e.deflated ? 8 : 0),
      crc: e.crcOff ? (crc32(data) ^ 1) >>> 0 : crc32(data),
      size: e.size ?? data.length,
    };
    if (e.flags !== undefined) raw.flags = e.flags;
    return raw;
  });

/** An archive as written, then maybe damaged: a byte changed, cut off, or bytes spliced in. */
const archive = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((bytes) => ({ bytes })),
  fc
    .record({
      entries: fc.array(entry, { maxLength: 5 }),
      comment: fc.string({ maxLength: 10 }),
      damage: fc.constantFrom("none", "none", "none", "flip", "truncate", "splice"),
      at: fc.nat(),
      byte: fc.integer({ min: 0, max: 255 }),
    })
    .map(({ entries, comment, damage, at, byte }) => {
      const bytes = writeZipArchive(entries, comment);
      const i = bytes.length === 0 ? 0 : at % bytes.length;
      if (damage === "flip") bytes[i] = byte;
      if (damage === "truncate") return { bytes: bytes.subarray(0, i) };
      if (damage === "splice") {
        const spliced = new Uint8Array(bytes.length + 3);
        spliced.set(bytes.subarray(0, i));
        spliced.set([byte, byte, byte], i);
        spliced.set(bytes.subarray(i), i + 3);
        return { bytes: spliced };
      }
      return { bytes };
    }),
);

async function readOrError(bytes: Uint8Array): Promise<ZipContents | ZipFormatError> {
  try {
    return await readZip(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) return error;
    throw error;
  }
}

describe("readZip on arbitrary and damaged archives (seeded)", () => {
  test("files or a ZipFormatError; caps and checksums hold; names stay in their comment line", async () => {
    await fc.assert(
      fc.asyncProperty(archive, async ({ bytes }) => {
        const result = await readOrError(bytes);
        if (result instanceof ZipFormatError) {
          expect(result.message).not.toBe("");
          return;
        }
        let total = 0;
        for (const file of result.files) {
          total += file.bytes.length;
          expect(file.name.endsWith("/")).toBe(false);
          expect([0, 8]).toContain(file.method);
          expect(file.flags & 1).toBe(0);
          expect(crc32(file.bytes)).toBe(file.crc);
        }
        expect(total).toBeLessThanOrEqual(MAX_ZIP_TOTAL_BYTES);
        for (const s of result.skipped) expect(s.reason).not.toBe("");

        const opened = zipYamlFiles(result);
        for (const file of opened.files) {
          expect(file.name).toMatch(/\.ya?ml$/i);
          expect(file.name).not.toMatch(/(^|\/)kustomization\.ya?ml$|^__MACOSX\//i);
          // One comment line, then the file's one line: a name cannot add a line of YAML.
          const lines = combineFiles([{ name: file.name, text: "a: 1\n" }]).split(/\r\n|\r|\n/);
          expect(lines).toHaveLength(3);
          expect(lines[0]?.startsWith("# file: ")).toBe(true);
          expect(lines[1]).toBe("a: 1");
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  }, 30_000);
});
