import { describe, expect, it } from "vitest";
import { MAX_ZIP_FILES, MAX_ZIP_TOTAL_BYTES, readZip, ZipFormatError } from "./readZip";
import { buildZip, crc32, writeZipArchive, type RawZipEntry } from "./zipStore";

const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function deflatedEntry(name: string, text: string): Promise<RawZipEntry> {
  const bytes = encode(text);
  return {
    name,
    stored: await deflateRaw(bytes),
    method: 8,
    crc: crc32(bytes),
    size: bytes.length,
  };
}

function storedEntry(name: string, text: string): RawZipEntry {
  const bytes = encode(text);
  return { name, stored: bytes, method: 0, crc: crc32(bytes), size: bytes.length };
}

const YAML =
  "apiVersion: v1\nkind: Service\nmetadata:\n  name: web # café ✓\n  namespace: team-a\n".repeat(
    20,
  );

describe("readZip", () => {
  it("reads back what our writer stores, in order, with its method, UTF-8 flag and CRC", async () => {
    const zip = buildZip([
      { name: "team-a/service-web.yaml", data: YAML },
      { name: "_cluster/gatewayclass-ü.yaml", data: "kind: GatewayClass\n" },
      { name: "empty.yaml", data: "" },
    ]);
    const { files, skipped } = await readZip(zip);
    expect(skipped).toEqual([]);
    expect(files.map((f) => f.name)).toEqual([
      "team-a/service-web.yaml",
      "_cluster/gatewayclass-ü.yaml",
      "empty.yaml",
    ]);
    expect(files.map((f) => decode(f.bytes))).toEqual([YAML, "kind: GatewayClass\n", ""]);
    for (const f of files) {
      expect(f.method).toBe(0);
      expect(f.flags & 0x0800).toBe(0x0800);
      expect(f.crc).toBe(crc32(f.bytes));
    }
  });

  it("inflates deflated entries (as zip tools write them) next to stored ones", async () => {
    const deflated = await deflatedEntry("routes/httproute-shop.yaml", YAML);
    expect(deflated.stored.length).toBeLessThan(YAML.length / 4);
    const { files, skipped } = await readZip(
      writeZipArchive([deflated, storedEntry("notes.txt", "hello")]),
    );
    expect(skipped).toEqual([]);
    expect(files.map((f) => [f.name, f.method, decode(f.bytes)])).toEqual([
      ["routes/httproute-shop.yaml", 8, YAML],
      ["notes.txt", 0, "hello"],
    ]);
  });

  it("finds the end record before an archive comment and ignores folder entries", async () => {
    const zip = writeZipArchive(
      [storedEntry("infra/", ""), storedEntry("infra/a.yaml", "kind: A\n")],
      "made by hand — PK\u0005\u0006 inside",
    );
    const { files } = await readZip(zip);
    expect(files.map((f) => f.name)).toEqual(["infra/a.yaml"]);
  });

  it("lists entries it cannot read with the reason and still reads the others", async () => {
    const good = storedEntry("good.yaml", "kind: A\n");
    const bzip2 = { ...storedEntry("bzip2.yaml", "kind: B\n"), method: 12 };
    const encrypted = { ...storedEntry("secret.yaml", "kind: C\n"), flags: 0x0801 };
    const badCrc = { ...storedEntry("flipped.yaml", "kind: D\n"), crc: 1234 };
    const broken = {
      ...(await deflatedEntry("broken.yaml", YAML)),
      stored: encode("this is not deflate data at all"),
    };
    const bomb = { ...(await deflatedEntry("bomb.yaml", "x".repeat(100_000))), size: 1000, crc: 0 };
    const { files, skipped } = await readZip(
      writeZipArchive([bzip2, encrypted, badCrc, broken, bomb, good]),
    );
    expect(files.map((f) => f.name)).toEqual(["good.yaml"]);
    expect(skipped.map((s) => s.name)).toEqual([
      "bzip2.yaml",
      "secret.yaml",
      "flipped.yaml",
      "broken.yaml",
      "bomb.yaml",
    ]);
    expect(skipped[0]!.reason).toContain("compression method 12");
    expect(skipped[1]!.reason).toBe("it is encrypted");
    expect(skipped[2]!.reason).toContain("checksum does not match");
    expect(skipped[3]!.reason).toContain("compressed data is damaged");
    expect(skipped[4]!.reason).toContain("inflates beyond its declared size");
  });

  it("throws a readable ZipFormatError for files that are not (whole) zip archives", async () => {
    await expect(readZip(encode("apiVersion: v1\nkind: Service\n"))).rejects.toThrow(
      ZipFormatError,
    );
    await expect(readZip(encode("apiVersion: v1\nkind: Service\n"))).rejects.toThrow(
      "no zip end record",
    );
    await expect(readZip(new Uint8Array(3))).rejects.toThrow("too short");
    const zip = buildZip([{ name: "a.yaml", data: YAML }]);
    await expect(readZip(zip.subarray(0, zip.length - 5))).rejects.toThrow("no zip end record");
    // The start cut off: the directory now points past where the end record sits.
    await expect(readZip(zip.subarray(100))).rejects.toThrow("past the end");
  });

  it("reports a damaged central directory instead of reading garbage", async () => {
    const zip = buildZip([{ name: "a.yaml", data: "kind: A\n" }]);
    const damaged = zip.slice();
    const centralAt = new DataView(damaged.buffer).getUint32(damaged.length - 6, true);
    damaged[centralAt] = 0;
    await expect(readZip(damaged)).rejects.toThrow(
      "entry 1 of 1 in the central directory is damaged",
    );
  });

  it("refuses an archive whose directory entries overlap (several names over one compressed stream)", async () => {
    const zip = writeZipArchive([await deflatedEntry("a.yaml", YAML)]);
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const centralAt = view.getUint32(zip.length - 6, true);
    const centralSize = view.getUint32(zip.length - 10, true);
    const record = zip.subarray(centralAt, centralAt + centralSize);
    // The same record twice (the second renamed b.yaml): both point at the one local entry.
    const second = record.slice();
    second[46] = "b".charCodeAt(0);
    const end = zip.slice(centralAt + centralSize);
    const endView = new DataView(end.buffer);
    endView.setUint16(8, 2, true);
    endView.setUint16(10, 2, true);
    endView.setUint32(12, centralSize * 2, true);
    const overlapping = new Uint8Array([
      ...zip.subarray(0, centralAt),
      ...record,
      ...second,
      ...end,
    ]);
    await expect(readZip(overlapping)).rejects.toThrow("its entries overlap one another");
    // Each record alone is a good archive: the overlap is what is refused.
    expect((await readZip(zip)).files.map((f) => f.name)).toEqual(["a.yaml"]);
  });

  it("stops at the total size cap and names each entry it left out", async () => {
    const bigText = "kind: A\n".repeat(MAX_ZIP_TOTAL_BYTES / 2 / 8 + 1);
    const big = await deflatedEntry("first-half.yaml", bigText);
    const again = await deflatedEntry("second-half.yaml", bigText);
    const small = storedEntry("small.yaml", "kind: B\n");
    const { files, skipped } = await readZip(writeZipArchive([big, again, small]));
    // A later entry that still fits is read.
    expect(files.map((f) => f.name)).toEqual(["first-half.yaml", "small.yaml"]);
    expect(skipped).toEqual([
      {
        name: "second-half.yaml",
        reason: "the archive's files together unpack to more than 16 MB",
      },
    ]);
  });

  it("reads exactly the file cap; one entry over, the rest is one line, not one per entry", async () => {
    const empties = (n: number) =>
      Array.from({ length: n }, (_, i) => storedEntry(`many/f${i}.yaml`, ""));
    const atCap = await readZip(
      writeZipArchive([storedEntry("dir/", ""), ...empties(MAX_ZIP_FILES)]),
    );
    expect(atCap.files).toHaveLength(MAX_ZIP_FILES);
    expect(atCap.skipped).toEqual([]);
    const over = await readZip(writeZipArchive(empties(MAX_ZIP_FILES + 3)));
    expect(over.files).toHaveLength(MAX_ZIP_FILES);
    expect(over.files.at(-1)?.name).toBe(`many/f${MAX_ZIP_FILES - 1}.yaml`);
    expect(over.skipped).toEqual([
      {
        name: `many/f${MAX_ZIP_FILES}.yaml and the 2 entries after it`,
        reason: "the archive holds more than 10,000 files; open it in parts",
      },
    ]);
  });

  it("skips symbolic links and paths that leave the archive's folder; nested folders and plain Unix files are read", async () => {
    const link: RawZipEntry = {
      ...storedEntry("link.yaml", "../../etc/passwd"),
      unixMode: 0o120777,
    };
    const plain: RawZipEntry = {
      ...storedEntry("deep/a/b/c.yaml", "kind: A\n"),
      unixMode: 0o100644,
    };
    const names = [
      "../up.yaml",
      "ok/../../out.yaml",
      "/etc/abs.yaml",
      "C:\\win.yaml",
      "..\\back.yaml",
    ];
    const { files, skipped } = await readZip(
      writeZipArchive([
        link,
        plain,
        ...names.map((n) => storedEntry(n, "kind: B\n")),
        storedEntry("dots..in..name.yaml", "kind: C\n"),
      ]),
    );
    expect(files.map((f) => f.name)).toEqual(["deep/a/b/c.yaml", "dots..in..name.yaml"]);
    expect(skipped).toEqual([
      {
        name: "link.yaml",
        reason: "it is a symbolic link; links inside an archive are not followed",
      },
      ...names.map((name) => ({
        name,
        reason:
          "its path leaves the archive's folder (an absolute path or a `..` step), so it is not opened",
      })),
    ]);
  });
});
