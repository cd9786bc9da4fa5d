/**
 * `gwsim check` over the workspace cap: it checks what fits, exits 1 with a line on stderr that
 * says where it stopped and what to do, and reads no file past the cap from disk.
 */
import { describe, expect, test } from "vitest";
import type { CliIO } from "./cliIO";
import { main } from "./gwsim";

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
