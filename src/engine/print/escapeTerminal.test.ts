import { describe, expect, test } from "vitest";
import {
  escapeTerminal,
  escapeTerminalLine,
  escapeTerminalOutput,
  MAX_PRINTED_LINE,
} from "./escapeTerminal";

describe("escapeTerminal", () => {
  test("escape sequences, C1 controls, DEL and bidi controls become visible \\u escapes", () => {
    expect(escapeTerminal("a\u001b[2K\u001b]0;t\u0007b")).toBe("a\\u001b[2K\\u001b]0;t\\u0007b");
    expect(escapeTerminal("x\u009b31m\u007f")).toBe("x\\u009b31m\\u007f");
    expect(escapeTerminal("abc\u202egnp.exe\u2066\u200f")).toBe("abc\\u202egnp.exe\\u2066\\u200f");
  });

  test("inside a value, line breaks and tabs are escaped too: one value cannot forge a line", () => {
    expect(escapeTerminal("a\nb\r\tc")).toBe("a\\u000ab\\u000d\\u0009c");
  });

  test("whole output keeps its own line breaks and tabs, and plain Unicode text", () => {
    expect(escapeTerminalOutput("✓ ok\n\tnext é 日本\r\n")).toBe("✓ ok\n\tnext é 日本\\u000d\n");
  });

  test("escaped JSON still parses to the same value", () => {
    const value = { name: "a\u202e\u0085\u2028b" };
    expect(JSON.parse(escapeTerminalOutput(JSON.stringify(value)))).toEqual(value);
  });
});

describe("escapeTerminalLine", () => {
  test("a line up to the limit is only escaped", () => {
    const line = `${"a".repeat(MAX_PRINTED_LINE - 1)}\u001b`;
    expect(escapeTerminalLine(line)).toBe(`${"a".repeat(MAX_PRINTED_LINE - 1)}\\u001b`);
  });

  test("a longer line is cut, escaped, and says how much was left out", () => {
    const line = `\u001b${"x".repeat(MAX_PRINTED_LINE + 500)}`;
    const printed = escapeTerminalLine(line);
    expect(printed.startsWith("\\u001bx")).toBe(true);
    expect(printed.endsWith("… (501 more characters not shown)")).toBe(true);
    expect(printed).not.toContain("\u001b");
  });

  test("a cut never splits a surrogate pair", () => {
    const line = `${"a".repeat(MAX_PRINTED_LINE - 1)}😀${"b".repeat(10)}`;
    const printed = escapeTerminalLine(line);
    expect(printed).toBe(`${"a".repeat(MAX_PRINTED_LINE - 1)}… (12 more characters not shown)`);
  });
});
