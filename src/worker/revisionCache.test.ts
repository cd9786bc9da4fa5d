import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  analyzeRevision,
  drawnAnalysis,
  compileRouter,
  computeFixIts,
  computeIsolationLens,
  summarizeOutcome,
  traceRequest,
  type AnalyzedRevision,
  type SimRequest,
  type SourceFile,
  type WorldMode,
} from "../engine";
import { createEngineApi } from "./engineApi";
import { createRevisionCache } from "./revisionCache";
import { markerEdit } from "../test-utils/markerEdits";

const EPOCH = "2026-01-01T00:00:00Z";
const clock = () => EPOCH;
const example = (name: string): string =>
  readFileSync(new URL(`../../fixtures/examples/${name}`, import.meta.url), "utf8");
const TWO_TEAMS = example("shared-gateway-two-teams.yaml");
const shop: SimRequest = { scheme: "http", host: "shop.example.com", path: "/" };
const at = (text: string): SourceFile[] => [{ name: "workspace.yaml", text }];

describe("one analysis per revision, shared by every API", () => {
  test("the editor, the platform checks and the simulator of one text analyse it once", async () => {
    const revisions = createRevisionCache({ clock });
    const api = createEngineApi(revisions);
    api.analyze(1, at(TWO_TEAMS));
    await api.platformChecks(1, at(TWO_TEAMS));
    await api.simTrace(1, at(TWO_TEAMS), shop);
    await api.simMixTraffic(1, at(TWO_TEAMS), {
      id: "m",
      name: "m",
      templates: [{ name: "shop", request: shop, weight: 1 }],
    });
    expect(revisions.analyses).toBe(1);
    // A new revision number with the same text is the same revision; new text is a new one.
    await api.platformChecks(2, at(TWO_TEAMS));
    expect(revisions.analyses).toBe(1);
    await api.simTrace(3, at(TWO_TEAMS.replace("weight: 90", "weight: 80")), shop);
    expect(revisions.analyses).toBe(2);
  });

  test("the world and the readings are part of the key", () => {
    const revisions = createRevisionCache({ clock });
    expect(revisions.get(at(TWO_TEAMS), { world: "auto" })).toBe(
      revisions.get(at(TWO_TEAMS), { world: "auto" }),
    );
    expect(revisions.get(at(TWO_TEAMS), { world: "closed" })).not.toBe(
      revisions.get(at(TWO_TEAMS), { world: "auto" }),
    );
    expect(revisions.get(at(TWO_TEAMS), { world: "auto", readings: {} })).not.toBe(
      revisions.get(at(TWO_TEAMS), { world: "auto" }),
    );
    expect(revisions.analyses).toBe(3);
  });

  test("file names are part of the key, and text moved between files is not the same revision", () => {
    const revisions = createRevisionCache({ clock });
    const a = revisions.get([{ name: "a.yaml", text: TWO_TEAMS }]);
    expect(revisions.get([{ name: "b.yaml", text: TWO_TEAMS }])).not.toBe(a);
    expect(
      revisions.get([
        { name: "a.yaml", text: TWO_TEAMS.slice(0, 40) },
        { name: "b.yaml", text: TWO_TEAMS.slice(40) },
      ]),
    ).not.toBe(a);
  });

  test("an entry is found by its files' names and texts, not by the array that held them", () => {
    const revisions = createRevisionCache({ clock });
    const files = [{ name: "a.yaml", text: TWO_TEAMS }];
    const a = revisions.get(files);
    // Equal texts built anew (another string object) find the entry.
    expect(revisions.get([{ name: "a.yaml", text: `${TWO_TEAMS} `.slice(0, -1) }])).toBe(a);
    // The caller's array changed afterwards does not change what the entry was analysed from.
    files[0] = { name: "a.yaml", text: TWO_TEAMS.replace("name: shop", "name: shoq") };
    expect(revisions.get([{ name: "a.yaml", text: TWO_TEAMS }])).toBe(a);
    expect(revisions.get(files)).not.toBe(a);
    // Same length, one character apart: another revision.
    const flipped = TWO_TEAMS.replace("name: shop", "name: shoq");
    expect(flipped.length).toBe(TWO_TEAMS.length);
    expect(revisions.get([{ name: "a.yaml", text: flipped }])).not.toBe(a);
  });

  test("least recently used entries are evicted beyond the capacity", () => {
    const revisions = createRevisionCache({ clock, capacity: 2 });
    const texts = ["a", "b", "c"].map((n) =>
      at(TWO_TEAMS.replace("name: shop", `name: shop-${n}`)),
    );
    const first = revisions.get(texts[0]!);
    revisions.get(texts[1]!);
    expect(revisions.get(texts[0]!)).toBe(first); // touched: now the most recent
    revisions.get(texts[2]!); // evicts texts[1]
    expect(revisions.get(texts[0]!)).toBe(first);
    const before = revisions.analyses;
    revisions.get(texts[1]!);
    expect(revisions.analyses).toBe(before + 1);
  });

  test("the workspace's next revision is analysed from the last: a weight edit reuses the rest", () => {
    const revisions = createRevisionCache({ clock });
    const first = revisions.get(at(TWO_TEAMS)).analysed.analysis;
    const text = TWO_TEAMS.replace("weight: 90", "weight: 80");
    const second = revisions.get(at(text)).analysed.analysis;
    expect(second).toEqual(analyzeRevision(at(text), { clock }).analysis);
    // Reused by reference: what the edit did not touch is not rebuilt.
    expect(second.gateways).toBe(first.gateways);
    expect(second.explain).toBe(first.explain);
    expect(second.routes).not.toBe(first.routes);
    // A what-if baseline neither reads nor replaces the workspace's last revision.
    const baseline = revisions.get(
      at(TWO_TEAMS.replace("weight: 90", "weight: 70")),
      {},
      { workspace: false },
    );
    expect(baseline.analysed.analysis.gateways).not.toBe(first.gateways);
  });

  test("a fresh keystroke in a hostname under a wildcard listener (the UI bench's) reuses the rest", () => {
    const route = (n: number) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r${n}
spec:
  parentRefs:
    - name: gw
  hostnames:
    - "app${n}.example.com"
  rules:
    - backendRefs:
        - name: svc
          port: 80
`;
    const yaml = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  gatewayClassName: c
  listeners:
    - name: web
      protocol: HTTP
      port: 80
      hostname: "*.example.com"
---
apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  ports:
    - port: 80
${[1, 2, 3, 4].map(route).join("")}`;
    const cut = yaml.indexOf("app2") + "app2".length;
    const revisions = createRevisionCache({ clock });
    let previous = revisions.get(at(yaml)).analysed.analysis;
    // '-' breaks the label (a validation diagnostic on the route), a letter mends it.
    for (const typed of ["-", "-a", "-a-"]) {
      const text = yaml.slice(0, cut) + typed + yaml.slice(cut);
      const next = revisions.get(at(text)).analysed.analysis;
      expect(next).toEqual(analyzeRevision(at(text), { clock }).analysis);
      // What the keystroke did not touch is the previous revision's object: the delta stops there.
      expect(next.gateways).toBe(previous.gateways);
      expect(next.objects).toBe(previous.objects);
      expect(next.graph.edgeChunks).toBe(previous.graph.edgeChunks);
      expect(
        next.routeTable.listeners.filter((l, i) => l !== previous.routeTable.listeners[i]),
      ).toHaveLength(1);
      previous = next;
    }
  });

  test("beside a BackendTLSPolicy and a GRPCRoute that the edited route never meets, keystrokes reuse the rest", () => {
    // A policy naming a Service no route reaches and a GRPCRoute on a Gateway of its own
    // (backendTlsReach.ts, kindClash.ts).
    const route = (n: number) => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r${n}
spec:
  parentRefs:
    - name: gw
  hostnames:
    - "app${n}.example.com"
  rules:
    - backendRefs:
        - name: svc
          port: 80
`;
    const yaml = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  gatewayClassName: c
  listeners:
    - name: web
      protocol: HTTP
      port: 80
      hostname: "*.example.com"
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: rpc
spec:
  gatewayClassName: c
  listeners:
    - name: grpc
      protocol: HTTP
      port: 50051
---
apiVersion: v1
kind: Service
metadata:
  name: svc
spec:
  ports:
    - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: tls-only
spec:
  ports:
    - port: 443
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: tls-only
spec:
  targetRefs:
    - group: ""
      kind: Service
      name: tls-only
  validation:
    wellKnownCACertificates: System
    hostname: tls-only.example.com
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata:
  name: rpc
spec:
  parentRefs:
    - name: rpc
  rules:
    - backendRefs:
        - name: tls-only
          port: 443
${[1, 2, 3, 4].map(route).join("")}`;
    const host = yaml.indexOf("app2") + "app2".length;
    const port = yaml.indexOf("port: 80", host) + "port: 80".length;
    const revisions = createRevisionCache({ clock });
    let previous = revisions.get(at(yaml)).analysed.analysis;
    const keystrokes = [
      yaml.slice(0, host) + "a" + yaml.slice(host),
      yaml.slice(0, host) + "ab" + yaml.slice(host),
      yaml.slice(0, port) + "8" + yaml.slice(port),
      yaml.slice(0, port - 1) + yaml.slice(port),
    ];
    for (const text of keystrokes) {
      const next = revisions.get(at(text)).analysed.analysis;
      expect(next).toEqual(analyzeRevision(at(text), { clock }).analysis);
      // Reused, not analysed afresh: the untouched parts are the previous revision's objects.
      expect(next.gateways).toBe(previous.gateways);
      expect(next.objects).toBe(previous.objects);
      previous = next;
    }
  });

  test("Enter, Backspace, a pasted block and a comment line move later documents: the rest is reused", () => {
    // The broken example has diagnostics in its later documents, which every edit below moves.
    const yaml = example("broken-on-purpose.yaml");
    const lines = yaml.split("\n");
    const middle = Math.floor(lines.length / 2);
    const withLine = (at: number, line: string) =>
      [...lines.slice(0, at), line, ...lines.slice(at)].join("\n");
    const texts = [
      withLine(2, ""),
      yaml,
      withLine(middle, "# a note"),
      withLine(middle, "# one\n# two\n# three"),
      yaml,
    ];
    const revisions = createRevisionCache({ clock, capacity: 1 });
    let previous = revisions.get(at(yaml)).analysed;
    for (const text of texts) {
      const next = revisions.get(at(text)).analysed;
      const fresh = analyzeRevision(at(text), { clock });
      expect(next.analysis).toEqual(fresh.analysis);
      expect(computeFixIts(next)).toEqual(computeFixIts(fresh));
      // Reused by reference: the incremental pass took the edit.
      expect(next.analysis.gateways).toBe(previous.analysis.gateways);
      previous = next;
    }
  });

  test("a backendRef's Service name typed letter by letter through missing names is reused", () => {
    // Each intermediate spelling names a Service the input lacks, whose finding, ResolvedRefs
    // condition and ghost node come and go (routeDiagnostics.ts, ghostNodes.ts) while the
    // Gateways' status is the previous revision's.
    const route = (n: number, backend = "svc") => `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: r${n}
spec:
  parentRefs:
    - name: gw
  hostnames:
    - "app${n}.example.com"
  rules:
    - backendRefs:
        - name: ${backend}
          port: 80
`;
    const service = (name: string) => `---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  ports:
    - port: 80
`;
    const text = (backend: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
spec:
  gatewayClassName: c
  listeners:
    - name: web
      protocol: HTTP
      port: 80
${service("svc")}${service("canary")}${route(1)}${route(2, backend)}${route(3, "sv")}${route(4)}`;
    const names = ["sv", "s", "", "c", "ca", "can", "cana", "canar", "canary", "svc"];
    const revisions = createRevisionCache({ clock });
    let previous = revisions.get(at(text("svc"))).analysed.analysis;
    for (const name of names) {
      const next = revisions.get(at(text(name))).analysed.analysis;
      expect(next).toEqual(analyzeRevision(at(text(name)), { clock }).analysis);
      expect(next.gateways).toBe(previous.gateways);
      previous = next;
    }
  });

  test("derived results (router, fix-its, lens) are computed once per revision", () => {
    const cached = createRevisionCache({ clock }).get(at(example("broken-on-purpose.yaml")));
    const router = (analysed: AnalyzedRevision) => compileRouter(analysed.analysis);
    let runs = 0;
    const counted = (analysed: AnalyzedRevision) => {
      runs += 1;
      return computeFixIts(analysed);
    };
    expect(cached.derived(router)).toBe(cached.derived(router));
    expect(cached.derived(counted)).toBe(cached.derived(counted));
    expect(runs).toBe(1);
    expect(cached.derived(computeIsolationLens)).toBe(cached.derived(computeIsolationLens));
    // Another derivation is another result, not the first one's.
    expect(cached.derived(computeFixIts)).not.toBe(cached.derived(counted));
    expect(cached.derived(computeFixIts)).toEqual(cached.derived(counted));
  });
});

/**
 * The proof the cache is safe: after any sequence of edits (and world switches), in any order of
 * calls, what the worker answers equals a fresh computation on the same text with no cache at all.
 */
describe("cached results equal a fresh computation after random edit sequences", () => {
  const bases = [
    "shared-gateway-two-teams.yaml",
    "external-vs-internal-isolation.yaml",
    "broken-on-purpose.yaml",
    "cross-namespace-backend-with-referencegrant.yaml",
  ].map(example);

  type Edit = (text: string) => string;
  const documents = (text: string) => text.split(/^---$/m);
  const edit = fc.oneof(
    // A weight (or any number) changed: the keystroke the incremental path cares most about.
    fc.nat({ max: 99 }).map(
      (n): Edit =>
        (t) =>
          t.replace(/weight: \d+/, `weight: ${n}`),
    ),
    fc.nat({ max: 99 }).map(
      (n): Edit =>
        (t) =>
          t.replace(/(weight: \d+[\s\S]*?)weight: \d+/, `$1weight: ${n}`),
    ),
    // A hostname edited.
    fc.constantFrom("shop", "api", "internal").map(
      (h): Edit =>
        (t) =>
          t.replace(/([a-z]+)\.example\.com/, `${h}.example.com`),
    ),
    // A document deleted or duplicated.
    fc.nat().map((i): Edit => (t) => {
      const d = documents(t);
      d.splice(i % d.length, 1);
      return d.join("---");
    }),
    fc.nat().map((i): Edit => (t) => {
      const d = documents(t);
      d.splice(i % d.length, 0, d[i % d.length] ?? "");
      return d.join("---");
    }),
    // A half-typed character somewhere (syntax errors included).
    fc.tuple(fc.nat(), fc.constantFrom(":", " ", "-", "x", "\n", "[", '"')).map(
      ([i, c]): Edit =>
        (t) =>
          t.slice(0, i % (t.length + 1)) + c + t.slice(i % (t.length + 1)),
    ),
    // Enter (a blank, indented or comment line), a block of lines pasted again, two documents
    // swapped: later documents move (incremental/shiftLocations.ts).
    fc.tuple(fc.nat(), fc.constantFrom("", "    ", "# note")).map(([i, line]): Edit => (t) => {
      const lines = t.split("\n");
      lines.splice(i % lines.length, 0, line);
      return lines.join("\n");
    }),
    fc.nat().map((i): Edit => (t) => {
      const lines = t.split("\n");
      const at = i % lines.length;
      lines.splice(at, 0, ...lines.slice(at, at + 3));
      return lines.join("\n");
    }),
    fc.nat().map((i): Edit => (t) => {
      const d = documents(t);
      if (d.length < 2) return t;
      const k = i % (d.length - 1);
      [d[k], d[k + 1]] = [d[k + 1] ?? "", d[k] ?? ""];
      return d.join("---");
    }),
    // A `---` typed at the start of a line (a document split, or a new empty one: the later
    // documents renumbered), or one deleted (two documents joined).
    markerEdit,
    // A line deleted.
    fc.nat().map((i): Edit => (t) => {
      const lines = t.split("\n");
      lines.splice(i % lines.length, 1);
      return lines.join("\n");
    }),
  );
  const call = fc.constantFrom("analyze", "platformChecks", "simTrace");
  const step = fc.record({
    edit,
    world: fc.constantFrom<WorldMode>("auto", "closed"),
    calls: fc.shuffledSubarray(["analyze", "platformChecks", "simTrace"] as const, {
      minLength: 1,
    }),
    extra: call,
  });

  test("analysis, platform checks and traces", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: bases.length - 1 }),
        fc.array(step, { minLength: 1, maxLength: 4 }),
        async (base, steps) => {
          const api = createEngineApi(createRevisionCache({ clock, capacity: 3 }));
          let text = bases[base]!;
          for (const [revision, s] of steps.entries()) {
            text = s.edit(text);
            const sources = at(text);
            // The world is the worker's setting: the analysis call sends it, the others follow it.
            api.analyze(revision, sources, s.world);
            const fresh = analyzeRevision(at(text), { clock, world: s.world });
            for (const name of [...s.calls, s.extra]) {
              if (name === "analyze")
                expect(api.analyze(revision, sources, s.world).analysis).toEqual(
                  drawnAnalysis(fresh.analysis),
                );
              if (name === "platformChecks") {
                expect(await api.platformChecks(revision, sources)).toEqual({
                  revision,
                  findings: fresh.analysis.lint,
                  fixIts: computeFixIts(fresh),
                  lens: computeIsolationLens(fresh),
                });
              }
              if (name === "simTrace") {
                const trace = traceRequest(compileRouter(fresh.analysis), shop);
                expect(await api.simTrace(revision, sources, shop)).toEqual({
                  revision,
                  request: shop,
                  trace,
                  summary: summarizeOutcome(trace),
                });
              }
            }
          }
        },
      ),
      { numRuns: 12, seed: 1101 },
    );
    // Each step also analyses the text afresh (the oracle): slow on a loaded machine.
  }, 60_000);
});
