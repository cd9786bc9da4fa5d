import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { CliIO } from "../cliIO";
import { main } from "../gwsim";

const example = readFileSync(
  new URL("../../fixtures/examples/ingress-nginx-migration.yaml", import.meta.url),
  "utf8",
);

function memoryIO(
  files: Record<string, string>,
): CliIO & { out: string; err: string; written: Map<string, string> } {
  const io = {
    out: "",
    err: "",
    written: new Map<string, string>(),
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
    readFile: (p: string) => {
      const text = files[p];
      if (text === undefined) throw new Error("ENOENT");
      return text;
    },
    stat: (p: string) => (p in files ? ("file" as const) : undefined),
    readDir: () => [],
    realPath: (p: string) => p,
    readStdin: () => "",
    writeFile: (p: string, t: string) => void io.written.set(p, t),
    cwd: "/mem",
  };
  return io;
}

describe("gwsim migrate --out", () => {
  test("writes the YAML to the file and the report to stdout", async () => {
    const io = memoryIO({ "in.yaml": example });
    const code = await main(["migrate", "in.yaml", "--out", "gateway.yaml"], io);
    expect(code).toBe(1);
    expect(io.written.get("gateway.yaml")).toContain("kind: Gateway");
    expect(io.out).toMatch(/^Equivalence: 44 requests, 38 behave the same, 6 differ/);
    expect(io.err).toBe("");
  });

  test("an unreadable case file is an input error (exit 2)", async () => {
    const io = memoryIO({ "in.yaml": example });
    expect(await main(["migrate", "in.yaml", "--requests", "missing.cases.yaml"], io)).toBe(2);
    expect(io.err).toContain("missing.cases.yaml: cannot read the case file");
  });
});
