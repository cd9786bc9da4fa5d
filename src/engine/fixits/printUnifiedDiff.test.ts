import { describe, expect, it } from "vitest";
import { printUnifiedDiff } from "./printUnifiedDiff";

const lines = (n: number) => Array.from({ length: n }, (_, i) => `l${i + 1}`);

describe("printUnifiedDiff", () => {
  it("prints nothing for equal texts", () => {
    expect(printUnifiedDiff("f.yaml", "a\n", "a\n")).toBe("");
  });
  it("prints one hunk with three lines of context, as diff -u does", () => {
    const before = lines(10).join("\n") + "\n";
    const after = before.replace("l5\n", "l5 changed\n");
    expect(printUnifiedDiff("f.yaml", before, after)).toBe(
      [
        "--- a/f.yaml",
        "+++ b/f.yaml",
        "@@ -2,7 +2,7 @@",
        " l2",
        " l3",
        " l4",
        "-l5",
        "+l5 changed",
        " l6",
        " l7",
        " l8",
        "",
      ].join("\n"),
    );
  });
  it("appends at the end with the right line numbers", () => {
    const before = "a\nb\n";
    expect(printUnifiedDiff("f", before, `${before}---\nc\n`)).toBe(
      ["--- a/f", "+++ b/f", "@@ -1,2 +1,4 @@", " a", " b", "+---", "+c", ""].join("\n"),
    );
  });
  it("splits distant changes into two hunks", () => {
    const before = lines(20).join("\n") + "\n";
    const after = before.replace("l2\n", "x\n").replace("l18\n", "y\n");
    const diff = printUnifiedDiff("f", before, after);
    expect(diff.split("\n").filter((l) => l.startsWith("@@"))).toEqual([
      "@@ -1,5 +1,5 @@",
      "@@ -15,6 +15,6 @@",
    ]);
  });
  it("inserts into an empty file", () => {
    expect(printUnifiedDiff("f", "", "a\n")).toBe(
      ["--- a/f", "+++ b/f", "@@ -0,0 +1 @@", "+a", ""].join("\n"),
    );
  });
});
