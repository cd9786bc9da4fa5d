import { describe, expect, test } from "vitest";
import type { Diagnostic } from "../../engine";
import { MARKER_SEVERITY, toMonacoMarkers } from "./toMonacoMarkers";

const base: Diagnostic = {
  code: "schema.enum",
  severity: "error",
  message: 'Unsupported value "Prefix"',
  hint: 'Did you mean "PathPrefix"?',
  file: "workspace.yaml",
  line: 12,
  column: 19,
  endLine: 12,
  endColumn: 25,
};

describe("toMonacoMarkers", () => {
  test("keeps the exact line/column range and puts the hint under the message", () => {
    expect(toMonacoMarkers([base], "workspace.yaml")).toEqual([
      {
        severity: MARKER_SEVERITY.Error,
        message: 'Unsupported value "Prefix"\nDid you mean "PathPrefix"?',
        code: "schema.enum",
        source: "gwsim",
        startLineNumber: 12,
        startColumn: 19,
        endLineNumber: 12,
        endColumn: 25,
      },
    ]);
  });

  test("maps severities to Monaco values", () => {
    const severities = (["error", "warning", "info"] as const).map(
      (severity) => toMonacoMarkers([{ ...base, severity }], "workspace.yaml")[0]?.severity,
    );
    expect(severities).toEqual([8, 4, 2]);
  });

  test("a zero-width range is widened to one column so the squiggle shows", () => {
    const [marker] = toMonacoMarkers([{ ...base, endColumn: 19 }], "workspace.yaml");
    expect(marker).toMatchObject({ startColumn: 19, endLineNumber: 12, endColumn: 20 });
  });

  test("multi-line ranges keep their end column; an end before the start is repaired", () => {
    expect(
      toMonacoMarkers([{ ...base, endLine: 14, endColumn: 3 }], "workspace.yaml")[0],
    ).toMatchObject({
      endLineNumber: 14,
      endColumn: 3,
    });
    expect(
      toMonacoMarkers([{ ...base, endLine: 10, endColumn: 1 }], "workspace.yaml")[0],
    ).toMatchObject({
      startLineNumber: 12,
      endLineNumber: 12,
      endColumn: 20,
    });
  });

  test("only diagnostics of the given file; no hint means the message alone", () => {
    const { hint: _hint, ...withoutHint } = base;
    const markers = toMonacoMarkers(
      [withoutHint, { ...base, file: "other.yaml" }],
      "workspace.yaml",
    );
    expect(markers).toHaveLength(1);
    expect(markers[0]?.message).toBe('Unsupported value "Prefix"');
  });
});
