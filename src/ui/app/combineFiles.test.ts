import { describe, expect, test } from "vitest";
import { parseAllDocuments } from "yaml";
import { appendFiles, combineFiles, isYamlFileName } from "./combineFiles";

describe("combineFiles", () => {
  test("a file name never leaves its comment line: line breaks and controls are escaped", () => {
    // A zip entry name crafted to add an object to the workspace.
    const name =
      "evil.yaml\nkind: Namespace\r\nmetadata: {name: injected}\u2028\u0085\u202Elmay.yaml";
    const text = combineFiles([{ name, text: "kind: Service\n" }]);
    expect(text.split("\n")[0]).toBe(
      "# file: evil.yaml\\u000Akind: Namespace\\u000D\\u000Ametadata: {name: injected}\\u2028\\u0085\\u202Elmay.yaml",
    );
    expect(parseAllDocuments(text).map((d) => d.toJS() as unknown)).toEqual([{ kind: "Service" }]);
  });

  test("each file becomes documents after a `# file:` comment, separated by ---", () => {
    expect(
      combineFiles([
        { name: "gw.yaml", text: "kind: Gateway\n" },
        { name: "routes.yml", text: "---\nkind: HTTPRoute\n---\nkind: Service" },
      ]),
    ).toBe(
      "# file: gw.yaml\nkind: Gateway\n---\n# file: routes.yml\nkind: HTTPRoute\n---\nkind: Service\n",
    );
  });

  test("appending keeps the current text unchanged in front", () => {
    const current = "# mine\nkind: Gateway";
    const result = appendFiles(current, [{ name: "b.yaml", text: "kind: Service\n" }]);
    expect(result.startsWith(current)).toBe(true);
    expect(result).toBe("# mine\nkind: Gateway\n---\n# file: b.yaml\nkind: Service\n");
  });

  test("appending to an empty workspace gives just the files; no files changes nothing", () => {
    expect(appendFiles("  \n", [{ name: "a.yaml", text: "x: 1\n" }])).toBe(
      "# file: a.yaml\nx: 1\n",
    );
    expect(appendFiles("kind: A\n", [])).toBe("kind: A\n");
  });

  test("a file that already starts with its own `# file:` comment keeps just that one", () => {
    expect(
      combineFiles([{ name: "infra/gw.yaml", text: "# file: infra/gw.yaml\nkind: Gateway\n" }]),
    ).toBe("# file: infra/gw.yaml\nkind: Gateway\n");
    expect(combineFiles([{ name: "b.yaml", text: "# file: a.yaml\nkind: Gateway\n" }])).toBe(
      "# file: b.yaml\n# file: a.yaml\nkind: Gateway\n",
    );
  });

  test("only .yaml/.yml names count as YAML files", () => {
    expect(["a.yaml", "B.YML", "c.yml"].every(isYamlFileName)).toBe(true);
    expect(["a.json", "yaml", "a.yaml.txt"].some(isYamlFileName)).toBe(false);
  });
});
