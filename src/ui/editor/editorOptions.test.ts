import { describe, expect, test } from "vitest";
import { EDITOR_OPTIONS, MODEL_OPTIONS } from "./editorOptions";

describe("the YAML editor's options", () => {
  test("no per-keystroke work for features the workspace YAML has no use for", () => {
    // Inline suggestions have no provider that answers; bracket colours say nothing in YAML.
    expect(EDITOR_OPTIONS.inlineSuggest).toEqual({ enabled: false });
    expect(EDITOR_OPTIONS.bracketPairColorization).toEqual({ enabled: false });
    expect(MODEL_OPTIONS.bracketColorizationOptions.enabled).toBe(false);
  });

  test("what people rely on stays: folding and matching brackets", () => {
    expect(EDITOR_OPTIONS.folding).toBe(true);
    expect("matchBrackets" in EDITOR_OPTIONS).toBe(false); // Monaco's default: always
  });
});
