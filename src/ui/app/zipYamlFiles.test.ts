import { describe, expect, test } from "vitest";
import type { ZipContents } from "../share/readZip";
import { describeOpened } from "./describeOpened";
import { isKustomizationFile, zipYamlFiles } from "./zipYamlFiles";

const file = (name: string, text: string | Uint8Array) => ({
  name,
  bytes: typeof text === "string" ? new TextEncoder().encode(text) : text,
  method: 0,
  flags: 0x0800,
  crc: 0,
});

describe("zipYamlFiles", () => {
  test("opens the YAML entries in archive order and says why everything else was left out", () => {
    const contents: ZipContents = {
      files: [
        file("_cluster/gatewayclass-envoy.yaml", "kind: GatewayClass\n"),
        file("README.md", "# docs"),
        file("infra/gateway-shared.yml", "kind: Gateway\n"),
        file("kustomization.yaml", "kind: Kustomization\n"),
        file("overlays/prod/Kustomization.yml", "kind: Kustomization\n"),
        file("__MACOSX/infra/._gateway-shared.yml", "resource fork"),
        file("latin1.yaml", new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9])),
        file("logo.png", new Uint8Array([0x89, 0x50])),
      ],
      skipped: [
        {
          name: "big.yaml",
          reason: "it uses compression method 12 (only stored and deflated entries can be read)",
        },
      ],
    };
    const { files, skipped } = zipYamlFiles(contents);
    expect(files).toEqual([
      { name: "_cluster/gatewayclass-envoy.yaml", text: "kind: GatewayClass\n" },
      { name: "infra/gateway-shared.yml", text: "kind: Gateway\n" },
    ]);
    expect(skipped).toEqual([
      "big.yaml: it uses compression method 12 (only stored and deflated entries can be read)",
      "kustomization.yaml: it is kustomize build configuration, not a cluster object",
      "overlays/prod/Kustomization.yml: it is kustomize build configuration, not a cluster object",
      "latin1.yaml: it is not UTF-8 text",
      "README.md, logo.png: only .yaml and .yml files are opened",
    ]);
  });

  test("kustomization files are recognised by their base name only", () => {
    expect(
      ["kustomization.yaml", "a/b/kustomization.yml", "KUSTOMIZATION.YAML"].every(
        isKustomizationFile,
      ),
    ).toBe(true);
    expect(
      ["my-kustomization.yaml", "kustomization.yaml.bak", "kustomization/x.yaml"].some(
        isKustomizationFile,
      ),
    ).toBe(false);
  });
});

describe("describeOpened", () => {
  test("names opened files and counts zip entries in one notice, with every skipped entry", () => {
    expect(
      describeOpened([
        { name: "a.yaml", kind: "yaml", files: [{ name: "a.yaml", text: "" }], skipped: [] },
        {
          name: "ws.zip",
          kind: "zip",
          files: [
            { name: "x.yaml", text: "" },
            { name: "y.yaml", text: "" },
          ],
          skipped: [
            "kustomization.yaml: it is kustomize build configuration, not a cluster object",
          ],
        },
        { name: "notes.json", kind: "other", files: [], skipped: [] },
      ]),
    ).toEqual({
      kind: "info",
      message:
        "Added a.yaml, 2 files from ws.zip to the workspace (undo with Ctrl+Z). Skipped notes.json: only .yaml, .yml and .zip files are opened. Skipped in ws.zip: kustomization.yaml: it is kustomize build configuration, not a cluster object.",
    });
  });

  test("a damaged zip alone is an error that says nothing was added; nothing to say gives no notice", () => {
    expect(
      describeOpened([
        {
          name: "x.zip",
          kind: "unreadable",
          files: [],
          skipped: [],
          error: "it has no zip end record (not a zip archive, or cut off)",
        },
      ]),
    ).toEqual({
      kind: "error",
      message:
        "Could not open x.zip: it has no zip end record (not a zip archive, or cut off). Nothing from it was added.",
    });
    expect(describeOpened([{ name: "e.zip", kind: "zip", files: [], skipped: [] }])?.message).toBe(
      "e.zip holds no YAML files to open.",
    );
    expect(describeOpened([])).toBeUndefined();
  });

  test("a skipped list from a hostile archive shows ten entries and counts the rest", () => {
    const eleven = Array.from({ length: 11 }, (_, i) => `f${i}.yaml: it is encrypted`);
    const message = (skipped: string[]) =>
      describeOpened([{ name: "z.zip", kind: "zip", files: [], skipped }])?.message;
    expect(message(eleven.slice(0, 10))).toContain(
      `Skipped in z.zip: ${eleven.slice(0, 10).join("; ")}.`,
    );
    expect(message(eleven)).toContain(
      `Skipped in z.zip: ${eleven.slice(0, 10).join("; ")}; and 1 more.`,
    );
    const others = Array.from({ length: 5000 }, (_, i) => file(`n${i}.txt`, ""));
    expect(zipYamlFiles({ files: others, skipped: [] }).skipped).toEqual([
      `${others
        .slice(0, 10)
        .map((f) => f.name)
        .join(", ")}, and 4,990 more: only .yaml and .yml files are opened`,
    ]);
  });
});
