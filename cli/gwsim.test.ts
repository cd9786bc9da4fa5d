/**
 * CLI goldens: every folder in cli/testdata holds `args` (one argument per line, paths relative
 * to the repository root), optionally `stdin.yaml`, and the reviewed `stdout.txt`, `stderr.txt`
 * and `exit-code`. The real commands run in-process on the real file system.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import type { CliIO } from "./cliIO";
import { main } from "./gwsim";
import { createNodeIO } from "./nodeIO";

const root = fileURLToPath(new URL("../", import.meta.url));
const testdata = join(root, "cli/testdata");

function repoIO(stdin: string | undefined): CliIO & { out: string; err: string } {
  const node = createNodeIO();
  const abs = (p: string): string => (isAbsolute(p) ? p : join(root, p));
  const io = {
    out: "",
    err: "",
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    readFile: (p: string) => node.readFile(abs(p)),
    stat: (p: string) => node.stat(abs(p)),
    realPath: (p: string) => node.realPath(abs(p)),
    readDir: (p: string) => node.readDir(abs(p)),
    readStdin: () => {
      if (stdin === undefined) throw new Error("this case provides no stdin.yaml");
      return stdin;
    },
    cwd: "<repo>",
  };
  return io;
}

const cases = existsSync(testdata) ? readdirSync(testdata).sort() : [];

describe("gwsim goldens", () => {
  test.each(cases)("%s", async (name) => {
    const dir = join(testdata, name);
    const args = readFileSync(join(dir, "args"), "utf8")
      .split("\n")
      .filter((l) => l !== "");
    const stdinPath = join(dir, "stdin.yaml");
    const io = repoIO(existsSync(stdinPath) ? readFileSync(stdinPath, "utf8") : undefined);
    const code = await main(args, io);
    await expect(io.out).toMatchFileSnapshot(join(dir, "stdout.txt"));
    await expect(io.err).toMatchFileSnapshot(join(dir, "stderr.txt"));
    await expect(`${code}\n`).toMatchFileSnapshot(join(dir, "exit-code"));
  });
});

describe("exit codes and terminal safety", () => {
  test("an internal error exits 3 (not 2, which is the user's mistake) and says it is a bug", async () => {
    const io = repoIO(undefined);
    const broken = {
      help: "",
      summary: "",
      run: () => {
        throw new TypeError("x.endsWith is not a function");
      },
    };
    expect(await main(["broken"], io, { broken })).toBe(3);
    expect(io.err).toMatch(
      /^gwsim broken: internal error \(exit code 3\): TypeError: x\.endsWith is not a function/,
    );
    expect(io.err).toContain("This is a bug in gwsim, not a problem in your input");
  });

  test("a prototype key is not a command", async () => {
    const io = repoIO(undefined);
    expect(await main(["constructor"], io)).toBe(2);
    expect(io.err).toContain('unknown command "constructor"');
  });

  test("JSON output escapes control and bidi characters and still parses to the same names", async () => {
    const name = "web\u001b]0;owned\u0007\u202e\u0085";
    const yaml = `apiVersion: v1\nkind: Service\nmetadata:\n  name: "web\\e]0;owned\\a\\u202e\\N"\n  namespace: default\n`;
    const io = repoIO(yaml);
    await main(["check", "-", "--json"], io);
    expect(io.out).not.toMatch(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
    );
    const parsed = JSON.parse(io.out) as { objects: { name: string }[] };
    expect(parsed.objects.map((o) => o.name)).toEqual([name]);
  });
});

describe("bin/gwsim.js", () => {
  test("runs for real: `node bin/gwsim.js --help` builds the bundle if needed and prints the commands", () => {
    const out = execFileSync(process.execPath, [join(root, "bin/gwsim.js"), "--help"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(out).toContain("Usage: gwsim <command>");
    for (const command of ["check", "route", "test", "simulate"])
      expect(out).toMatch(new RegExp(`^  ${command} `, "m"));
  }, 60_000);

  test("exits 2 on an unknown command", () => {
    const r = spawnSync(process.execPath, [join(root, "bin/gwsim.js"), "frobnicate"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  }, 60_000);
});

describe("an input file gwsim cannot read", () => {
  // A file listed in the directory but refused when opened (no read permission, or removed since
  // the listing): every command that reads manifests says the same located words and exits 2.
  const unreadable = (): CliIO & { out: string; err: string } => {
    const io = repoIO(undefined);
    const readFile = io.readFile;
    io.readFile = (p: string) => {
      if (p.endsWith("quickstart.yaml")) throw new Error(`EACCES: permission denied, open '${p}'`);
      return readFile(p);
    };
    return io;
  };
  const commands: [string, string[]][] = [
    ["check", []],
    ["route", ["--gateway", "default/web", "--host", "hello.example.com", "--path", "/"]],
    ["simulate", ["--gateway", "default/web", "--host", "hello.example.com", "--path", "/"]],
    ["migrate", []],
    ["lens", []],
  ];
  test.each(commands)("gwsim %s", async (name, flags) => {
    const io = unreadable();
    expect(await main([name, "fixtures/examples", ...flags], io)).toBe(2);
    expect(io.err).toBe(
      `gwsim ${name}: fixtures/examples/quickstart.yaml: cannot read the file (EACCES: permission denied, open 'fixtures/examples/quickstart.yaml')\n`,
    );
    expect(io.out).toBe("");
  });
});
