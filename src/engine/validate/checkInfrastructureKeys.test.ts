import { expect, test } from "vitest";
import { analyze } from "../analyze";

const gateway = (labels: string, annotations = "{}") => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: gc
  infrastructure:
    labels: ${labels}
    annotations: ${annotations}
  listeners: [{name: http, protocol: HTTP, port: 80}]
`;

const ruleIssues = (text: string) =>
  analyze([{ name: "gw.yaml", text }], { world: "closed" })
    .diagnostics.filter((d) => d.code === "schema.rule")
    .map((d) => [d.line, d.path, d.message]);

test("infrastructure label and annotation keys follow the CRD CEL rules, each refusal located at its key", () => {
  expect(
    ruleIssues(
      gateway("{app.kubernetes.io/name: web, team: a, A_b.c: x}", "{example.com/owner: me}"),
    ),
  ).toEqual([]);
  const issues = ruleIssues(
    gateway("{-bad: x, Upper.Example/x: y}", `{ok: v, "${"a".repeat(253)}/n": w}`),
  );
  expect(issues.map(([line, path]) => [line, path])).toEqual([
    [7, "spec.infrastructure.labels.-bad"],
    [7, "spec.infrastructure.labels.Upper.Example/x"],
    [8, `spec.infrastructure.annotations.${"a".repeat(253)}/n`],
  ]);
  expect(issues[0]?.[2]).toContain(
    "Label keys must be in the form of an optional DNS subdomain prefix",
  );
  expect(issues[2]?.[2]).toContain(
    "the annotation key's prefix must be a DNS subdomain not longer than 253 characters",
  );
});
