import { describe, expect, it } from "vitest";
import { buildZip, crc32 } from "./zipStore";
import { readZip } from "./readZip";

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("crc32", () => {
  it("matches the published check values", () => {
    expect(crc32(bytes("123456789"))).toBe(0xcbf43926);
    expect(crc32(bytes(""))).toBe(0);
    expect(crc32(bytes("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
  });
});

describe("buildZip", () => {
  it("writes stored entries that a reader finds again through the central directory", async () => {
    const zip = buildZip([
      { name: "default/service-a.yaml", data: "kind: Service\n" },
      { name: "_cluster/gatewayclass-ü.yaml", data: "kind: GatewayClass # café\n" },
      { name: "empty.yaml", data: "" },
    ]);
    const { files, skipped } = await readZip(zip);
    expect(skipped).toEqual([]);
    expect(files.map((e) => e.name)).toEqual([
      "default/service-a.yaml",
      "_cluster/gatewayclass-ü.yaml",
      "empty.yaml",
    ]);
    expect(files.map((e) => text(e.bytes))).toEqual([
      "kind: Service\n",
      "kind: GatewayClass # café\n",
      "",
    ]);
    for (const e of files) {
      expect(e.method).toBe(0);
      expect(e.flags & 0x0800).toBe(0x0800);
      expect(e.crc).toBe(crc32(e.bytes));
    }
  });

  it("is byte-identical for identical input (fixed timestamps)", () => {
    const entries = [{ name: "a.yaml", data: "kind: A\n" }];
    expect(buildZip(entries)).toEqual(buildZip(entries));
  });

  it("is an empty archive (just the end record) for no entries", async () => {
    const zip = buildZip([]);
    expect(zip.length).toBe(22);
    expect(await readZip(zip)).toEqual({ files: [], skipped: [] });
  });
});
