/**
 * ingress-nginx's canary weights as its parser reads them (canary/main.go: strconv.Atoi, invalid
 * weight 0, invalid total 100; balancer.lua: only totals above 100 count, a draw in 1..total at or
 * below the weight goes to the canary). Every value it would not take as written is a located
 * warning of `gwsim migrate` naming the annotation and what is used instead.
 */
import { describe, expect, test } from "vitest";
import { compareMigration } from "./compareMigration";

const ingresses = (annotations: Record<string, string>) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: main, namespace: shop}
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: v1, port: {number: 80}}}}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: canary
  namespace: shop
  annotations:
    nginx.ingress.kubernetes.io/canary: "true"
${Object.entries(annotations)
  .map(([k, v]) => `    nginx.ingress.kubernetes.io/${k}: ${JSON.stringify(v)}`)
  .join("\n")}
spec:
  ingressClassName: nginx
  rules:
    - host: shop.example.com
      http:
        paths:
          - {path: /, pathType: Prefix, backend: {service: {name: v2, port: {number: 80}}}}
`;

const migrate = (annotations: Record<string, string>) =>
  compareMigration([{ name: "ing.yaml", text: ingresses(annotations) }]);
const warnings = (annotations: Record<string, string>) =>
  migrate(annotations)
    .findings.filter((f) => f.severity === "warning")
    .map((f) => `${f.ingress}: ${f.message}`);
const weights = (annotations: Record<string, string>) =>
  /weight: (\d+)\n[^]*?weight: (\d+)/.exec(migrate(annotations).gatewayApi)?.slice(1, 3);

describe("canary-weight and canary-weight-total that ingress-nginx does not take as written", () => {
  test('"1e400" is not a whole number: 0 is used, and said where', () => {
    expect(warnings({ "canary-weight": "1e400" })).toEqual([
      'shop/canary: ing.yaml:12: nginx.ingress.kubernetes.io/canary-weight: "1e400" is not a whole number; ingress-nginx uses 0 (the canary gets no traffic).',
    ]);
    expect(weights({ "canary-weight": "1e400" })).toEqual(["100", "0"]);
  });

  test("2.5 and -5: 0", () => {
    expect(warnings({ "canary-weight": "2.5" })).toEqual([
      'shop/canary: ing.yaml:12: nginx.ingress.kubernetes.io/canary-weight: "2.5" is not a whole number; ingress-nginx uses 0 (the canary gets no traffic).',
    ]);
    expect(warnings({ "canary-weight": "-5" })).toEqual([
      "shop/canary: ing.yaml:12: nginx.ingress.kubernetes.io/canary-weight: -5 is negative: no draw is at or below it, so the canary gets no traffic (gwsim uses 0).",
    ]);
    expect(weights({ "canary-weight": "-5" })).toEqual(["100", "0"]);
  });

  test("a weight above the total sends everything to the canary", () => {
    expect(warnings({ "canary-weight": "150" })).toEqual([
      "shop/canary: ing.yaml:12: nginx.ingress.kubernetes.io/canary-weight: 150 is above the total 100: every draw is at or below it, so the canary gets all the traffic (gwsim uses 100).",
    ]);
    expect(weights({ "canary-weight": "150" })).toEqual(["0", "100"]);
  });

  test("a total that is not a whole number, or not above 100, is 100", () => {
    expect(warnings({ "canary-weight": "10", "canary-weight-total": "1e3" })).toEqual([
      'shop/canary: ing.yaml:12: nginx.ingress.kubernetes.io/canary-weight-total: "1e3" is not a whole number; ingress-nginx uses 100.',
    ]);
    expect(warnings({ "canary-weight": "10", "canary-weight-total": "50" })).toEqual([
      "shop/canary: ing.yaml:12: nginx.ingress.kubernetes.io/canary-weight-total: 50 is not above 100, and ingress-nginx honours only totals above 100; it uses 100.",
    ]);
    expect(weights({ "canary-weight": "10", "canary-weight-total": "50" })).toEqual(["90", "10"]);
  });

  test("valid weights say nothing", () => {
    expect(warnings({ "canary-weight": "10", "canary-weight-total": "1000" })).toEqual([]);
    expect(weights({ "canary-weight": "10", "canary-weight-total": "1000" })).toEqual([
      "990",
      "10",
    ]);
  });
});
