/**
 * Directory walks on a real file system built in a temporary folder: symbolic links out of the
 * tree, loops, FIFOs and broken links are skipped with a warning and never read; links that stay
 * inside the tree are followed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import type { CliIO } from "./cliIO";
import { main } from "./gwsim";
import { createNodeIO } from "./nodeIO";
import { findYamlFiles, readInputs } from "./readInputs";

const SERVICE = "apiVersion: v1\nkind: Service\nmetadata:\n  name: NAME\n  namespace: default\n";
const SECRET = "AWS_SECRET_ACCESS_KEY=do-not-print-me\u0000HOME=/root\u0000";

let base: string;
let tree: string;
let outside: string;

function capturingIO(): CliIO & { err: string; out: string } {
  const node = createNodeIO();
  const io = {
    ...node,
    out: "",
    err: "",
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.err += t),
  };
  return io;
}

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), "gwsim-walk-"));
  tree = join(base, "deploy");
  outside = join(base, "outside");
  mkdirSync(join(tree, "apps"), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(tree, "apps/a.yaml"), SERVICE.replace("NAME", "a"));
  writeFileSync(join(outside, "environ.yaml"), SECRET);
  mkdirSync(join(outside, "more"));
  writeFileSync(join(outside, "more/b.yaml"), SERVICE.replace("NAME", "b"));
});

afterEach(() => rmSync(base, { recursive: true, force: true }));

describe("findYamlFiles", () => {
  test("skips a symbolic link to a file outside the tree with a warning, and never reads it", () => {
    symlinkSync(join(outside, "environ.yaml"), join(tree, "env.yaml"));
    const io = capturingIO();
    expect(findYamlFiles(io, tree).files).toEqual([`${tree}/apps/a.yaml`]);
    expect(io.err).toContain(
      `gwsim: warning: ${tree}/env.yaml: skipped: a symbolic link to ${outside}/environ.yaml, outside ${tree}`,
    );
  });

  test("skips a symbolic link to a directory outside the tree", () => {
    symlinkSync(outside, join(tree, "elsewhere"), "dir");
    const io = capturingIO();
    expect(findYamlFiles(io, tree).files).toEqual([`${tree}/apps/a.yaml`]);
    expect(io.err).toContain(
      `${tree}/elsewhere: skipped: a symbolic link to ${outside}, outside ${tree}`,
    );
  });

  test("follows links whose real path stays inside the tree", () => {
    symlinkSync(join(tree, "apps/a.yaml"), join(tree, "alias.yaml"));
    const io = capturingIO();
    expect(findYamlFiles(io, tree).files).toEqual([`${tree}/alias.yaml`, `${tree}/apps/a.yaml`]);
    expect(io.err).toBe("");
  });

  test("reads a directory once when a link loops back to it", () => {
    symlinkSync(tree, join(tree, "apps/loop"), "dir");
    symlinkSync("..", join(tree, "apps/up"), "dir");
    const io = capturingIO();
    expect(findYamlFiles(io, tree).files).toEqual([`${tree}/apps/a.yaml`]);
    expect(io.err).toContain(
      `${tree}/apps/loop: skipped: it leads to ${tree}, a directory already read`,
    );
    expect(io.err).toContain(
      `${tree}/apps/up: skipped: it leads to ${tree}, a directory already read`,
    );
  });

  test("skips FIFOs and broken links with a warning instead of blocking or failing", () => {
    const fifo = spawnSync("mkfifo", [join(tree, "pipe.yaml")]);
    symlinkSync(join(base, "gone.yaml"), join(tree, "broken.yaml"));
    const io = capturingIO();
    expect(findYamlFiles(io, tree).files).toEqual([`${tree}/apps/a.yaml`]);
    expect(io.err).toContain(
      `${tree}/broken.yaml: skipped: nothing is there (a broken symbolic link, or a file removed while gwsim read)`,
    );
    if (fifo.status === 0)
      expect(io.err).toContain(
        `${tree}/pipe.yaml: skipped: not a regular file (a FIFO, socket or device)`,
      );
  });

  test("a file whose name is not UTF-8 is said so, not called a broken link", () => {
    const raw = Buffer.concat([
      Buffer.from(`${tree}/bad`),
      Buffer.from([0xff]),
      Buffer.from(".yaml"),
    ]);
    try {
      writeFileSync(raw, SERVICE.replace("NAME", "bad"));
    } catch {
      return; // a file system that stores only UTF-8 names (APFS) cannot hold this case
    }
    const io = capturingIO();
    expect(findYamlFiles(io, tree).files).toEqual([`${tree}/apps/a.yaml`]);
    expect(io.err).toContain(
      `${tree}/bad\uFFFD.yaml: skipped: its name is not valid UTF-8, so gwsim cannot open it (rename the file)`,
    );
    expect(io.err).not.toContain("broken symbolic link");
  });

  test("an unreadable subdirectory is skipped with a warning", () => {
    const io = { ...capturingIO(), err: "" };
    const failing: CliIO = {
      ...io,
      stderr: (t: string) => void (io.err += t),
      readDir: (p: string) => {
        if (p.endsWith("/apps")) throw new Error("EACCES: permission denied");
        return createNodeIO().readDir(p);
      },
    };
    expect(findYamlFiles(failing, tree).files).toEqual([]);
    expect(io.err).toBe(
      `gwsim: warning: ${tree}/apps: skipped: cannot read the directory (EACCES: permission denied)\n`,
    );
  });

  test("a tree reached through a symbolic link is walked by its real path", () => {
    symlinkSync(tree, join(base, "link-to-deploy"), "dir");
    const io = capturingIO();
    expect(findYamlFiles(io, join(base, "link-to-deploy")).files).toEqual([
      `${base}/link-to-deploy/apps/a.yaml`,
    ]);
    expect(io.err).toBe("");
  });
});

describe("readInputs", () => {
  test("empty input is an input error that says so", () => {
    writeFileSync(join(tree, "apps/a.yaml"), "# nothing yet\n---\n");
    expect(() => readInputs(capturingIO(), [tree], "there is nothing to check")).toThrow(
      `the input is empty: ${tree}/apps/a.yaml holds no YAML documents`,
    );
  });
});

describe("gwsim check on a hostile tree", () => {
  test("prints no byte of a file outside the tree", async () => {
    symlinkSync(join(outside, "environ.yaml"), join(tree, "env.yaml"));
    const io = capturingIO();
    expect(await main(["check", tree], io)).toBe(0);
    expect(io.out + io.err).not.toContain("do-not-print-me");
    expect(io.out).toContain("in 1 object");
  });

  test("a tree whose only YAML file is a link out of it: an input error that points at the warning", async () => {
    const lonely = join(base, "lonely");
    mkdirSync(lonely);
    symlinkSync(join(outside, "environ.yaml"), join(lonely, "env.yaml"));
    const io = capturingIO();
    expect(await main(["check", lonely], io)).toBe(2);
    expect(io.err).toContain(
      `gwsim check: ${lonely}: the directory holds no *.yaml or *.yml files gwsim could read (1 skipped: see the warnings above)`,
    );
    expect(io.out + io.err).not.toContain("do-not-print-me");
  });

  test("a non-YAML file inside the tree is quoted as a short excerpt, never whole", async () => {
    writeFileSync(
      join(tree, "passwd.yaml"),
      Array.from({ length: 40 }, (_, i) => `user${i}:x:${i}:${i}:secret-${i}:/home/u:/bin/sh`).join(
        "\n",
      ),
    );
    const io = capturingIO();
    expect(await main(["check", tree], io)).toBe(1);
    expect(io.out).toContain("the rest is not shown");
    expect(io.out).not.toContain("secret-3");
  });
});
