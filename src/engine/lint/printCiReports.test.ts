import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../types";
import { printGithubAnnotations } from "./printGithubAnnotations";
import { printJUnitReport } from "./printJUnitReport";

const d = (over: Partial<Diagnostic>): Diagnostic => ({
  code: "schema.enum",
  severity: "error",
  message: "m",
  file: "a.yaml",
  line: 3,
  column: 5,
  endLine: 3,
  endColumn: 11,
  ...over,
});

describe("printGithubAnnotations", () => {
  it("prints one workflow command per diagnostic, escaping data and properties", () => {
    const out = printGithubAnnotations([
      d({
        message: 'Unsupported value "Prefix": 100%\nsecond line',
        hint: 'Did you mean "PathPrefix"?',
        file: "dir,x/a:b.yaml",
      }),
      d({ code: "lint.shadowed-match", severity: "warning", message: "never wins" }),
      d({ code: "object.unknown-kind", severity: "info", message: "kept" }),
    ]);
    expect(out).toBe(
      [
        '::error file=dir%2Cx/a%3Ab.yaml,line=3,col=5,endLine=3,endColumn=11,title=schema.enum::Unsupported value "Prefix": 100%25%0Asecond line (Did you mean "PathPrefix"?)',
        "::warning file=a.yaml,line=3,col=5,endLine=3,endColumn=11,title=lint.shadowed-match::never wins",
        "::notice file=a.yaml,line=3,col=5,endLine=3,endColumn=11,title=object.unknown-kind::kept",
        "",
      ].join("\n"),
    );
  });
});

describe("printJUnitReport", () => {
  it("one suite per file, a failing case per error or warning, a passing case for a clean file", () => {
    const xml = printJUnitReport(
      ["a.yaml", "clean.yaml"],
      [d({ message: 'bad <value> & "quotes"' }), d({ severity: "info", message: "ignored" })],
    );
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="gwsim check" tests="2" failures="1" errors="0">',
        '  <testsuite name="a.yaml" tests="1" failures="1" errors="0">',
        '    <testcase classname="a.yaml" name="schema.enum at line 3">',
        '      <failure type="error" message="bad &lt;value&gt; &amp; &quot;quotes&quot;">bad &lt;value&gt; &amp; "quotes"',
        "At a.yaml:3:5</failure>",
        "    </testcase>",
        "  </testsuite>",
        '  <testsuite name="clean.yaml" tests="1" failures="0" errors="0">',
        '    <testcase classname="clean.yaml" name="clean.yaml"/>',
        "  </testsuite>",
        "</testsuites>",
        "",
      ].join("\n"),
    );
  });

  it("drops every character XML 1.0 forbids (controls, U+FFFE/U+FFFF, unpaired surrogates) and keeps the rest", () => {
    const xml = printJUnitReport(
      ["a\u0000.yaml"],
      [
        d({
          file: "a\u0000.yaml",
          message: "x\u0001\u001b[2Ky\ufffe\uffff\ud800z\udc00 \u{1f600} \u00e9\tend",
        }),
      ],
    );
    expect(xml).toContain('<testsuite name="a.yaml"');
    expect(xml).toContain('message="x[2Kyz \u{1f600} \u00e9\tend"');
    // Nothing outside the XML 1.0 Char production is left anywhere in the report.
    expect(xml).not.toMatch(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/u,
    );
  });
});
