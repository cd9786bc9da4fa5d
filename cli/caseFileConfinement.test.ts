/**
 * A case file must not lead `gwsim test` out of the tree it was given: not by an absolute path,
 * not by `..`, not through a symbolic link. The real file system, in a temporary directory.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import type { CliIO } from "./cliIO";
import { main } from "./gwsim";
import { createNodeIO } from "./nodeIO";

const SERVICE =
  "apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: default}\nspec: {ports: [{port: 80}]}\n";
const CASE = (manifest: string): string =>
  `name: confined\nmanifests: [${manifest}]\nstatus:\n- {kind: Gateway, namespace: default, name: absent, conditions: [{type: Accepted, status: 'True'}]}\n`;

let base: string;
beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), "gwsim-confine-"));
  mkdirSync(join(base, "repo/cases"), { recursive: true });
  mkdirSync(join(base, "outside"));
  writeFileSync(join(base, "outside/secret.yaml"), SERVICE);
  writeFileSync(join(base, "repo/inside.yaml"), SERVICE);
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

function ioIn(cwd: string): CliIO & { out: string } {
  const node = createNodeIO();
  const abs = (p: string): string => (isAbsolute(p) ? p : join(cwd, p));
  const io = {
    out: "",
    stdout: (t: string) => void (io.out += t),
    stderr: (t: string) => void (io.out += t),
    readFile: (p: string) => node.readFile(abs(p)),
    stat: (p: string) => node.stat(abs(p)),
    realPath: (p: string) => node.realPath(abs(p)),
    readDir: (p: string) => node.readDir(abs(p)),
    readStdin: () => "",
    cwd,
  };
  return io;
}

test("a manifest inside the working directory is read", async () => {
  writeFileSync(join(base, "repo/cases/c.yaml"), CASE("../inside.yaml"));
  const io = ioIn(join(base, "repo"));
  await main(["test", "cases/c.yaml"], io);
  expect(io.out).not.toContain("outside the working directory");
});

test("a symbolic link out of the tree is refused, and the file behind it is never read", async () => {
  symlinkSync(join(base, "outside"), join(base, "repo/link"));
  writeFileSync(join(base, "repo/cases/c.yaml"), CASE("../link/secret.yaml"));
  const io = ioIn(join(base, "repo"));
  expect(await main(["test", "cases/c.yaml"], io)).toBe(1);
  expect(io.out).toContain("outside the working directory and the trees named on the command line");
});

test("`..` past the working directory is refused", async () => {
  writeFileSync(join(base, "repo/cases/c.yaml"), CASE("../../outside/secret.yaml"));
  const io = ioIn(join(base, "repo"));
  expect(await main(["test", "cases/c.yaml"], io)).toBe(1);
  expect(io.out).toContain(`it resolves to ${join(base, "outside/secret.yaml")}`);
});

test("a tree named on the command line may be read from, even outside the working directory", async () => {
  mkdirSync(join(base, "outside/cases"));
  writeFileSync(join(base, "outside/cases/c.yaml"), CASE("../secret.yaml"));
  const io = ioIn(join(base, "repo"));
  await main(["test", join(base, "outside")], io);
  expect(io.out).not.toContain("outside the working directory");
});
