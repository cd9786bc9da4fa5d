import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { Analysis, Diagnostic, WorldMode } from "../../engine";
import { analyze, applyEdits, readField } from "../../test-utils/engineRoundTrip";
import { PALETTE_KINDS, type PaletteKind } from "./objectTemplates";
import { paletteEdits } from "./paletteEdits";

const example = (name: string) => readFileSync(`fixtures/examples/${name}.yaml`, "utf8");

/** Workspaces a person starts adding from: nothing, the quickstart, two namespaces, a TLS/TCP setup. */
const STARTS: Record<string, string> = {
  empty: "",
  quickstart: example("quickstart"),
  "shared gateway two teams": example("shared-gateway-two-teams"),
  "tls passthrough": example("tls-passthrough"),
  "cross-namespace backend": example("cross-namespace-backend-with-referencegrant"),
};

function run(text: string, world: WorldMode = "auto"): Analysis {
  return analyze([{ name: "workspace.yaml", text }], { world });
}

function errors(a: Analysis): Diagnostic[] {
  return a.diagnostics.filter((d) => d.severity === "error");
}

function add(
  kind: PaletteKind,
  text: string,
  namespace = "default",
  selected?: string,
): { text: string; after: Analysis; before: Analysis } {
  const before = run(text);
  const { ops } = paletteEdits(kind, {
    objects: before.objects,
    namespace,
    gateways: before.gateways,
    routes: before.routes,
    attachments: before.attachments,
    readField: (target, path) => readField(text, target, path),
    ...(selected ? { selected } : {}),
  });
  const result = applyEdits(text, ops);
  expect(result.failed).toEqual([]);
  return { text: result.text, after: run(result.text), before };
}

describe("every palette kind adds an object that passes gwsim validation", () => {
  for (const [start, text] of Object.entries(STARTS)) {
    for (const kind of PALETTE_KINDS) {
      test(`${kind} into ${start}`, () => {
        const { after, before } = add(kind, text);
        expect(after.objects.length).toBe(before.objects.length + 1);
        const added = after.objects.find((o) => !before.objects.some((b) => b.key === o.key));
        expect(added?.kind).toBe(kind);
        // No error that was not there before, and the new object is not drawn as rejected.
        const known = new Set(errors(before).map((d) => `${d.code} ${d.message}`));
        expect(errors(after).filter((d) => !known.has(`${d.code} ${d.message}`))).toEqual([]);
        const node = after.graph.nodes.find((n) => n.id === added?.key);
        expect(node?.status).not.toBe("error");
      });
    }
  }
});

describe("palette wiring", () => {
  test("an HTTPRoute then a GRPCRoute added to the same listener do not conflict", () => {
    for (const start of ["quickstart", "shared gateway two teams"] as const) {
      const http = add(
        "HTTPRoute",
        STARTS[start] ?? "",
        start === "quickstart" ? "default" : "team-a",
      );
      const grpc = add("GRPCRoute", http.text, start === "quickstart" ? "default" : "team-a");
      const rejected = grpc.after.graph.nodes
        .filter((n) => n.status === "error")
        .map((n) => `${n.id} ${n.reason ?? ""}`);
      expect(rejected, start).toEqual([]);
    }
  });

  test("a TLSRoute attaches only to a Gateway with a listener that admits TLSRoute", () => {
    const quick = add("TLSRoute", STARTS.quickstart ?? "");
    // quickstart has only an HTTP listener: attaching there would be refused.
    expect(quick.after.explain.filter((e) => e.route.startsWith("TLSRoute/"))).toEqual([]);
    expect(quick.text).toContain("parentRefs: []");
    const tls = add("TLSRoute", STARTS["tls passthrough"] ?? "", "apps");
    // Attached through the listener's namespace rule (from: All), with a hostname inside *.secure.example.com named after the route.
    expect(
      tls.after.attachments
        .filter((a) => a.route === "TLSRoute/apps/tls-route")
        .map((a) => a.hostnames),
    ).toEqual([["tls-route.secure.example.com"]]);
  });

  test("a route from a namespace the shared Gateway has not admitted gets no parent; one from an admitted namespace does", () => {
    expect(add("HTTPRoute", STARTS["shared gateway two teams"] ?? "", "default").text).toMatch(
      /name: http-route\n\s+namespace: default\nspec:\n\s+parentRefs: \[\]\n\s+hostnames:/,
    );
    const teamA = add("HTTPRoute", STARTS["shared gateway two teams"] ?? "", "team-a");
    expect(teamA.after.attachments.some((a) => a.route === "HTTPRoute/team-a/http-route")).toBe(
      true,
    );
  });

  test("a ListenerSet is admitted by its Gateway (allowedListeners is set when absent) and is accepted", () => {
    const { text, after } = add("ListenerSet", STARTS.quickstart ?? "");
    expect(text).toContain("allowedListeners:\n    namespaces:\n      from: Same");
    const node = after.graph.nodes.find((n) => n.kind === "ListenerSet");
    expect(node?.status).toBe("ok");
  });

  test("a ReferenceGrant names one Service: the one a route in another namespace is refused", () => {
    const text = `# world: closed
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: web}
spec:
  gatewayClassName: gc
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: web}
spec:
  parentRefs: [{name: gw}]
  rules: [{backendRefs: [{name: db, namespace: data, port: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: other, namespace: data}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: data}
spec: {ports: [{port: 80}]}
`;
    const { after } = add("ReferenceGrant", text, "data");
    const grant = after.objects.find((o) => o.kind === "ReferenceGrant");
    expect(grant?.namespace).toBe("data");
    const route = after.routes.find((r) => r.name === "r");
    expect(route?.rules[0]?.backendRefs[0]?.valid).toBe(true);
    // Without a refused route, the selected Service is the one granted.
    const plain = add(
      "ReferenceGrant",
      text.replace("namespace: data, port", "namespace: web, port"),
      "data",
      "Service/data/other",
    );
    expect(plain.text).toMatch(/to:\n\s+- group: ""\n\s+kind: Service\n\s+name: other/);
  });
});
