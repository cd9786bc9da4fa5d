/**
 * Every scenario template in fixtures/examples/ loads and shows, in the UI, the status it was
 * written to show. The expectations below are written by hand from each file's header comment
 * (what it shows, what is broken on purpose), not read back from the engine: a template or an
 * engine change that alters what a user sees fails here. A new template without a row fails too.
 */
import { readdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CanvasPage, slug } from "./pages/CanvasPage";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";
const EXAMPLES = new URL("../fixtures/examples/", import.meta.url);

interface TemplateExpectation {
  /** Green parent edges: a route attached to a listener (one edge per listener), or accepted by a Service parent. */
  attached: number;
  /** Red parent edges, by graph edge id, with the reason drawn on the edge. */
  rejected: Record<string, string>;
  /** backendRefs drawn green. */
  backends: number;
  /** backendRefs drawn amber: valid, but in a rule the route cannot use. */
  degradedBackends: number;
  /** backendRefs drawn red, by graph edge id, with the reason drawn on the edge. */
  brokenBackends: Record<string, string>;
  /** Policy → target edges (all resolved in the templates). */
  policies: number;
  /** Ingress → Service edges drawn green (one per Service an Ingress routes to). */
  ingressBackends?: number;
  /** The attachedRoutes count on each listener row: "Gateway/ns/name listener" → count. */
  listeners: Record<string, number>;
  /** Node status pills that must show, by ResourceKey. */
  nodes: Record<string, "ok" | "error" | "warning" | "unknown" | "missing">;
  /** Nodes marked "≠ status": the controller's status in the input differs from gwsim's. */
  drift: string[];
  /** The Problems panel's counts. */
  errors: number;
  warnings: number;
  /** Problem rows that must be listed (matched against the row's text). */
  problems: RegExp[];
}

const EXPECTED: Record<string, TemplateExpectation> = {
  // One route, one listener, one Service; nothing to complain about.
  quickstart: {
    attached: 1,
    rejected: {},
    backends: 1,
    degradedBackends: 0,
    brokenBackends: {},
    policies: 0,
    listeners: { "Gateway/default/web http": 1 },
    nodes: { "HTTPRoute/default/hello": "ok", "Gateway/default/web": "ok" },
    drift: [],
    errors: 0,
    warnings: 0,
    problems: [],
  },
  // Both team routes attach to both listeners (http and https) through the namespace label selector;
  // store has three rules (api, static, default), shop a header canary plus a 90/10 split.
  "shared-gateway-two-teams": {
    attached: 4,
    rejected: {},
    backends: 6,
    degradedBackends: 0,
    brokenBackends: {},
    policies: 0,
    listeners: { "Gateway/infra/shared http": 2, "Gateway/infra/shared https": 2 },
    nodes: { "HTTPRoute/team-a/store": "ok", "HTTPRoute/team-b/shop": "ok" },
    drift: [],
    errors: 0,
    warnings: 0,
    problems: [],
  },
  // Each domain's route attaches to its own Gateway; ledger's attempt on the external one is refused.
  "external-vs-internal-isolation": {
    attached: 2,
    rejected: { "parent:HTTPRoute/ledger/ledger-on-public:0": "NotAllowedByListeners" },
    backends: 3,
    degradedBackends: 0,
    brokenBackends: {},
    policies: 0,
    listeners: { "Gateway/gw-external/public https": 1, "Gateway/gw-internal/private https": 1 },
    nodes: {
      "HTTPRoute/storefront/shop": "ok",
      "HTTPRoute/ledger/ledger": "ok",
      "HTTPRoute/ledger/ledger-on-public": "error",
    },
    drift: [],
    errors: 1,
    warnings: 0,
    problems: [/HTTPRoute ledger\/ledger-on-public is not attached to gw-external\/public/],
  },
  // One Gateway and one route per line; the e-commerce route's /checkout call into payments is granted.
  "business-lines": {
    attached: 3,
    rejected: {},
    backends: 4,
    degradedBackends: 0,
    brokenBackends: {},
    policies: 0,
    listeners: {
      "Gateway/gw-ecommerce/ecommerce http": 1,
      "Gateway/gw-payments/payments http": 1,
      "Gateway/gw-operations/operations http": 1,
    },
    nodes: {
      "HTTPRoute/ecommerce-web/web": "ok",
      "HTTPRoute/payments-api/checkout": "ok",
      "HTTPRoute/operations-tools/dashboard": "ok",
    },
    drift: [],
    errors: 0,
    warnings: 0,
    problems: [],
  },
  // The cross-namespace backendRef to backend/api is allowed by the ReferenceGrant: both backends green.
  "cross-namespace-backend-with-referencegrant": {
    attached: 1,
    rejected: {},
    backends: 2,
    degradedBackends: 0,
    brokenBackends: {},
    policies: 0,
    listeners: { "Gateway/frontend/edge http": 1 },
    nodes: { "HTTPRoute/frontend/app": "ok", "Service/backend/api": "ok" },
    drift: [],
    errors: 0,
    warnings: 0,
    problems: [],
  },
  // One GRPCRoute, three rules (catalog v1, the GetProduct header canary to v2, orders).
  "grpc-method-routing-with-header-canary": {
    attached: 1,
    rejected: {},
    backends: 3,
    degradedBackends: 0,
    brokenBackends: {},
    policies: 0,
    listeners: { "Gateway/catalog/grpc grpc": 1 },
    nodes: { "GRPCRoute/catalog/catalog": "ok" },
    drift: [],
    errors: 0,
    warnings: 0,
    problems: [],
  },
  // No Gateway: the route's parent is the Service reviews (accepted); jason's rule plus a 90/10 split.
  "mesh-route-with-service-parent": {
    attached: 1,
    rejected: {},
    backends: 3,
    degradedBackends: 0,
    brokenBackends: {},
    policies: 0,
    listeners: {},
    nodes: { "HTTPRoute/bookinfo/reviews": "ok", "Service/bookinfo/reviews": "ok" },
    drift: [],
    errors: 0,
    warnings: 0,
    problems: [],
  },
  // Both TLSRoutes attach to the passthrough listener by sectionName.
  "tls-passthrough": {
    attached: 2,
    rejected: {},
    backends: 2,
    degradedBackends: 0,
    brokenBackends: {},
    policies: 0,
    listeners: { "Gateway/infra/passthrough tls": 2 },
    nodes: { "TLSRoute/vault/vault": "ok", "TLSRoute/registry/registry": "ok" },
    drift: [],
    errors: 0,
    warnings: 0,
    problems: [],
  },
  // Two routes on one listener; four targetRef links (EnvoyProxy → class, ClientTrafficPolicy →
  // Gateway, BackendTrafficPolicy → api, SecurityPolicy → admin), all resolved.
  "envoy-gateway-policies": {
    attached: 2,
    rejected: {},
    backends: 2,
    degradedBackends: 0,
    brokenBackends: {},
    policies: 4,
    listeners: { "Gateway/apps/eg http": 2 },
    // gwsim writes no status for vendor policies (it keeps them verbatim): "No status", not an error.
    nodes: {
      "HTTPRoute/apps/api": "ok",
      "ClientTrafficPolicy/apps/client-defaults": "unknown",
      "BackendTrafficPolicy/apps/api-resilience": "unknown",
      "SecurityPolicy/apps/admin-auth": "unknown",
    },
    drift: [],
    errors: 0,
    warnings: 0,
    problems: [],
  },
  // 1. orders → payments/checkout without a grant: accepted, that backend red with RefNotPermitted.
  // 2. blog asks for blog.example.org: refused with NoMatchingListenerHostname.
  // 3. legacy writes `type: Prefix`: a schema error; its only rule is invalid, so the route is
  //    refused too (Accepted=False, UnsupportedValue) and its backend edge is amber.
  // A GitOps folder: no GatewayClass, Services or Secrets in it. The auto world assumes them, so
  // HTTP redirects and HTTPS serves the 90/10 storefront and /api; nothing is an error or warning.
  "gitops-slice": {
    attached: 2,
    rejected: {},
    backends: 3,
    degradedBackends: 0,
    brokenBackends: {},
    policies: 0,
    listeners: { "Gateway/shop/public http": 1, "Gateway/shop/public https": 1 },
    nodes: {
      "HTTPRoute/shop/storefront": "ok",
      "HTTPRoute/shop/redirect-to-https": "ok",
      "Gateway/shop/public": "ok",
    },
    drift: [],
    errors: 0,
    warnings: 0,
    problems: [],
  },
  // Four ingress-nginx Ingresses of class nginx, each drawn with an edge to every Service it routes
  // to (seven Services, all in the file); no backendRef and nothing for Gateway API to attach yet.
  "ingress-nginx-migration": {
    attached: 0,
    rejected: {},
    backends: 0,
    ingressBackends: 7,
    degradedBackends: 0,
    brokenBackends: {},
    policies: 0,
    listeners: {},
    nodes: {
      "Ingress/shop/shop": "ok",
      "Ingress/docs/docs": "ok",
      "Service/shop/storefront": "ok",
    },
    drift: [],
    errors: 0,
    warnings: 0,
    problems: [],
  },
  "broken-on-purpose": {
    attached: 1,
    rejected: {
      "parent:HTTPRoute/shop/blog:0": "NoMatchingListenerHostname",
      "parent:HTTPRoute/shop/legacy:0": "UnsupportedValue",
    },
    backends: 2,
    degradedBackends: 1,
    brokenBackends: { "backend:HTTPRoute/shop/orders:0:0": "RefNotPermitted" },
    policies: 0,
    listeners: { "Gateway/shop/public http": 1 },
    nodes: {
      "HTTPRoute/shop/blog": "error",
      "HTTPRoute/shop/legacy": "error",
      "HTTPRoute/shop/orders": "warning",
    },
    drift: [],
    errors: 4,
    warnings: 0,
    problems: [
      /HTTPRoute shop\/orders rule 0: backendRef Service payments\/checkout:8080: no ReferenceGrant/,
      /HTTPRoute shop\/blog is not attached to shop\/public/,
      /HTTPRoute shop\/legacy is not attached to shop\/public: every rule is invalid/,
      /Unsupported value "Prefix".*Did you mean "PathPrefix"\?/,
    ],
  },
  // A kubectl List dump with the controller's status. The dump has no Namespace objects, so store
  // is assumed to carry the label listener public selects: storefront attaches, as the controller
  // says. status-page's conditions were written for generation 2 of 3: the one drift.
  "cluster-dump-with-drift": {
    attached: 2,
    rejected: {},
    backends: 2,
    degradedBackends: 0,
    brokenBackends: {},
    policies: 0,
    listeners: { "Gateway/infra/shop public": 1, "Gateway/infra/shop status": 1 },
    nodes: {
      "HTTPRoute/store/storefront": "ok",
      "HTTPRoute/infra/status-page": "ok",
      "Gateway/infra/shop": "ok",
    },
    drift: ["HTTPRoute/infra/status-page"],
    // status-page's stale parent entry.
    errors: 0,
    warnings: 1,
    problems: [/status\.stale-generation/],
  },
};

const TEMPLATES = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.replace(/\.yaml$/, ""))
  .sort();

test("every template in fixtures/examples has an expectation row here", () => {
  expect(
    TEMPLATES.filter((t) => !(t in EXPECTED)),
    "templates without a row in EXPECTED",
  ).toEqual([]);
  expect(
    Object.keys(EXPECTED).filter((t) => !TEMPLATES.includes(t)),
    "rows without a template",
  ).toEqual([]);
});

for (const name of TEMPLATES) {
  test(`template ${name} shows its intended status`, async ({ page, app, api }) => {
    const expected = EXPECTED[name];
    test.skip(!expected, "no expectation row (reported by the test above)");
    if (!expected) return;
    const canvas = new CanvasPage(page);
    await app.open();
    await canvas.ready();
    const seqBefore = Number(await canvas.root.getAttribute("data-layout-seq"));
    await api.loadExample(name);
    await api.waitForAnalysis();
    // A new set of nodes is laid out again; wait for that layout before reading the picture.
    if (name !== "shared-gateway-two-teams")
      await expect
        .poll(async () => Number(await canvas.root.getAttribute("data-layout-seq")))
        .toBeGreaterThan(seqBefore);

    const edges = (kind: string, state: string) =>
      page.locator(`path[data-testid^="graph-edge-${kind}-"][data-state="${state}"]`);
    await expect(edges("parent", "ok"), "green parent edges").toHaveCount(expected.attached);
    await expect(edges("parent", "error"), "red parent edges").toHaveCount(
      Object.keys(expected.rejected).length,
    );
    for (const [id, reason] of Object.entries(expected.rejected)) {
      await expect(canvas.edge(id)).toHaveAttribute("data-reason", reason);
      await expect(canvas.edgeLabel(id)).toHaveText(reason);
    }
    await expect(edges("backend", "ok"), "green backend edges").toHaveCount(expected.backends);
    await expect(edges("backend", "warning"), "amber backend edges").toHaveCount(
      expected.degradedBackends,
    );
    await expect(edges("backend", "error"), "red backend edges").toHaveCount(
      Object.keys(expected.brokenBackends).length,
    );
    for (const [id, reason] of Object.entries(expected.brokenBackends)) {
      await expect(canvas.edge(id)).toHaveAttribute("data-reason", reason);
      await expect(canvas.edgeLabel(id)).toHaveText(reason);
    }
    await expect(edges("policy", "ok"), "resolved policy edges").toHaveCount(expected.policies);
    await expect(edges("ingress-backend", "ok"), "green Ingress → Service edges").toHaveCount(
      expected.ingressBackends ?? 0,
    );
    await expect(
      page.locator('path[data-testid^="graph-edge-policy-"]:not([data-state="ok"])'),
      "unresolved policy edges",
    ).toHaveCount(0);

    for (const [where, count] of Object.entries(expected.listeners)) {
      const [gateway = "", listener = ""] = where.split(" ");
      await expect(
        canvas.listener(gateway, listener).locator(".gn-listener-count"),
        `${where} attachedRoutes`,
      ).toHaveText(String(count));
    }
    for (const [key, status] of Object.entries(expected.nodes)) {
      await expect(canvas.node(key), key).toHaveAttribute("data-status", status);
    }

    await expect(
      page.locator('[data-testid$="-drift"].gn-drift'),
      "nodes marked with status drift",
    ).toHaveCount(expected.drift.length);
    for (const key of expected.drift)
      await expect(page.getByTestId(`graph-node-${slug(key)}-drift`)).toBeVisible();

    await expectProblemCounts(page, expected.errors, expected.warnings);
    for (const problem of expected.problems)
      await expect(app.problem(problem), String(problem)).not.toHaveCount(0);

    await page.screenshot({ path: `${SCREENS}/template-${slug(name)}.png` });
  });
}

async function expectProblemCounts(page: Page, errors: number, warnings: number): Promise<void> {
  const counts = page.getByTestId("problem-counts");
  await expect(counts.locator(".count").nth(0)).toHaveText(
    `${errors} error${errors === 1 ? "" : "s"}`,
  );
  await expect(counts.locator(".count").nth(1)).toHaveText(
    `${warnings} warning${warnings === 1 ? "" : "s"}`,
  );
}
