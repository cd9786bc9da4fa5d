import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { MAX_DATA_BYTES } from "./dataSizeBound";

const configMap = (value: string) => `apiVersion: v1
kind: ConfigMap
metadata: {name: big, namespace: app}
data:
  k: ${value}
`;
const tooLarge = (text: string) =>
  analyze([{ name: "in.yaml", text }]).diagnostics.filter(
    (d) => d.code === "schema.length" && d.message.includes("1 MiB"),
  );

describe("Secret and ConfigMap data over 1 MiB", () => {
  test("a ConfigMap one byte over the limit (key and value counted): a located error", () => {
    const found = tooLarge(configMap("x".repeat(MAX_DATA_BYTES)));
    expect(found.map((d) => [d.severity, d.path, d.line])).toEqual([["error", "data", 4]]);
    expect(found[0]?.message).toBe(
      "data: the ConfigMap holds 1,048,577 bytes of data; the API server refuses more than 1,048,576 (1 MiB), so the apply fails.",
    );
  });

  test("a ConfigMap exactly at the limit, and multi-byte characters counted as bytes", () => {
    expect(tooLarge(configMap("x".repeat(MAX_DATA_BYTES - 1)))).toEqual([]);
    // 349,526 three-byte characters: 1,048,578 bytes with the key, though fewer characters.
    expect(tooLarge(configMap("€".repeat(349_526)))).toHaveLength(1);
  });

  test("a Secret counts decoded data and stringData", () => {
    const secret = (field: string, value: string) => `apiVersion: v1
kind: Secret
metadata: {name: big, namespace: app}
${field}:
  k: ${value}
`;
    // 1,048,577 bytes of base64 "A"s decode to 786,432 bytes: under the limit.
    expect(tooLarge(secret("data", "A".repeat(MAX_DATA_BYTES + 3)))).toEqual([]);
    expect(tooLarge(secret("data", "A".repeat(1_398_104)))).toHaveLength(1);
    expect(tooLarge(secret("stringData", "x".repeat(MAX_DATA_BYTES + 1)))).toHaveLength(1);
  });
});
