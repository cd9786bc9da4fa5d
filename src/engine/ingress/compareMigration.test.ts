import { describe, expect, test } from "vitest";
import { compareMigration } from "./compareMigration";
import { ingressYaml } from "./ingressTestKit";

const DOCS = ingressYaml({
  name: "docs",
  host: "a.example.com",
  annotations: { "use-regex": "true" },
  paths: [
    ["/docs", "ImplementationSpecific", "docs"],
    ["/", "Prefix", "root"],
  ],
});

describe("compareMigration", () => {
  test("generated requests find the use-regex string-prefix difference, with both traces", () => {
    const report = compareMigration([{ name: "in.yaml", text: DOCS }]);
    const d = report.equivalence.different.find((x) => x.request.path === "/docsx");
    expect(d).toMatchObject({
      ingress: { status: 200, backend: "web/docs:80", path: "/docsx" },
      gatewayApi: { status: 200, backend: "web/root:80", path: "/docsx" },
    });
    expect(d?.why).toContain('case-insensitive regex prefix (~* "^/docs")');
    expect(d?.ingressTrace).toContain('location ~* "^/docs"');
    expect(d?.gatewayApiTrace).toContain("PathPrefix /docs");
    expect(report.equivalence.requests).toBe(
      report.equivalence.same + report.equivalence.different.length,
    );
  });

  test("editing the Gateway API YAML re-runs the same requests against the edit", () => {
    const first = compareMigration([{ name: "in.yaml", text: DOCS }]);
    const edited = first.gatewayApi.replace(
      "type: PathPrefix\n            value: /docs",
      "type: RegularExpression\n            value: /docs.*",
    );
    expect(edited).not.toBe(first.gatewayApi);
    const second = compareMigration([{ name: "in.yaml", text: DOCS }], { gatewayApiYaml: edited });
    expect(second.equivalence.requests).toBe(first.equivalence.requests);
    expect(second.equivalence.different.filter((x) => x.request.path.startsWith("/docs"))).toEqual(
      [],
    );
  });

  test("saved requests are sent too; a wildcard host one label deeper differs", () => {
    const text = ingressYaml({
      name: "wild",
      host: "*.example.com",
      paths: [["/", "Prefix", "web"]],
    });
    const report = compareMigration([{ name: "in.yaml", text }], {
      requests: [{ scheme: "http", host: "x.example.com", path: "/saved" }],
    });
    expect(
      report.equivalence.different.map((d) => [
        d.request.host,
        d.ingress.status,
        d.gatewayApi.status,
      ]),
    ).toEqual([
      ["a.b.example.com", 404, 200],
      ["a.b.example.com", 404, 200],
      ["a.b.example.com", 404, 200],
    ]);
    expect(report.equivalence.different[0]?.why).toContain("covers exactly one label");
    // 3 paths × (2 hosts under the wildcard + the catch-all server), plus the saved one.
    expect(report.equivalence.requests).toBe(10);
  });

  test("a YAML error in the edited Gateway API is reported, located", () => {
    const report = compareMigration([{ name: "in.yaml", text: DOCS }], {
      gatewayApiYaml:
        "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r}\nspec:\n  rules:\n  - matches:\n    - path: {type: Prefix, value: /}\n",
    });
    expect(report.gatewayApiErrors[0]).toMatch(/^gateway-api\.yaml:7:\d+ schema\.enum/);
  });
});

describe("buildMigratedWorkspace", () => {
  test("the Gateway API YAML replaces the Ingress documents; every other document is kept verbatim", async () => {
    const { buildMigratedWorkspace } = await import("./buildMigratedWorkspace");
    const service =
      "# the web Service\napiVersion: v1\nkind: Service\nmetadata: {name: docs, namespace: web}\nspec: {ports: [{port: 80}]}\n";
    const text = `${DOCS}---\n${service}`;
    const out = buildMigratedWorkspace([{ name: "in.yaml", text }], "kind: Gateway\n");
    expect(out).toBe(`kind: Gateway\n---\n${service}`);
  });
});

describe("buildMigratedWorkspace with a file header", () => {
  test("a leading comment and `---` do not shift which documents are dropped", async () => {
    const { buildMigratedWorkspace } = await import("./buildMigratedWorkspace");
    const service = "apiVersion: v1\nkind: Service\nmetadata: {name: docs, namespace: web}\n";
    const out = buildMigratedWorkspace(
      [{ name: "in.yaml", text: `# header\n---\n${DOCS}---\n${service}` }],
      "kind: Gateway\n",
    );
    expect(out).toBe(`kind: Gateway\n---\n${service}`);
  });
});

describe("classes of other controllers", () => {
  test("an IngressClass of another controller is converted with a warning that the model is ingress-nginx", () => {
    const cls =
      "apiVersion: networking.k8s.io/v1\nkind: IngressClass\nmetadata: {name: nginx}\nspec: {controller: traefik.io/ingress-controller}\n---\n";
    const report = compareMigration([{ name: "in.yaml", text: cls + DOCS }]);
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        ingress: "IngressClass nginx",
        severity: "warning",
        message: expect.stringContaining("traefik.io/ingress-controller, not k8s.io/ingress-nginx"),
      }),
    );
    expect(
      compareMigration([{ name: "in.yaml", text: DOCS }]).findings.some((f) =>
        f.ingress.startsWith("IngressClass"),
      ),
    ).toBe(false);
  });
  test("gRPC locations on a TLS host answer plain HTTP with 308 like ingress-nginx: the conversion adds the redirect", () => {
    const grpc = (path: string, annotations: Record<string, string>) =>
      ingressYaml({
        name: "fortune",
        host: "grpc.example.com",
        annotations: { "backend-protocol": "GRPC", ...annotations },
        tls: [{ hosts: ["grpc.example.com"], secretName: "fortune-tls" }],
        paths: [[path, "Prefix", "fortune"]],
      });
    for (const [text, redirectRule] of [
      [grpc("/", {}), "every path of this host answers HTTP with 308"],
      [
        grpc("/pkg.Fortune", {}) +
          "---\n" +
          ingressYaml({
            name: "web",
            host: "grpc.example.com",
            annotations: { "ssl-redirect": "false" },
            paths: [["/web", "Prefix", "web"]],
          }),
        "ssl-redirect: HTTP answers 308 to HTTPS.",
      ],
    ] as const) {
      const report = compareMigration([{ name: "in.yaml", text }]);
      expect(report.gatewayApi).toMatch(/name: \w+-https-redirect/);
      expect(report.gatewayApi).toContain(redirectRule);
      const plainHttp = report.equivalence.different.filter((d) => d.request.scheme === "http");
      expect(plainHttp).toEqual([]);
      expect(report.equivalence.same).toBeGreaterThan(0);
    }
    const noRedirect = compareMigration([
      { name: "in.yaml", text: grpc("/", { "ssl-redirect": "false" }) },
    ]);
    expect(noRedirect.gatewayApi).not.toContain("https-redirect");
  });
});

describe("input the conversion does not see", () => {
  test("two Ingresses with one name: the one converted is named, with the load warnings", () => {
    const first = ingressYaml({
      name: "web",
      host: "a.example.com",
      paths: [["/", "Prefix", "a"]],
    });
    const again = ingressYaml({
      name: "web",
      host: "b.example.com",
      paths: [["/", "Prefix", "b"]],
    });
    const canary = ingressYaml({
      name: "web-canary",
      host: "b.example.com",
      annotations: { canary: "true", "canary-weight": "10" },
      paths: [["/", "Prefix", "b2"]],
    });
    const report = compareMigration([
      { name: "in.yaml", text: `${first}---\n${again}---\n${canary}` },
    ]);
    // The load warning `gwsim check` prints for the same input.
    expect(report.inputDiagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual([
      "19:9 object.duplicate",
    ]);
    // The converted definition, located, and what is missing; the canary (own name) is no finding.
    expect(report.findings.map((f) => [f.ingress, f.severity, f.message])).toEqual([
      [
        "web/web",
        "warning",
        "in.yaml:16: Ingress web/web is defined 2 times in the input (object.duplicate at in.yaml:19:9); only this definition, the one kubectl apply keeps, is converted, and the hosts and paths of the others are not in this output. Give each Ingress its own name if all of them should be served, or remove the ones you do not mean.",
      ],
    ]);
    expect(report.gatewayApi).toContain(
      "#   web/web: in.yaml:16: Ingress web/web is defined 2 times",
    );
    expect(report.gatewayApi).not.toContain("a.example.com");
    expect(report.gatewayApi).toMatch(/- name: b\n\s+port: 80\n\s+weight: 90/);
  });

  test("input the loader cannot read is reported, not skipped in silence", () => {
    const ok = ingressYaml({ name: "web", host: "a.example.com", paths: [["/", "Prefix", "a"]] });
    const report = compareMigration([{ name: "in.yaml", text: `${ok}---\nkind: [\n` }]);
    expect(report.inputDiagnostics.map((d) => [d.line, d.severity])).toEqual([[17, "error"]]);
    expect(report.findings).toEqual([]);
  });
});
