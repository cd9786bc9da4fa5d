/**
 * Property test of the CLI's argv parser: argv is whatever the user (or a script) typed, so every
 * argv must give a result or a UsageError naming the problem, never another exception, and the
 * result holds only declared flags.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { UsageError } from "./cliIO";
import { intFlag, listFlag, parseArgs, stringFlag, type FlagSpec } from "./parseArgs";

const SPEC: Record<string, FlagSpec> = {
  output: { type: "string", short: "o" },
  quiet: { type: "boolean", short: "q" },
  header: { type: "string", multiple: true, short: "H" },
  manifests: { type: "string", variadic: true, short: "f" },
  port: { type: "string" },
};

/** Words near the parser's branches (declared, unknown, prototype keys, `=`, `--`), and noise. */
const word = fc.oneof(
  fc.constantFrom(
    "--",
    "-",
    "--output",
    "-o",
    "--quiet",
    "-q",
    "--quiet=1",
    "--header",
    "-H",
    "--manifests",
    "-f",
    "--port",
    "--port=",
    "--port=99999999999",
    "--__proto__",
    "--constructor",
    "--toString",
    "-_",
    "--hasOwnProperty=x",
    "a.yaml",
    "dir/",
  ),
  fc.string(),
  fc.string().map((s) => `--${s}`),
  fc.string().map((s) => `-${s}`),
);

const attempt = <T>(run: () => T): T | UsageError => {
  try {
    return run();
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
};

describe("parseArgs on arbitrary argv (seeded)", () => {
  test("gives a result or a UsageError; a result holds only declared flags", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (argv) => {
        const parsed = attempt(() => parseArgs("trace", argv, SPEC));
        if (parsed instanceof UsageError) {
          expect(parsed.message).not.toBe("");
          return;
        }
        for (const name of Object.keys(parsed.flags)) expect(Object.hasOwn(SPEC, name)).toBe(true);
        expect(Object.getPrototypeOf(parsed.flags)).toBe(Object.prototype);
        let values = parsed.positionals.length;
        for (const name of Object.keys(parsed.flags)) values += listFlag(parsed, name).length;
        expect(values).toBeLessThanOrEqual(argv.length);
        const port = attempt(() => intFlag(parsed, "port", 1, 65_535));
        if (!(port instanceof UsageError) && port !== undefined) {
          expect(Number.isInteger(port) && port >= 1 && port <= 65_535).toBe(true);
          expect(String(port)).toBe(stringFlag(parsed, "port")?.replace(/^0+(?=\d)/, ""));
        }
      }),
      { seed: 20261206, numRuns: 1_000 },
    );
  }, 30_000);
});
