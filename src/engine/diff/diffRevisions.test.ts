import { describe, expect, test } from "vitest";
import type { SourceFile } from "../types";
import { changedCategories, diffRevisions } from "./diffRevisions";
import { diffToJson, printDiffMarkdown, printDiffText } from "./printDiff";

const base = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: gc
  listeners:
    - {name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}
---
apiVersion: v1
kind: Service
metadata: {name: a, namespace: app}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: b, namespace: app}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  hostnames: [app.example.com]
  rules:
    - matches: [{path: {type: PathPrefix, value: /api}}]
      backendRefs:
        - {name: a, port: 80, weight: 90}
        - {name: b, port: 80, weight: 10}
`;

const files = (text: string, name = "in.yaml"): SourceFile[] => [{ name, text }];

describe("diffRevisions", () => {
  test("the same revision changes nothing, and says how many requests it compared", () => {
    const d = diffRevisions(files(base), files(base));
    expect(d.objects).toEqual({ added: [], removed: [], changed: [] });
    expect(d.status).toEqual([]);
    expect(d.requests).toEqual([]);
    // rule 0: one request that matches it, one that just misses it (path /apix).
    expect(d.compared).toEqual({ caseFile: 0, derived: 2 });
    expect(changedCategories(d)).toEqual([]);
  });

  test("a route renamed with its rules unchanged: objects change, traffic does not", () => {
    const head = base.replace(
      "metadata: {name: r, namespace: app}",
      "metadata: {name: r2, namespace: app}",
    );
    const d = diffRevisions(files(base), files(head));
    expect(d.objects.added.map((o) => o.name)).toEqual(["r2"]);
    expect(d.objects.removed.map((o) => o.name)).toEqual(["r"]);
    expect(d.requests).toEqual([]);
    expect(changedCategories(d)).not.toContain("traffic");
  });

  test("a route renamed and its split changed: the traffic change is reported", () => {
    const head = base
      .replace("metadata: {name: r, namespace: app}", "metadata: {name: r2, namespace: app}")
      .replace("weight: 90", "weight: 50")
      .replace("weight: 10", "weight: 50");
    const d = diffRevisions(files(base), files(head));
    expect(d.requests.map((r) => [r.before.route, r.after.route])).toEqual([
      ["HTTPRoute/app/r", "HTTPRoute/app/r2"],
    ]);
    expect(changedCategories(d)).toContain("traffic");
  });

  test("a weight change: the fields with their head lines, and the split that moves", () => {
    const head = base.replace("weight: 90", "weight: 50").replace("weight: 10", "weight: 50");
    const d = diffRevisions(files(base, "base.yaml"), files(head, "head.yaml"));
    expect(d.objects.changed).toHaveLength(1);
    expect(
      d.objects.changed[0]?.fields.map((f) => [f.path, f.before, f.after, f.at.file, f.at.line]),
    ).toEqual([
      ["spec.rules[0].backendRefs[0].weight", "90", "50", "head.yaml", 33],
      ["spec.rules[0].backendRefs[1].weight", "10", "50", "head.yaml", 34],
    ]);
    expect(d.status).toEqual([]);
    expect(d.requests.map((r) => [r.label, r.why, r.probe.name])).toEqual([
      [
        "GET app.example.com/api",
        "a:80/b:80 90/10 becomes 50/50",
        "matches HTTPRoute app/r rule 0",
      ],
    ]);
    expect(d.requests[0]?.at?.line).toBe(31);
    expect(changedCategories(d)).toEqual(["objects", "traffic"]);
  });

  test("a Service port the route names disappears: status before → after with the reason in words, and the requests now get 500", () => {
    const head = base.replace(
      "metadata: {name: b, namespace: app}\nspec: {ports: [{port: 80}]}",
      "metadata: {name: b, namespace: app}\nspec: {ports: [{port: 81}]}",
    );
    const d = diffRevisions(files(base), files(head));
    const resolved = d.status.find((s) => s.scope.endsWith("ResolvedRefs"));
    expect(resolved).toMatchObject({
      kind: "HTTPRoute",
      namespace: "app",
      name: "r",
      scope: "parent Gateway infra/gw ResolvedRefs",
      before: "True (ResolvedRefs)",
    });
    expect(resolved?.after).toMatch(/^False \(/);
    expect(resolved?.afterMessage).toContain("b");
    expect(d.requests[0]?.after.shares.map((s) => s.bucket)).toEqual(["app/a:80", "none"]);
    expect(changedCategories(d)).toEqual(["objects", "status", "traffic"]);
  });

  test("what the backend receives counts: a rewrite added to the rule is a changed outcome", () => {
    const head = base.replace(
      "    - matches: [{path: {type: PathPrefix, value: /api}}]\n",
      "    - matches: [{path: {type: PathPrefix, value: /api}}]\n      filters: [{type: URLRewrite, urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /v2}}}]\n",
    );
    const d = diffRevisions(files(base), files(head));
    expect(d.requests).toHaveLength(1);
    expect(d.requests[0]?.before.backendRequest).toBe("GET app.example.com/api");
    expect(d.requests[0]?.after.backendRequest).toBe("GET app.example.com/v2");
    expect(d.requests[0]?.why).toBe(
      "still ends at a:80 90% · b:80 10%, but the backend now receives GET app.example.com/v2 (was GET app.example.com/api)",
    );
  });

  test("the near miss catches a widened prefix; a case-file request equal to a derived one is sent once", () => {
    const head = base.replace("value: /api}", "value: /}");
    const mine = {
      name: "mine",
      origin: { source: "case-file" as const, file: "c.yaml" },
      request: {
        scheme: "http" as const,
        gateway: "infra/gw",
        port: 80,
        host: "app.example.com",
        method: "GET",
        path: "/apix",
      },
    };
    const d = diffRevisions(files(base), files(head), { requests: [mine] });
    expect(d.compared.caseFile).toBe(1);
    const changed = d.requests.map((r) => [r.label, r.probe.name, r.before.text, r.after.text]);
    // The head's own derived request (GET /) changes too: it was nobody's before.
    expect(changed).toEqual([
      ["GET app.example.com/apix", "mine", "404 not-found", "a:80 90% · b:80 10%"],
      [
        "GET app.example.com/",
        "matches HTTPRoute app/r rule 0",
        "404 not-found",
        "a:80 90% · b:80 10%",
      ],
    ]);
  });

  test("what the API server writes (status, resourceVersion, managedFields) is not a change", () => {
    const dumped =
      base.replace(
        "metadata: {name: r, namespace: app}",
        'metadata: {name: r, namespace: app, resourceVersion: "42", uid: x, managedFields: [{manager: kubectl}]}',
      ) + "status: {parents: []}\n";
    const d = diffRevisions(files(base), files(dumped));
    expect(d.objects.changed).toEqual([]);
  });

  test("added and removed objects; cluster-scoped ones have namespace null", () => {
    const head = base
      .replace("metadata: {name: gc}", "metadata: {name: gc2}")
      .replace("gatewayClassName: gc", "gatewayClassName: gc2");
    const d = diffRevisions(files(base), files(head));
    expect(d.objects.added).toEqual([
      { kind: "GatewayClass", namespace: null, name: "gc2", file: "in.yaml", line: 1 },
    ]);
    expect(d.objects.removed).toEqual([
      { kind: "GatewayClass", namespace: null, name: "gc", file: "in.yaml", line: 1 },
    ]);
    expect(d.objects.changed.map((c) => c.fields.map((f) => f.path))).toEqual([
      ["spec.gatewayClassName"],
    ]);
  });
});

describe("printing a diff", () => {
  const head = base.replace("weight: 90", "weight: 50").replace("weight: 10", "weight: 50");

  test("JSON has exactly the keys the CLI promises", () => {
    const json = diffToJson(diffRevisions(files(base), files(head))) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["objects", "status", "requests"]);
    expect(Object.keys(json.objects as object)).toEqual(["added", "removed", "changed"]);
    const requests = json.requests as Record<string, unknown>[];
    expect(Object.keys(requests[0] ?? {})).toEqual(["request", "before", "after", "why"]);
  });

  test("markdown cells cannot break the table or inject HTML; text output escapes control characters", () => {
    const headerRoute = (backend: string) => `${base}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: h, namespace: app}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  hostnames: [h.example.com]
  rules:
    - matches: [{headers: [{name: x-h, value: "a|b<i>"}]}]
      backendRefs: [{name: ${backend}, port: 80}]
`;
    const d = diffRevisions(files(headerRoute("a")), files(headerRoute("b")));
    expect(d.requests.length).toBeGreaterThan(0);
    const md = printDiffMarkdown(d);
    expect(md).toContain("a\\|b&lt;i&gt;");
    // Inside tables nothing is HTML; the folded traces are code blocks, where it is inert.
    expect(md.split("\n").filter((l) => l.startsWith("|") && l.includes("<i>"))).toEqual([]);
    expect(md).toContain(
      "```text\nRequest    http://h.example.com:80  GET /\n           headers x-h: a|b<i>",
    );
    const text = printDiffText({
      ...d,
      requests: d.requests.map((r) => ({ ...r, label: "GET \u001b[31mred" })),
    });
    expect(text).toContain("GET \\u001b[31mred");
    expect(text).not.toContain("\u001b");
  });
});
