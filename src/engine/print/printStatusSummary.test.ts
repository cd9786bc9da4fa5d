import { expect, test } from "vitest";
import { analyze } from "../analyze";
import { printStatusSummary } from "./printStatusSummary";

const text = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: shared, namespace: infra}
spec:
  gatewayClassName: eg
  listeners: [{name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: elsewhere, namespace: app}
spec:
  parentRefs: [{name: shared}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: typo, namespace: infra}
spec:
  parentRefs: [{name: sharde}]
`;

test("a route none of whose parents writes status is still listed, with why", () => {
  const out = printStatusSummary(analyze([{ name: "slice.yaml", text }]));
  expect(out).toContain("HTTPRoute app/elsewhere: no status (no parent in the input writes it)\n");
  expect(out).toContain("  parentRefs[0] (shared): status unknown: Gateway app/shared is not in");
  expect(out).toContain("HTTPRoute infra/typo: no status (no parent in the input writes it)\n");
  expect(out).toContain("  parentRefs[0] (sharde): Gateway infra/sharde is not in the input");
});

// kgateway route delegation: a child HTTPRoute without parentRefs (test/kubernetes/e2e/features/
// route_delegation/testdata/basic.yaml, team1/svc1) was left out of the summary altogether.
test("a route without parentRefs is listed as attached to nothing", () => {
  const orphan = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: child, namespace: team1}
spec:
  rules: [{backendRefs: [{name: svc1, port: 8000}]}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: GRPCRoute
metadata: {name: empty, namespace: team1}
spec:
  parentRefs: []
`;
  const out = printStatusSummary(analyze([{ name: "slice.yaml", text: text + "---\n" + orphan }]));
  expect(out).toContain(
    "HTTPRoute team1/child: no status (no parentRefs: it attaches to no Gateway or Service)\n",
  );
  expect(out).toContain(
    "GRPCRoute team1/empty: no status (no parentRefs: it attaches to no Gateway or Service)\n",
  );
  expect(out).toContain("HTTPRoute infra/typo: no status (no parent in the input writes it)\n");
});

test("a listener that is not programmed says why, in the controller's words", () => {
  const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: cls
  listeners:
  - {name: https, protocol: HTTPS, port: 443}
  - {name: http, protocol: HTTP, port: 80}
`;
  const out = printStatusSummary(analyze([{ name: "gw.yaml", text: gateway }]));
  expect(out).toContain(
    "  listener https: attachedRoutes 0; Accepted=True, Programmed=False (Invalid), ResolvedRefs=False (InvalidCertificateRef), Conflicted=False (NoConflicts)\n" +
      "    Programmed=False: no usable certificate to serve (see ResolvedRefs)\n" +
      "    ResolvedRefs=False: HTTPS listener has no tls section",
  );
  // A healthy listener gets no why line.
  expect(out).toMatch(/listener http: attachedRoutes 0; Accepted=True, [^\n]*\n(?! {4})/);
  // The Gateway says why it is not fully programmed, above its listeners.
  expect(out).toContain(
    "Gateway default/gw: Accepted=True, Programmed=True, ResolvedRefs=False (ListenersNotResolved)\n" +
      "  ResolvedRefs=False: listeners with unresolved references: https\n" +
      "  listener https:",
  );
});

test("a Gateway and a GatewayClass that are not accepted say why; healthy ones do not", () => {
  const workspace = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: cls}
spec:
  controllerName: example.com/gw
  parametersRef: {group: example.com, kind: Params, name: missing}
---
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: ok}
spec: {controllerName: example.com/gw}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: ok
  addresses: [{type: example.com/custom, value: x}]
  listeners: [{name: http, protocol: HTTP, port: 80}]
`;
  const out = printStatusSummary(
    analyze([{ name: "gw.yaml", text: workspace }], { world: "closed" }),
  );
  expect(out).toMatch(
    /^GatewayClass cls: Accepted=False \(InvalidParameters\)\n {2}Accepted=False: \S/m,
  );
  expect(out).toMatch(/^GatewayClass ok: Accepted=True\n(?! )/m);
  expect(out).toContain(
    "Gateway default/gw: Accepted=False (UnsupportedAddress), Programmed=False (Invalid), ResolvedRefs=True\n" +
      "  Accepted=False: address type example.com/custom is not supported",
  );
  const healthy = printStatusSummary(analyze([{ name: "slice.yaml", text }]));
  expect(healthy).toMatch(/^Gateway infra\/shared: Accepted=True[^\n]*\n {2}listener http:/m);
});

test("a conflicted listener says why", () => {
  const gateway = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: cls
  listeners:
  - {name: a, protocol: HTTP, port: 80, hostname: x.example.com}
  - {name: b, protocol: HTTP, port: 80, hostname: x.example.com}
`;
  const out = printStatusSummary(analyze([{ name: "gw.yaml", text: gateway }]));
  expect(out).toMatch(
    /listener b: [^\n]*Conflicted=True[^\n]*\n( {4}[^\n]*\n)* {4}[^\n]*Conflicted=True: /,
  );
});

test("a mesh route's Service parent is named with its kind", () => {
  const mesh = `apiVersion: v1
kind: Service
metadata: {name: reviews, namespace: default}
spec: {ports: [{port: 9080}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: reviews, namespace: default}
spec:
  parentRefs: [{group: "", kind: Service, name: reviews, port: 9080}]
  rules: [{backendRefs: [{name: reviews, port: 9080}]}]
`;
  const out = printStatusSummary(analyze([{ name: "mesh.yaml", text: mesh }]));
  expect(out).toContain("  parent Service default/reviews: ");
});

// haproxy-unified-gateway's test/integration/httproute-match-conditions (route-invalid-regex.yaml):
// a lookahead RE2 rejects drops rule 1, and the status says PartiallyInvalid=True; the summary
// printed only Accepted and ResolvedRefs, so `gwsim check` read as if every rule were served.
test("an accepted route that loses a rule says PartiallyInvalid and which rule", () => {
  const regex = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: versions, namespace: infra}
spec:
  parentRefs: [{name: shared}]
  rules:
  - matches: [{headers: [{name: version, value: one}]}]
  - matches: [{headers: [{name: version, type: RegularExpression, value: "one(?=two)"}]}]
`;
  const out = printStatusSummary(analyze([{ name: "slice.yaml", text: text + "---\n" + regex }]));
  expect(out).toContain(
    "  parent infra/shared: Accepted=True, ResolvedRefs=True, PartiallyInvalid=True (UnsupportedValue)\n" +
      '    PartiallyInvalid=True: Dropped Rule(s): rule 1: header version match "one(?=two)" is not a valid RE2 regular expression',
  );
});

// istio/istio pilot/pkg/config/kube/gateway/testdata/status.yaml: a route whose second parentRef
// names a Gateway the input lacks. That parent writes no status entry; the summary called it
// "not accepted: Pending" next to the parent that accepts the route.
test("a parent that writes no status, next to one that accepts, is not called a rejection", () => {
  const twoParents = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: both, namespace: infra}
spec:
  parentRefs: [{name: shared}, {name: elsewhere}]
`;
  const out = printStatusSummary(
    analyze([{ name: "slice.yaml", text: text + "---\n" + twoParents }]),
  );
  expect(out).toContain(
    "HTTPRoute infra/both:\n  parent infra/shared: Accepted=True, ResolvedRefs=True\n  parentRefs[1] (elsewhere): Gateway infra/elsewhere is not in the input",
  );
  expect(out).not.toContain("why parentRefs[1] (elsewhere) is not accepted");
});
