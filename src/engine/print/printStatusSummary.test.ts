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
