import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import type { Analysis } from "../analysisTypes";
import type { Readings } from "../readings/readings";
import { worldDirective } from "../../test-utils/worldDirective";
import { candidatesFromTable } from "./candidatesFromTable";
import { backendTarget, collectCandidates, type ListenerCandidates } from "./collectCandidates";
import { compileRouter } from "./compileRouter";

const ROUTING = "src/engine/testdata/routing";
const EXAMPLES = "fixtures/examples";

function inputs(): { name: string; text: string }[] {
  const read = (dir: string, suffix: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(suffix))
      .sort()
      .map((f) => ({ name: f, text: readFileSync(`${dir}/${f}`, "utf8") }));
  return [
    ...read(ROUTING, ".in.yaml"),
    ...read(EXAMPLES, ".yaml"),
    { name: "several-matches-shared-vhost.yaml", text: SEVERAL_MATCHES },
  ];
}

/**
 * Rules with several matches (ranked by match order), and two routes whose own hostnames meet on
 * one listener hostname (the virtual host carries a reading note under either reading).
 */
const SEVERAL_MATCHES = `# world: auto
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: ns}
spec:
  gatewayClassName: gwsim
  listeners:
    - {name: http, protocol: HTTP, port: 80, hostname: abc.example.com}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: wild, namespace: ns}
spec:
  parentRefs: [{name: gw}]
  hostnames: ["*.example.com"]
  rules:
    - matches:
        - path: {type: PathPrefix, value: /a}
        - path: {type: PathPrefix, value: /a}
          method: GET
        - path: {type: Exact, value: /a}
      backendRefs: [{name: svc, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: exact, namespace: ns}
spec:
  parentRefs: [{name: gw}]
  hostnames: [abc.example.com]
  rules:
    - matches:
        - path: {type: PathPrefix, value: /a}
        - path: {type: PathPrefix, value: /a}
      backendRefs: [{name: svc, port: 80}]
`;

const READINGS: (Readings | undefined)[] = [
  undefined,
  { GatewayRouteHostnameIntersectionPrecedence: "original-hostnames" },
];

function analyzeWith(source: { name: string; text: string }, readings?: Readings): Analysis {
  const world = worldDirective(source.text);
  return analyze([source], {
    clock: () => "2026-01-01T00:00:00Z",
    ...(world !== undefined ? { world } : {}),
    ...(readings !== undefined ? { readings } : {}),
  });
}

/** Candidates as comparable data: the objects they point at are compared by identity below. */
function shape(listeners: readonly ListenerCandidates[]) {
  return listeners.map((l) => ({
    gateway: l.gateway,
    listener: l.listener,
    ready: l.ready,
    virtualHosts: l.virtualHosts.map((v) => ({
      hostname: v.hostname,
      readingNote: v.readingNote,
      dropped: v.dropped,
      candidates: v.candidates.map((c) => ({ entry: c.entry, rank: c.rank })),
    })),
  }));
}

describe("candidatesFromTable", () => {
  for (const source of inputs()) {
    for (const readings of READINGS) {
      test(`${source.name}${readings ? " (original-hostnames)" : ""}: equals collecting afresh`, () => {
        const a = analyzeWith(source, readings);
        const fresh = collectCandidates(a.gateways, a.routes, a.attachments, a.readings);
        const fromTable = candidatesFromTable(a.gateways, a.routes, a.routeTable);
        expect(fromTable).toBeDefined();
        if (fromTable === undefined) return;
        expect(shape(fromTable)).toEqual(shape(fresh));
        // The same route, rule and written match objects the router compiles from.
        fromTable.forEach((l, i) =>
          l.virtualHosts.forEach((v, j) =>
            v.candidates.forEach((c, k) => {
              const f = fresh[i]?.virtualHosts[j]?.candidates[k];
              expect(c.route).toBe(f?.route);
              expect(c.rule).toBe(f?.rule);
              expect(c.match).toBe(f?.match);
            }),
          ),
        );
        // The router compiled from the table shows the same table and keeps its entries.
        const router = compileRouter(a);
        const { routeTable: _table, ...withoutTable } = a;
        expect(router.table).toEqual(compileRouter(withoutTable).table);
        expect(router.table.listeners[0]).toBe(a.routeTable.listeners[0]);
        // Each rule's backend targets, shared from the table entries, name its own backendRefs.
        for (const gw of router.gatewayList)
          for (const port of gw.ports.values())
            for (const l of port.listeners)
              for (const v of l.virtualHostList)
                for (const c of v.all)
                  expect(c.fast.targets).toEqual(
                    c.rule.backendRefs.map((r) => (r.valid ? backendTarget(r) : undefined)),
                  );
      });
    }
  }

  test("a table from other inputs is not used", () => {
    const all = inputs();
    const a = analyzeWith(all.find((s) => s.name === "quickstart.yaml") ?? { name: "", text: "" });
    const b = analyzeWith(
      all.find((s) => s.name === "shared-gateway-two-teams.yaml") ?? { name: "", text: "" },
    );
    expect(a.routeTable.listeners.length).toBeGreaterThan(0);
    expect(candidatesFromTable(a.gateways, a.routes, b.routeTable)).toBeUndefined();
    // Same listeners, but an entry names a route the input lacks.
    expect(candidatesFromTable(a.gateways, [], a.routeTable)).toBeUndefined();
    // A table with a listener too many.
    const extra = { listeners: [...a.routeTable.listeners, ...b.routeTable.listeners] };
    expect(candidatesFromTable(a.gateways, a.routes, extra)).toBeUndefined();
  });
});
