import { describe, expect, test } from "vitest";
import { loadAllExamples } from "./examples";
import { checkWorkspaceName, hasUnsavedWork, MAX_NAME_LENGTH } from "./namedWorkspaces";

describe("named workspaces", () => {
  test("a name is trimmed with inner whitespace collapsed; empty and over-long names are refused with the reason", () => {
    expect(checkWorkspaceName("  payments   gateway \t B ")).toEqual({
      ok: true,
      name: "payments gateway B",
    });
    expect(checkWorkspaceName("   ")).toEqual({ ok: false, why: "Give the workspace a name." });
    expect(checkWorkspaceName("x".repeat(MAX_NAME_LENGTH))).toMatchObject({ ok: true });
    expect(checkWorkspaceName("x".repeat(MAX_NAME_LENGTH + 1))).toEqual({
      ok: false,
      why: `Names are at most ${MAX_NAME_LENGTH} characters.`,
    });
  });

  test("work is unsaved unless it is empty, an unmodified example, or exactly a saved workspace", async () => {
    for (const example of (await loadAllExamples()).values()) {
      expect(await hasUnsavedWork(example, [])).toBe(false);
      expect(await hasUnsavedWork(`${example}# edited\n`, [])).toBe(true);
    }
    expect(await hasUnsavedWork("", [])).toBe(false);
    expect(await hasUnsavedWork("kind: Service\n", ["kind: Service\n"])).toBe(false);
    expect(await hasUnsavedWork("kind: Service\n", ["kind: Service\n# other\n"])).toBe(true);
  });
});
