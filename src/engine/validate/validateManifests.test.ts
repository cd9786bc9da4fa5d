import { readFileSync, readdirSync, statSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { loadManifests } from "../load/loadManifests";
import { printDiagnostics } from "../print/printDiagnostics";
import { validateManifests } from "./validateManifests";

function check(text: string) {
  const loaded = loadManifests([{ name: "in.yaml", text }]);
  return [
    ...loaded.diagnostics,
    ...validateManifests(loaded.manifests, loaded.locator).diagnostics,
  ];
}

describe("validateManifests", () => {
  test("a diagnostic carries code, location, object and dotted path", () => {
    const [d, ...rest] = check(
      `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: app}\nspec:\n  rules:\n  - matches:\n    - path: {type: Prefix, value: /}\n`,
    );
    expect(rest).toEqual([]);
    expect(d).toEqual({
      code: "schema.enum",
      severity: "error",
      message:
        'spec.rules[0].matches[0].path.type: Unsupported value "Prefix": supported values: "Exact", "PathPrefix", "RegularExpression".',
      hint: 'Did you mean "PathPrefix"? (`Prefix` is the Ingress spelling.)',
      file: "in.yaml",
      line: 7,
      column: 20,
      endLine: 7,
      endColumn: 26,
      object: { kind: "HTTPRoute", namespace: "app", name: "r" },
      objectKey: "HTTPRoute/app/r",
      docIndex: 0,
      path: "spec.rules[0].matches[0].path.type",
    });
  });

  test("unrendered Flux variables and Helm actions: one located warning per object, no lower-case advice", () => {
    const route = [
      "apiVersion: gateway.networking.k8s.io/v1",
      "kind: HTTPRoute",
      "metadata:",
      "  name: grafana",
      "  namespace: observability",
      "  annotations:",
      "    external-dns.alpha.kubernetes.io/target: external.${SECRET_DOMAIN}",
      "spec:",
      "  parentRefs: [{name: envoy-external, namespace: network}]",
      "  hostnames:",
      '    - "grafana.${SECRET_DOMAIN}"',
      '    - "{{ .Release.Name }}.example.com"',
      "  rules:",
      "    - backendRefs: [{name: '${APP:=grafana}', port: 80}]",
    ].join("\n");
    const found = check(route);
    const unrendered = found.filter((d) => d.code === "object.unrendered-template");
    expect(unrendered).toHaveLength(1);
    expect(unrendered[0]).toMatchObject({
      severity: "warning",
      line: 11,
      path: "spec.hostnames[0]",
      objectKey: "HTTPRoute/observability/grafana",
    });
    expect(unrendered[0]?.message).toContain(
      'HTTPRoute observability/grafana holds unrendered placeholders ("${SECRET_DOMAIN}", "{{ .Release.Name }}", "${APP:=grafana}")',
    );
    expect(unrendered[0]?.hint).toContain("flux envsubst");
    expect(unrendered[0]?.hint).toContain("helm template");
    // Lowering "grafana.${SECRET_DOMAIN}" does not make a hostname: no advice to do it.
    const pattern = found.filter((d) => d.code === "schema.pattern");
    expect(pattern.map((d) => d.line)).toEqual([11, 12]);
    for (const d of pattern) expect(d.hint).not.toContain("lower-case");
    expect(check(route.replace("grafana.${SECRET_DOMAIN}", "Grafana.example.com"))).toContainEqual(
      expect.objectContaining({ hint: 'Hostnames are lower-case: use "grafana.example.com".' }),
    );
    // Annotations, ConfigMap data and objects gwsim does not read keep their own templates.
    const quiet = check(
      [
        "apiVersion: v1",
        "kind: ConfigMap",
        "metadata: {name: c, annotations: {a: '${X}'}}",
        "data: {run.sh: 'echo ${HOME} {{ x }}'}",
        "---",
        "apiVersion: monitoring.coreos.com/v1",
        "kind: PrometheusRule",
        "metadata: {name: p}",
        "spec: {groups: [{name: g, rules: [{alert: A, annotations: {summary: '{{ $labels.instance }}'}}]}]}",
      ].join("\n"),
    );
    expect(quiet.filter((d) => d.code === "object.unrendered-template")).toEqual([]);
    // A key is substituted too: `${FIELD}: x` is an unknown field only until then.
    const keyed = check(
      route
        .replace('    - "grafana.${SECRET_DOMAIN}"', "    - a.example.com")
        .replace("{{ .Release.Name }}.example.com", "b.example.com")
        .replace("'${APP:=grafana}'", "web")
        .replace("  hostnames:", "  ${EXTRA_FIELD}: 1\n  hostnames:"),
    );
    expect(keyed.find((d) => d.code === "object.unrendered-template")).toMatchObject({
      line: 10,
      path: "spec.${EXTRA_FIELD}",
    });
  });

  test("a missing required field points at its parent", () => {
    const [d] = check(
      `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  parentRefs:\n  - sectionName: http\n`,
    );
    expect(d).toMatchObject({
      code: "schema.required",
      path: "spec.parentRefs[0].name",
      line: 6,
      column: 5,
    });
  });

  test("opaque objects and gateways of other API groups are not validated", () => {
    expect(
      check(
        `apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec: {servers: 1}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: Bad_Name}\n`,
      ).filter((d) => d.code !== "object.unknown-kind"), // the Istio Gateway's one note (load/unknownKinds.ts)
    ).toEqual([]);
  });

  test("valid objects produce nothing", () => {
    expect(
      check(
        `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw, namespace: infra}\nspec:\n  gatewayClassName: gwsim\n  listeners:\n  - {name: http, port: 80, protocol: HTTP}\n  - name: https\n    port: 443\n    protocol: HTTPS\n    hostname: "*.example.com"\n    tls: {certificateRefs: [{name: cert}]}\n  - {name: tls, port: 8443, protocol: TLS, tls: {mode: Passthrough}}\n`,
      ),
    ).toEqual([]);
  });

  test("an experimental-channel enum value says so in the message, not only in the hint", () => {
    const [d] = check(
      `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  rules:\n  - filters:\n    - type: ExternalAuth\n`,
    );
    expect(d).toMatchObject({
      code: "schema.enum",
      severity: "error",
      path: "spec.rules[0].filters[0].type",
    });
    expect(d?.message).toMatch(
      /^spec\.rules\[0\]\.filters\[0\]\.type: "ExternalAuth" is an experimental-channel value: the standard-channel CRDs \(v1\.6\.1\) refuse it; supported values there: "RequestHeaderModifier"/,
    );
    expect(d?.hint).toContain("experimental-channel CRDs");
  });

  test("a timeout of 0s disables the backendRequest ≤ request rule", () => {
    const route = (request: string, backend: string) =>
      check(
        `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  rules:\n  - timeouts: {request: ${request}, backendRequest: ${backend}}\n`,
      ).map((d) => d.code);
    expect(route("0s", "10s")).toEqual([]);
    expect(route("1m", "59s")).toEqual([]);
    expect(route("1m", "1m1s")).toEqual(["schema.rule"]);
    expect(route("1m", "1d")).toEqual(["schema.pattern"]);
  });
});

// The conformance manifests are applied to real API servers by the upstream suite, so none of
// them may break a CRD constraint. Checked case by case: the "invalid" tests
// (gateway-invalid-tls-configuration, httproute-invalid-*, gateway-invalid-route-kind, …) are
// invalid in status terms (bad Secrets, unknown kinds, missing refs), not in schema terms, so the
// list of expected schema errors is empty. Warnings are allowed: the httproute-retry* manifests
// use the experimental-channel `retry` field, which the standard CRDs drop.
const EXPECTED_ERRORS: Record<string, string> = {};
const EXPECTED_WARNINGS = [
  "manifests/httproute-retry.yaml",
  "manifests/httproute-retry-connection-error.yaml",
  "manifests/httproute-retry-with-timeouts.yaml",
];

describe("the vendored conformance manifests", () => {
  const root = new URL("../../../fixtures/conformance/", import.meta.url);
  const files = (dir: string): string[] =>
    readdirSync(new URL(dir, root)).flatMap((f) =>
      statSync(new URL(`${dir}${f}`, root)).isDirectory()
        ? files(`${dir}${f}/`)
        : f.endsWith(".yaml")
          ? [`${dir}${f}`]
          : [],
    );
  const all = [...files("base/"), ...files("manifests/")];

  test.each(all)("%s loads and validates without errors", (file) => {
    const loaded = loadManifests([{ name: file, text: readFileSync(new URL(file, root), "utf8") }]);
    expect(loaded.manifests.length).toBeGreaterThan(0);
    const diagnostics = [
      ...loaded.diagnostics,
      ...validateManifests(loaded.manifests, loaded.locator).diagnostics,
    ];
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(printDiagnostics(errors)).toBe(EXPECTED_ERRORS[file] ?? "");
    const warned = diagnostics.some((d) => d.severity === "warning");
    expect(warned).toBe(EXPECTED_WARNINGS.includes(file));
  });
});
