/**
 * Ingress and IngressClass as input: loaded, versioned, validated, drawn, and kept byte-for-byte
 * when the rest of the file is edited.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { applyEdits } from "../edit/applyEdits";
import { loadManifests } from "../load/loadManifests";
import { validateManifests } from "../validate/validateManifests";
import { readIngresses } from "./readIngresses";

const INGRESS_V1 = `apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
  annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
spec: {controller: k8s.io/ingress-nginx}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: web}
spec:
  ingressClassName: nginx
  tls:
  - hosts: [shop.example.com]
    secretName: shop-tls
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /api
        pathType: Prefix
        backend: {service: {name: api, port: {number: 8080}}}
      - path: /
        pathType: ImplementationSpecific
        backend: {service: {name: web, port: {name: http}}}
`;

const INGRESS_V1BETA1 = `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: old, namespace: web}
spec:
  backend: {serviceName: fallback, servicePort: 80}
  rules:
  - host: old.example.com
    http:
      paths:
      - path: /
        backend: {serviceName: legacy, servicePort: http}
`;

function check(text: string) {
  const loaded = loadManifests([{ name: "in.yaml", text }]);
  return {
    loaded,
    diagnostics: [
      ...loaded.diagnostics,
      ...validateManifests(loaded.manifests, loaded.locator).diagnostics,
    ],
  };
}

describe("Ingress input", () => {
  test("v1 Ingress and IngressClass load as modelled, valid objects; IngressClass is cluster-scoped", () => {
    const { loaded, diagnostics } = check(INGRESS_V1);
    expect(diagnostics).toEqual([]);
    expect(loaded.manifests.map((m) => [m.key, m.modelled])).toEqual([
      ["IngressClass//nginx", true],
      ["Ingress/web/shop", true],
    ]);
  });

  test("both v1 and v1beta1 shapes read into one model; the class comes from the default IngressClass", () => {
    const { ingresses, classes } = readIngresses(
      check(INGRESS_V1 + "---\n" + INGRESS_V1BETA1).loaded.manifests,
    );
    expect(classes).toEqual([
      { name: "nginx", controller: "k8s.io/ingress-nginx", isDefault: true },
    ]);
    const [shop, old] = ingresses;
    expect(shop?.rules[0]?.host).toBe("shop.example.com");
    expect(shop?.rules[0]?.paths.map((p) => [p.path, p.pathType, p.service])).toEqual([
      ["/api", "Prefix", { name: "api", port: 8080 }],
      // ImplementationSpecific is read as ingress-nginx's store reads it: Prefix.
      ["/", "Prefix", { name: "web", port: "http" }],
    ]);
    expect(shop?.tls).toEqual([{ hosts: ["shop.example.com"], secretName: "shop-tls" }]);
    // v1beta1: no pathType means ImplementationSpecific, which ingress-nginx matches as Prefix;
    // spec.backend is the default backend; the default IngressClass applies because the Ingress
    // names none.
    expect(old?.defaultBackend).toEqual({ name: "fallback", port: 80 });
    expect(old?.rules[0]?.paths[0]).toMatchObject({
      pathType: "Prefix",
      service: { name: "legacy", port: "http" },
    });
    expect([old?.className, old?.classSource]).toEqual(["nginx", "default"]);
  });

  test("a v1beta1 Ingress loads with a located deprecation warning", () => {
    const { diagnostics } = check(INGRESS_V1BETA1);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: "object.deprecated-version",
        severity: "warning",
        line: 1,
        column: 13,
        path: "apiVersion",
      }),
    ]);
    expect(diagnostics[0]?.message).toContain("removed in Kubernetes 1.22");
  });

  test("the schema and the API server rules report located errors", () => {
    const { diagnostics } = check(`apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: bad}
spec:
  rules:
  - host: "*.Example.com"
    http:
      paths:
      - path: api
        pathType: Prefix
        backend: {service: {name: api, port: {number: 80, name: http}}}
      - path: /x
        pathType: Regex
        backend: {service: {name: api}}
        extra: 1
`);
    expect(diagnostics.map((d) => [d.code, d.path, d.line])).toEqual([
      ["schema.enum", "spec.rules[0].http.paths[1].pathType", 13],
      ["schema.unknown-field", "spec.rules[0].http.paths[1].extra", 15],
      ["schema.pattern", "spec.rules[0].host", 6],
      ["schema.pattern", "spec.rules[0].http.paths[0].path", 9],
      ["schema.rule", "spec.rules[0].http.paths[0].backend.service.port", 11],
      ["schema.required", "spec.rules[0].http.paths[1].backend.service.port", 14],
    ]);
  });

  test("an Ingress with neither rules nor a default backend is refused", () => {
    const { diagnostics } = check(
      `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: empty}\nspec: {}\n`,
    );
    expect(diagnostics.map((d) => d.code)).toEqual(["schema.rule"]);
  });

  test("the canvas draws Ingress → Service edges and the class edge", () => {
    const graph = analyze([{ name: "in.yaml", text: INGRESS_V1 }]).graph;
    const ingress = graph.nodes.find((n) => n.id === "Ingress/web/shop");
    expect(ingress).toMatchObject({
      category: "route",
      status: "ok",
      details: {
        hostnames: ["shop.example.com"],
        ruleCount: 2,
        parents: [{ label: "IngressClass nginx", accepted: true }],
      },
    });
    expect(graph.nodes.find((n) => n.id === "IngressClass//nginx")).toMatchObject({
      category: "class",
      details: { controllerName: "k8s.io/ingress-nginx" },
    });
    expect(
      graph.edges
        .filter((e) => e.source === "Ingress/web/shop" || e.target === "Ingress/web/shop")
        .map((e) => [e.kind, e.source, e.target, e.label]),
    ).toEqual([
      ["class", "IngressClass//nginx", "Ingress/web/shop", undefined],
      ["backend", "Ingress/web/shop", "Service/web/api", "shop.example.com/api"],
      ["backend", "Ingress/web/shop", "Service/web/web", "shop.example.com/"],
    ]);
    // Services not in the input are drawn as ghosts, like a route's missing backends.
    expect(graph.nodes.find((n) => n.id === "Service/web/api")).toMatchObject({ ghost: true });
  });

  test("an Ingress naming a class that is not in the input is drawn with a warning and a ghost class", () => {
    const graph = analyze([
      {
        name: "in.yaml",
        text:
          INGRESS_V1.split("---\n")[1]?.replace(
            "ingressClassName: nginx",
            "ingressClassName: public",
          ) ?? "",
      },
    ]).graph;
    expect(graph.nodes.find((n) => n.id === "Ingress/web/shop")).toMatchObject({
      status: "warning",
      reason: "IngressClassNotFound",
    });
    expect(graph.nodes.find((n) => n.id === "IngressClass//public")).toMatchObject({
      ghost: true,
      category: "class",
    });
  });

  test("editing another object keeps the Ingress text byte-for-byte", () => {
    const route = `---\napiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: r, namespace: web}\nspec: {}\n`;
    const text = INGRESS_V1 + route;
    const result = applyEdits(text, [
      {
        op: "addParentRef",
        target: { kind: "HTTPRoute", namespace: "web", name: "r" },
        parentRef: { name: "gw" },
      },
    ]);
    expect(result.text.startsWith(INGRESS_V1)).toBe(true);
    expect(result.text).not.toBe(text);
  });
});
