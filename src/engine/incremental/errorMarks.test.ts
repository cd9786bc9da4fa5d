/**
 * An edit that changes only which error an object's node shows (a field the typed view drops)
 * must not keep revision n's node: found by the incremental differential fuzzer (fuzz24).
 */
import { describe, expect, test } from "vitest";
import { analyzeRevision } from "../analyze";
import { createParseCache } from "../load/parseCache";
import type { SourceFile } from "../types";

const clock = () => "2026-01-01T00:00:00Z";
const at = (text: string): SourceFile[] => [{ name: "workspace.yaml", text }];

const route = (metadata: string, backend: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: reviews
  namespace: bookinfo
${metadata}spec:
  parentRefs: 1.5
  rules:
    - backendRefs:
        - name: reviews-v1
          port: 9080
${backend}`;

/** Revision n, then n+1 analysed from it (the incremental pass when it applies), and fresh. */
function nodesAfterEdit(before: string, after: string) {
  const parseCache = createParseCache();
  const previous = analyzeRevision(at(before), { clock, parseCache });
  const edited = analyzeRevision(at(after), { clock, parseCache, previous });
  const fresh = analyzeRevision(at(after), { clock });
  const nodes = (r: typeof fresh) =>
    r.analysis.graph.nodes.map((n) => `${n.id} ${n.status} ${n.reason ?? ""} ${n.message ?? ""}`);
  return { edited: nodes(edited), fresh: nodes(fresh) };
}

describe("error marks on graph nodes after an edit", () => {
  test("an error written above the first one becomes the node's error", () => {
    const { edited, fresh } = nodesAfterEdit(route("", ""), route("  annotations: 0\n", ""));
    expect(fresh.join("\n")).toContain("schema.type metadata.annotations");
    expect(edited).toEqual(fresh);
  });
});
