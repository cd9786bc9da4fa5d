import { describe, expect, test } from "vitest";
import { loadManifests } from "./loadManifests";

function route(name: string, backendRefs: string): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: apps
spec:
  parentRefs: [{name: gw}]
  rules:
    - backendRefs:
${backendRefs}
`;
}

function backendRefsOf(text: string): unknown[][] {
  return loadManifests([{ name: "routes.yaml", text }]).manifests.map((m) => {
    const rules = m.spec["rules"] as { backendRefs: unknown[] }[];
    return rules[0]?.backendRefs ?? [];
  });
}

describe("flow collections of the same text share one value within a load", () => {
  const same = "        - {name: svc, port: 80}";
  const other = "        - {name: svc, port: 81}";

  test("the same text in two documents gives the same object", () => {
    const [a, b, c] = backendRefsOf(
      [route("a", same), route("b", same), route("c", other)].join("---\n"),
    );
    expect(a?.[0]).toEqual({ name: "svc", port: 80 });
    expect(a?.[0]).toBe(b?.[0]);
    // A different text is a value of its own, read from its own text.
    expect(c?.[0]).toEqual({ name: "svc", port: 81 });
    expect(c?.[0]).not.toBe(a?.[0]);
  });

  test("at another column and in a flow list, the same text still reads alike", () => {
    const deeper = "        - backendRef-holder: x\n          ref: {name: svc, port: 80}";
    const loaded = loadManifests([
      { name: "r.yaml", text: [route("a", same), route("b", deeper)].join("---\n") },
    ]).manifests;
    const a = (loaded[0]?.spec["rules"] as { backendRefs: unknown[] }[])[0]?.backendRefs[0];
    const b = (loaded[1]?.spec["rules"] as { backendRefs: { ref: unknown }[] }[])[0]
      ?.backendRefs[0];
    expect(b?.ref).toBe(a);
    // Each document's parentRefs list `[{name: gw}]` is one shared list too.
    expect(loaded[0]?.spec["parentRefs"]).toBe(loaded[1]?.spec["parentRefs"]);
  });

  test("a new load reads afresh: nothing is kept from one load to the next", () => {
    const text = route("a", same);
    const [first] = backendRefsOf(text);
    const [second] = backendRefsOf(text);
    expect(second?.[0]).toEqual(first?.[0]);
    expect(second?.[0]).not.toBe(first?.[0]);
  });

  test("a line with other text after the collection is a line of its own, read from its text", () => {
    const commented = "        - {name: svc, port: 80} # the main backend";
    const [a, b] = backendRefsOf([route("a", same), route("b", commented)].join("---\n"));
    expect(b?.[0]).toEqual({ name: "svc", port: 80 });
    expect(b?.[0]).not.toBe(a?.[0]);
  });

  test("a repeat too deep for the quick reader is not taken from the table", () => {
    // Ten nested lists: read at the top once, then again below 58 nested mappings, where the
    // quick reader's nesting limit (64) sends the document to the full parser.
    const flow = `${"[".repeat(10)}x${"]".repeat(10)}`;
    const deep = Array.from({ length: 58 }, (_, i) => `${"  ".repeat(i)}k${i}:`).join("\n");
    const text = [
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  f: ${flow}\n`,
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n${deep.replace(/^/gm, "  ")} ${flow}\n`,
    ].join("---\n");
    const [a, b] = loadManifests([{ name: "deep.yaml", text }]).manifests;
    let inner: unknown = (b?.body["data"] as Record<string, unknown>)["k0"];
    for (let i = 1; i < 58; i++) inner = (inner as Record<string, unknown>)[`k${i}`];
    const shallow = (a?.body["data"] as Record<string, unknown>)["f"];
    expect(inner).toEqual(shallow);
    expect(inner).not.toBe(shallow);
  });
});
