/** Shared by the lint and fix-it tests: a tiny cluster to attach routes to, and analysis helpers. */
import { analyze } from "../analyze";
import type { Analysis } from "../analysisTypes";
import type { Diagnostic } from "../types";

export const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: example
spec:
  controllerName: gwsim.dev/controller
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: web
  namespace: infra
spec:
  gatewayClassName: example
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: All
---
apiVersion: v1
kind: Service
metadata:
  name: svc
  namespace: app
spec:
  ports:
    - port: 8080
`;

export function analyzeText(text: string, name = "in.yaml"): Analysis {
  return analyze([{ name, text }], { clock: () => "2026-01-01T00:00:00Z" });
}

export function withCode(analysis: Analysis, code: string): Diagnostic[] {
  return analysis.diagnostics.filter((d) => d.code === code);
}

/** An HTTPRoute in `app` attached to infra/web, with the given rules block (indented under spec). */
export function route(name: string, rules: string, extraMetadata = ""): string {
  return `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: ${name}
  namespace: app
${extraMetadata}spec:
  parentRefs:
    - name: web
      namespace: infra
  hostnames: [shop.example.com]
  rules:
${rules}`;
}
