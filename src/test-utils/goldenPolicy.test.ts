/**
 * The golden policy of vitest.config.ts: an ordinary run never writes a golden file, so a new
 * golden without its file fails instead of being created unreviewed; GOLDEN_UPDATE=1 writes it.
 * Runs vitest itself, with the project's config, on a throwaway test in a temporary folder.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "gwsim-golden-"));
mkdirSync(join(dir, "src"));
symlinkSync(join(repo, "node_modules"), join(dir, "node_modules"), "dir");
writeFileSync(
  join(dir, "src/missing.test.ts"),
  "import { expect, test } from 'vitest';\ntest('new golden', async () => { await expect('hello\\n').toMatchFileSnapshot('./hello.golden.txt'); });\n",
);
const golden = join(dir, "src/hello.golden.txt");

function runVitest(env: Record<string, string | undefined>): number | null {
  const cleanEnv = {
    ...process.env,
    CI: undefined,
    UPDATE_SNAPSHOT: undefined,
    GOLDEN_UPDATE: undefined,
    ...env,
  };
  const bin = join(repo, "node_modules/vitest/vitest.mjs");
  const r = spawnSync(
    process.execPath,
    [bin, "run", "--root", dir, "--config", join(repo, "vitest.config.ts")],
    { env: cleanEnv, encoding: "utf8" },
  );
  return r.status;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("golden files", () => {
  test("an ordinary run fails on a missing golden and does not write it; GOLDEN_UPDATE=1 writes it", () => {
    expect(runVitest({})).toBe(1);
    expect(existsSync(golden)).toBe(false);
    expect(runVitest({ GOLDEN_UPDATE: "1" })).toBe(0);
    expect(existsSync(golden)).toBe(true);
    expect(runVitest({})).toBe(0);
  }, 120_000);
});
