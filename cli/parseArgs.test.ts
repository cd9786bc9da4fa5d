import { describe, expect, test } from "vitest";
import { UsageError } from "./cliIO";
import { intFlag, listFlag, parseArgs, stringFlag } from "./parseArgs";

const spec = {
  json: { type: "boolean" as const },
  host: { type: "string" as const },
  header: { type: "string" as const, multiple: true, short: "H" },
  manifests: { type: "string" as const, variadic: true },
  n: { type: "string" as const, short: "n" },
};

describe("parseArgs", () => {
  test('values follow as the next word or after "=", repeated flags collect, "-" is a positional', () => {
    const a = parseArgs(
      "route",
      ["a.yaml", "--host=x.com", "-H", "A: 1", "--header", "B: 2", "-", "--json"],
      spec,
    );
    expect(a.positionals).toEqual(["a.yaml", "-"]);
    expect(stringFlag(a, "host")).toBe("x.com");
    expect(listFlag(a, "header")).toEqual(["A: 1", "B: 2"]);
    expect(a.flags.json).toBe(true);
  });

  test("a variadic option takes every word up to the next option", () => {
    const a = parseArgs("test", ["case.yaml", "--manifests", "a.yaml", "dir/", "--json"], spec);
    expect(a.positionals).toEqual(["case.yaml"]);
    expect(listFlag(a, "manifests")).toEqual(["a.yaml", "dir/"]);
  });

  test('"--" ends the options', () => {
    expect(parseArgs("check", ["--", "--json"], spec).positionals).toEqual(["--json"]);
  });

  test("usage errors name the option", () => {
    expect(() => parseArgs("check", ["--strict"], spec)).toThrow(
      new UsageError("unknown option --strict for `gwsim check`"),
    );
    expect(() => parseArgs("route", ["--host"], spec)).toThrow("option --host needs a value");
    expect(() => parseArgs("route", ["--host", "a", "--host", "b"], spec)).toThrow(
      "option --host was given twice",
    );
    expect(() => parseArgs("route", ["--json=yes"], spec)).toThrow("option --json takes no value");
    expect(() => parseArgs("test", ["--manifests"], spec)).toThrow(
      "option --manifests needs at least one path",
    );
    expect(() => intFlag(parseArgs("simulate", ["-n", "1e3"], spec), "n", 1, 100)).toThrow(
      'option -n needs a whole number from 1 to 100; got "1e3"',
    );
  });

  test("names of Object.prototype members are unknown options, not flags given twice", () => {
    for (const name of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(() => parseArgs("check", [`--${name}`, "x"], spec)).toThrow(
        new UsageError(`unknown option --${name} for \`gwsim check\``),
      );
      expect(() => parseArgs("check", [`--${name}=x`], spec)).toThrow(
        new UsageError(`unknown option --${name} for \`gwsim check\``),
      );
    }
  });
});
