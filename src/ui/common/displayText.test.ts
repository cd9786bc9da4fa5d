import { describe, expect, test } from "vitest";
import { escapeBidi, escapeControls } from "./displayText";

describe("displayText", () => {
  test("every bidi control shows as its escape, the rest of the name unchanged", () => {
    expect(escapeBidi("gateway\u202Elmay.exe")).toBe("gateway\\u202Elmay.exe");
    expect(
      escapeBidi("\u2066a\u2067b\u2068c\u2069\u202A\u202B\u202C\u202D\u200E\u200F\u061C"),
    ).toBe("\\u2066a\\u2067b\\u2068c\\u2069\\u202A\\u202B\\u202C\\u202D\\u200E\\u200F\\u061C");
    // Ordinary right-to-left text is not a control: it stays readable.
    expect(escapeBidi("שלום-route café")).toBe("שלום-route café");
    expect(escapeBidi("two\nlines")).toBe("two\nlines");
  });

  test("escapeControls puts a name on one line", () => {
    expect(escapeControls("a\nb\r\tc\u0000\u001b[2K\u007f\u0085\u2028\u2029\u202E")).toBe(
      "a\\u000Ab\\u000D\\u0009c\\u0000\\u001B[2K\\u007F\\u0085\\u2028\\u2029\\u202E",
    );
  });
});
