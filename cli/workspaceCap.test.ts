/**
 * `gwsim check` over the workspace cap: it checks what fits, exits 1 with a line on stderr that
 * says where it stopped and what to do, and reads no file past the cap from disk.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import type { CliIO } from "./cliIO";
import { main } from "./gwsim";
import { createNodeIO, readCapped } from "./nodeIO";

const doc = (i: number) =>
  `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}, namespace: ns}\n`;

function memoryIO(files: Record<string, string>) {
  const read: string[] = [];
  const io: CliIO & { out: string; err: string; read: string[] } = {
    out: "",
    err: "",
    read,
    stdout(text) {
      io.out += text;
    },
    stderr(text) {
      io.err += text;
    },
    readFile(path) {
      read.push(path);
      const text = files[path];
      if (text === undefined) throw new Error("no such file");
      return text;
    },
    stat: (path) => (path === "ws" ? "dir" : path in files ? "file" : undefined),
    realPath: (path) => (path === "ws" || path in files ? `/${path}` : undefined),
    readDir: (path) => (path === "ws" ? Object.keys(files).map((f) => f.slice(3)) : []),
    readStdin: () => "",
    writeFile: () => undefined,
    cwd: "/",
  };
  return io;
}

const files = {
  "ws/a.yaml": [0, 1, 2].map(doc).join(""),
  "ws/b.yaml": [3, 4].map(doc).join(""),
};

describe("gwsim check over the workspace cap", () => {
  test("under --max-documents: every object, exit 0, nothing on stderr", async () => {
    const io = memoryIO(files);
    expect(await main(["check", "ws", "--max-documents", "5"], io)).toBe(0);
    expect(io.err).toBe("");
    expect(io.out).toContain("0 errors");
  });

  test("over --max-documents: exit 1, the error at the cut, and one line on stderr", async () => {
    const io = memoryIO(files);
    expect(await main(["check", "ws", "--max-documents", "4"], io)).toBe(1);
    expect(io.err).toBe(
      "gwsim check: the input is over the workspace cap, so only part of it was checked (it stops at ws/b.yaml:5); check it in parts, or raise --max-workspace-mib / --max-documents\n",
    );
    expect(io.out).toContain("ws/b.yaml:5:1 error load.workspace-too-large");
    expect(io.out).toContain("did not read this file from line 5;");
  });

  test("over --max-workspace-mib: files past the cap are not read from disk", async () => {
    const big = Array.from({ length: 15_000 }, (_, i) => doc(i)).join("");
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const io = memoryIO({ "ws/a.yaml": big, "ws/b.yaml": doc(0), "ws/c.yaml": doc(1) });
    expect(await main(["check", "ws", "--max-workspace-mib", "1", "--format", "json"], io)).toBe(1);
    expect(io.read).toEqual(["ws/a.yaml"]);
    const output = JSON.parse(io.out) as { diagnostics: { code: string; message: string }[] };
    const cut = output.diagnostics.find((d) => d.code === "load.workspace-too-large");
    expect(cut?.message).toContain("and 2 more files (ws/b.yaml, …)");
  });

  test("a cap flag that is not a whole number is a usage error", async () => {
    const io = memoryIO(files);
    expect(await main(["check", "ws", "--max-documents", "lots"], io)).toBe(2);
    expect(io.err).toContain("option --max-documents needs a whole number");
  });
});

describe("one file is read up to the workspace cap's room, not a fixed per-file cap", () => {
  // Real files through the real IO: readCapped stops at the room (plus one byte, so the loader sees
  // the file is over and cuts it at its last whole document).
  const dir = mkdtempSync(join(tmpdir(), "gwsim-cap-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const mib = 1024 * 1024;

  test("readCapped: exactly the room reads all, one byte more reads the room and one byte", () => {
    const path = join(dir, "small.yaml");
    writeFileSync(path, "値".repeat(100)); // 300 bytes
    expect(readCapped(path, 300)).toBe("値".repeat(100));
    const cut = readCapped(path, 299);
    expect(Buffer.byteLength(cut, "utf8")).toBeGreaterThan(299);
    expect(cut.startsWith("値".repeat(99))).toBe(true);
  });

  test("a 65 MiB file is read whole when the cap allows it (a fixed 64 MiB per-file cap refused it)", () => {
    const path = join(dir, "big.yaml");
    writeFileSync(path, Buffer.alloc(65 * mib, 0x20));
    expect(createNodeIO().readFile(path, 256 * mib).length).toBe(65 * mib);
  });

  test("gwsim check over --max-workspace-mib on one file: the part that fits is checked, the cut is located, nothing past the room is read", async () => {
    const ws = join(dir, "ws");
    mkdirSync(ws);
    const text = Array.from({ length: 20_000 }, (_, i) => doc(i)).join("");
    expect(Buffer.byteLength(text)).toBeGreaterThan(mib);
    writeFileSync(join(ws, "a.yaml"), text);
    const node = createNodeIO();
    const lengths: number[] = [];
    let out = "";
    let err = "";
    const io: CliIO = {
      ...node,
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
      readFile: (path, cutAfter) => {
        const read = node.readFile(path, cutAfter);
        lengths.push(Buffer.byteLength(read, "utf8"));
        return read;
      },
    };
    expect(await main(["check", ws, "--max-workspace-mib", "1", "--format", "json"], io)).toBe(1);
    expect(lengths).toEqual([mib + 1]);
    expect(err).toContain("the input is over the workspace cap");
    const output = JSON.parse(out) as {
      diagnostics: { code: string; file: string; line: number }[];
      objects: unknown[];
    };
    const cut = output.diagnostics.find((d) => d.code === "load.workspace-too-large");
    const docLines = doc(0).split("\n").length - 1;
    // The documents whose bytes fit in 1 MiB (their names grow with i, so they are summed).
    let kept = 0;
    for (let bytes = 0; (bytes += Buffer.byteLength(doc(kept))) <= mib;) kept++;
    expect(cut).toMatchObject({ file: join(ws, "a.yaml"), line: kept * docLines + 1 });
    expect(output.objects).toHaveLength(kept);
  });
});
