import { describe, expect, test } from "vitest";
import type { ResolvedBackendRef } from "../types";
import { backendTarget, createTargetNames } from "./collectCandidates";

const ref = (namespace: string, name: string, port?: number): ResolvedBackendRef => ({
  index: 0,
  group: "",
  kind: "Service",
  namespace,
  name,
  weight: 1,
  valid: true,
  filters: [],
  ...(port === undefined ? {} : { port }),
});

describe("createTargetNames", () => {
  const refs = [
    ref("a", "web", 80),
    ref("a", "web", 8080),
    ref("a", "web"),
    ref("b", "web", 80),
    ref("a", "api", 80),
    // Names that would collide if the parts were simply joined.
    ref("a/web", "x", 80),
    ref("a", "web/x", 80),
    ref("constructor", "__proto__", 0),
  ];
  test("names every backend as backendTarget does", () => {
    const name = createTargetNames();
    for (const r of [...refs, ...refs]) expect(name(r)).toBe(backendTarget(r));
  });
  test("a remembered name never answers for another backend", () => {
    const name = createTargetNames();
    for (const r of refs) name(r);
    for (const r of [...refs].reverse()) expect(name({ ...r })).toBe(backendTarget(r));
  });
});
