import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeRevision } from "../analyze";
import { computeIsolationLens } from "./computeIsolationLens";
import type { IsolationLens } from "./isolationTypes";

const TEMPLATE = readFileSync(
  new URL("../../../fixtures/examples/external-vs-internal-isolation.yaml", import.meta.url),
  "utf8",
);
const lensOf = (text: string): IsolationLens =>
  computeIsolationLens(analyzeRevision([{ name: "iso.yaml", text }]));
const cell = (lens: IsolationLens, namespace: string, listener: string) =>
  lens.cells.find((c) => c.namespace === namespace && c.listener === listener);
const PUBLIC = "Gateway/gw-external/public#https";
const PRIVATE = "Gateway/gw-internal/private#https";

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

describe("computeIsolationLens on the external-vs-internal template", () => {
  const lens = lensOf(TEMPLATE);

  it("lists both domains, every namespace and both listeners with their selectors", () => {
    expect(lens.domains).toEqual(["external", "internal"]);
    expect(lens.namespaces.map((n) => n.name)).toEqual([
      "gw-external",
      "gw-internal",
      "ledger",
      "storefront",
    ]);
    expect(lens.namespaces.find((n) => n.name === "gw-external")?.gatewayDomains).toEqual([
      "external",
    ]);
    expect(lens.listeners.map((l) => [l.id, l.domain, l.hostname, l.from, l.selector])).toEqual([
      [PUBLIC, "external", "*.example.com", "Selector", "exposure=external"],
      [PRIVATE, "internal", "*.example.internal", "Selector", "exposure=internal"],
    ]);
  });

  it("admits each app namespace only on its own domain, with the reason from the admission check", () => {
    expect(cell(lens, "storefront", PUBLIC)?.allowed).toBe(true);
    expect(cell(lens, "storefront", PRIVATE)).toMatchObject({
      allowed: false,
      failedAt: "namespace",
    });
    const refused = cell(lens, "ledger", PUBLIC);
    expect(refused).toMatchObject({ allowed: false, failedAt: "namespace" });
    expect(refused?.detail).toContain("requires exposure=external, has exposure=internal");
    expect(refused?.routes).toEqual([
      {
        route: "HTTPRoute/ledger/ledger-on-public",
        attached: false,
        failedCheck: "namespace",
        detail: refused?.detail,
      },
    ]);
    expect(cell(lens, "ledger", PRIVATE)?.routes).toEqual([
      { route: "HTTPRoute/ledger/ledger", attached: true },
    ]);
  });

  it("finds no leak in the template as shipped", () => {
    expect(lens.leaks).toEqual([]);
  });
});

describe("isolation leaks (each a one-line change to the template)", () => {
  it("an external wildcard that covers the internal domain", () => {
    const lens = lensOf(
      replaceOnce(TEMPLATE, 'hostname: "*.example.internal"', 'hostname: "*.internal.example.com"'),
    );
    expect(lens.leaks.map((l) => l.kind)).toEqual(["wildcard-covers-other-domain"]);
    expect(lens.leaks[0]?.message).toContain("(*.example.com) also covers *.internal.example.com");
    expect(lens.leaks[0]?.listeners).toEqual([PUBLIC, PRIVATE]);
  });

  it("a listener open to All lets the internal namespace publish externally, and a route attached to both domains", () => {
    const open = replaceOnce(
      TEMPLATE,
      `          from: Selector
          selector:
            matchLabels:
              exposure: external`,
      "          from: All",
    );
    const lens = lensOf(open);
    expect(
      lens.leaks.filter((l) => l.kind === "namespace-open-to-domains").map((l) => l.namespace),
    ).toEqual(["ledger"]);
    expect(cell(lens, "ledger", PUBLIC)?.routes).toEqual([
      { route: "HTTPRoute/ledger/ledger-on-public", attached: true },
    ]);
    const both = replaceOnce(
      open,
      `    - name: private
      namespace: gw-internal
`,
      `    - name: private
      namespace: gw-internal
    - name: public
      namespace: gw-external
`,
    ).replace(
      "    - ledger.example.internal\n",
      "    - ledger.example.internal\n    - ledger.example.com\n",
    );
    const spans = lensOf(both).leaks.filter((l) => l.kind === "route-spans-domains");
    expect(spans.map((l) => l.objects[0])).toEqual(["HTTPRoute/ledger/ledger"]);
    expect(spans[0]?.message).toContain(
      "2 domains: internal (gw-internal/private) and external (gw-external/public)",
    );
  });

  it("a NetworkPolicy that blocks the Gateway that carries the route, and one that admits the other domain", () => {
    // ledger moves to the external domain; its NetworkPolicy still admits only the internal Gateway.
    const moved = replaceOnce(
      TEMPLATE,
      "  name: ledger\n  labels:\n    exposure: internal",
      "  name: ledger\n  labels:\n    exposure: external",
    );
    const kinds = lensOf(moved).leaks.map((l) => `${l.kind} ${l.objects.slice(0, 3).join(" ")}`);
    expect(kinds).toEqual([
      "network-policy-blocks HTTPRoute/ledger/ledger-on-public Gateway/gw-external/public Service/ledger/api",
      "network-policy-open Service/ledger/api NetworkPolicy/ledger/allow-internal-gateway",
    ]);
  });

  it("a backend namespace without any NetworkPolicy is reported once, as information", () => {
    const bare = TEMPLATE.slice(0, TEMPLATE.indexOf("# Only the external Gateway"));
    const leaks = lensOf(bare).leaks;
    expect(leaks.map((l) => [l.kind, l.severity, l.objects[0]])).toEqual([
      ["network-policy-missing", "info", "Service/storefront/web"],
      ["network-policy-missing", "info", "Service/ledger/api"],
    ]);
  });
});

describe("the lens reads the analysed revision", () => {
  it("asks its questions of the listener states the status stage settled, and rebuilds none", () => {
    const revision = analyzeRevision([{ name: "iso.yaml", text: TEMPLATE }]);
    // The status stage's own states: the lens lists exactly those listeners, in that order.
    const settled = [...revision.listeners.values()].flatMap((g) =>
      g.listeners.map((l) => `${l.owner.key}#${l.name}`),
    );
    expect(computeIsolationLens(revision).listeners.map((l) => l.id)).toEqual(settled);
    // Without them it has nothing to ask: it does not rebuild listeners on its own.
    expect(computeIsolationLens({ ...revision, listeners: new Map() }).listeners).toEqual([]);
  });

  it("includes the listeners of a Gateway no controller reconciles, as the status stage described them", () => {
    const orphan = TEMPLATE.replace("gatewayClassName: internal", "gatewayClassName: nowhere");
    expect(orphan).not.toBe(TEMPLATE);
    const revision = analyzeRevision([{ name: "iso.yaml", text: orphan }], { world: "closed" });
    expect(
      revision.analysis.gateways.find((g) => g.key === "Gateway/gw-internal/private")?.reconciled,
    ).toBe(false);
    expect(computeIsolationLens(revision).listeners.map((l) => [l.id, l.domain])).toContainEqual([
      PRIVATE,
      "nowhere",
    ]);
  });
});
