import { describe, expect, test } from "vitest";
import { buildCaseStates } from "./buildCaseStates";
import { parseCaseFile } from "./parseCaseFile";
import { normalizePath, resolveCasePath } from "./resolveCasePath";

const files: Record<string, string> = {
  "cases/base.yaml": `apiVersion: v1
kind: Namespace
metadata:
  name: app
---
apiVersion: gateway.networking.k8s.io/v1
kind: ReferenceGrant
metadata:
  name: grant
  namespace: app
spec: {from: [], to: []}
`,
  "cases/route.yaml": `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: app
spec:
  rules: [{backendRefs: [{name: v1, port: 80}]}]
`,
  "cases/derived/route-v2.yaml": `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: app
spec:
  rules: [{backendRefs: [{name: v2, port: 80}]}]
`,
  "cases/derived/route-same.yaml": `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: web
  namespace: app
spec:
  rules: [{backendRefs: [{name: v2, port: 80}]}]
`,
};
const readFile = (p: string): string => {
  const text = files[p];
  if (text === undefined) throw new Error("ENOENT");
  return text;
};

function parse(text: string) {
  const r = parseCaseFile("cases/case.yaml", text);
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.caseFile;
}

describe("resolveCasePath", () => {
  test("resolves against the folder of the file naming the path, like kustomize", () => {
    expect(resolveCasePath("fixtures/conformance/tests/A.yaml", "../base/m.yaml")).toBe(
      "fixtures/conformance/base/m.yaml",
    );
    expect(resolveCasePath("A.yaml", "m.yaml")).toBe("m.yaml");
    expect(resolveCasePath("/abs/t/A.yaml", "../../x.yaml")).toBe("/x.yaml");
    expect(normalizePath("../a/./b/../c")).toBe("../a/c");
  });
});

describe("buildCaseStates", () => {
  const caseFile = parse(`name: Steps
manifests: [base.yaml, route.yaml]
steps:
- description: change the backend
  apply: [derived/route-v2.yaml]
- description: re-apply the same spec
  apply: [derived/route-same.yaml]
- description: delete the grant
  delete: [{kind: ReferenceGrant, namespace: app, name: grant}]
`);
  const states = buildCaseStates(caseFile, readFile);

  test("the initial state passes the files through verbatim", () => {
    expect(states[0]?.sources).toEqual([
      { name: "cases/base.yaml", text: files["cases/base.yaml"] },
      { name: "cases/route.yaml", text: files["cases/route.yaml"] },
    ]);
  });

  test("apply replaces the object and raises metadata.generation when the spec changed", () => {
    const s1 = states[1];
    expect(s1?.sources.map((s) => s.name)).toEqual([
      "cases/base.yaml",
      "cases/route.yaml",
      "cases/derived/route-v2.yaml",
    ]);
    expect(s1?.sources[1]?.text).not.toContain("kind: HTTPRoute");
    expect(s1?.sources[2]?.text).toContain("generation: 2");
    expect(s1?.sources[2]?.text).toContain("name: v2");
    expect(s1?.previousGeneration).toEqual({ "HTTPRoute/app/web": 1 });
  });

  test("apply with an unchanged spec keeps the generation", () => {
    const s2 = states[2];
    const route = s2?.sources.find((s) => s.text.includes("kind: HTTPRoute"));
    expect(route?.name).toBe("cases/derived/route-same.yaml");
    expect(route?.text).toContain("generation: 2");
  });

  test("delete removes the object and keeps the rest of its file", () => {
    const base = states[3]?.sources.find((s) => s.name === "cases/base.yaml");
    expect(base?.text).toContain("kind: Namespace");
    expect(base?.text).not.toContain("ReferenceGrant");
    expect(base?.text.match(/^---$/gm)?.length).toBe(1);
  });

  test("objects a step creates are dated after everything before them; replaced ones keep their date", () => {
    const created = parse(`name: Order
manifests: [route.yaml]
steps:
- description: create a second route
  apply: [derived/other.yaml]
- description: replace the first route
  apply: [derived/route-v2.yaml]
`);
    const withOther: Record<string, string | undefined> = {
      ...files,
      "cases/derived/other.yaml": files["cases/route.yaml"]?.replace("name: web", "name: other"),
    };
    const read = (p: string): string => {
      const text = withOther[p];
      if (text === undefined) throw new Error("ENOENT");
      return text;
    };
    const [s0, s1, s2] = buildCaseStates(created, read);
    expect(s0?.sources[0]?.text).toBe(files["cases/route.yaml"]);
    const timeOf = (text: string | undefined, name: string): string | undefined =>
      text
        ?.split("---")
        .find((d) => d.includes(`name: ${name}\n`))
        ?.match(/creationTimestamp: (\S+)/)?.[1];
    const all1 = s1?.sources.map((s) => s.text).join("---");
    expect(timeOf(all1, "web")).toBe("2026-01-01T00:00:00Z");
    expect(timeOf(all1, "other")).toBe("2026-01-01T00:00:01Z");
    const all2 = s2?.sources.map((s) => s.text).join("---");
    expect(timeOf(all2, "web")).toBe("2026-01-01T00:00:00Z");
  });

  test("a missing manifest names the case file and the path", () => {
    const broken = parse("name: X\nmanifests: [nope.yaml]\n");
    expect(() => buildCaseStates(broken, readFile)).toThrow(
      /cases\/case.yaml: cannot read manifest file cases\/nope.yaml/,
    );
  });
});

describe("parseCaseFile", () => {
  test("a mesh request case: the client's namespace, the Service and its port, no Gateway", () => {
    const r = parseCaseFile(
      "c.yaml",
      "name: X\nsteps:\n- apply: []\n  requests:\n  - name: m\n    mesh: {from: web, service: bookinfo/reviews, port: 9080}\n    request: {scheme: http, path: /r}\n    expect: {status: 200}\n",
    );
    if (!r.ok) throw new Error(r.errors.join("\n"));
    const rc = r.caseFile.steps[0]?.requests[0];
    expect(rc?.mesh).toEqual({ from: "web", service: "bookinfo/reviews", port: 9080 });
    expect(rc?.gateway).toBeUndefined();
  });

  test("a wrong mesh form is refused with the line and column of the field at fault", () => {
    const r = parseCaseFile(
      "c.yaml",
      "name: X\nrequests:\n- name: m\n  mesh:\n    from: web\n    service: bookinfo/reviews\n    port: '9080'\n  request: {scheme: http}\n  expect: {status: 200}\n",
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        'c.yaml:7:11: requests[0].mesh.port: must be the Service port called, an integer 1-65535; got "9080"',
      ]);
  });

  test("reports shape errors with the field path and its line and column", () => {
    const r = parseCaseFile(
      "c.yaml",
      "name: X\nrequests:\n- name: r\n  gateway: gw\n  request: {scheme: ftp}\n  expect: {status: 200}\n",
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual([
        'c.yaml:4:12: requests[0].gateway: must be "namespace/name" of the Gateway that receives the request (or give mesh: {from, service, port} for a mesh request)',
        "c.yaml:5:21: requests[0].request.scheme: must be one of http, https, tls, ws, tcp, udp",
      ]);
    }
  });

  test("a tcp or udp connection must name the listener port; with it the case parses", () => {
    const at = (scheme: string, port: string) =>
      parseCaseFile(
        "c.yaml",
        `name: X\nrequests:\n- name: r\n  gateway: a/b\n  request: {scheme: ${scheme}${port}}\n  expect: {backend: a/echo}\n`,
      );
    for (const scheme of ["tcp", "udp"]) {
      expect(at(scheme, "")).toEqual({
        ok: false,
        errors: [
          `c.yaml:5:12: requests[0].request.port: a ${scheme} connection needs the listener port (an integer 1-65535)`,
        ],
      });
      expect(at(scheme, ", port: 0").ok).toBe(false);
      const ok = at(scheme, ", port: 9300");
      expect(ok.ok && ok.caseFile.requests[0]?.request).toEqual({ scheme, port: 9300 });
    }
  });

  test("rejects misspelt keys instead of ignoring them", () => {
    const r = parseCaseFile(
      "c.yaml",
      "name: X\nrequests:\n- name: r\n  gateway: a/b\n  request: {scheme: http, hedaers: {a: b}}\n  expect: {status: 200}\n",
    );
    expect(r.ok ? [] : r.errors).toEqual([
      'c.yaml:5:27: requests[0].request: unknown key "hedaers" (expected one of scheme, port, host, method, path, headers, protocol, sni, clientCertificate, grpc)',
    ]);
  });

  // A block value starts on the next line: locating the value put the message under the key.
  test("an unknown key with a block value is located at the key, not at the next line", () => {
    const r = parseCaseFile(
      "c.yaml",
      "name: X\nrequests:\n- name: r\n  gateway: a/b\n  request:\n    scheme: http\n    hedaers:\n      a: b\n  expect: {status: 200}\nowner:\n  team: a\n",
    );
    expect(r.ok ? [] : r.errors).toEqual([
      expect.stringMatching(/^c\.yaml:7:5: requests\[0\]\.request: unknown key "hedaers" /),
    ]);
    const top = parseCaseFile("c.yaml", "name: X\nowner:\n  team: a\n");
    expect(top.ok ? top.warnings : []).toEqual([
      expect.stringMatching(/^c\.yaml:2:1: \(top level\): unknown key "owner" /),
    ]);
  });

  test("a misspelt backend behaviour is an error, not a backend that silently behaves", () => {
    const r = parseCaseFile(
      "c.yaml",
      "name: X\nrequests:\n- name: r\n  gateway: a/b\n  request: {scheme: http}\n  backendBehavior: {failFirstAttempts: 2, failConection: true}\n  expect: {status: 200}\n",
    );
    expect(r.ok ? [] : r.errors).toEqual([
      'c.yaml:6:43: requests[0].backendBehavior: unknown key "failConection" (expected one of delay, failFirstAttempts, failStatus, failDelay, failConnection)',
    ]);
  });

  test("an unknown top-level key is a warning and the case still parses", () => {
    const r = parseCaseFile(
      "c.yaml",
      "name: X\nowner: team-a\nrequests:\n- name: r\n  gateway: a/b\n  request: {scheme: http}\n  expect: {status: 200}\n",
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.caseFile.requests).toHaveLength(1);
      expect(r.warnings).toEqual([
        expect.stringMatching(
          /^c\.yaml:2:1: \(top level\): unknown key "owner" \(expected one of name, .*\); it is ignored$/,
        ),
      ]);
    }
  });

  test("reports YAML syntax errors with line and column", () => {
    const r = parseCaseFile("c.yaml", "name: [\n");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^c\.yaml:\d+:\d+: YAML syntax error/);
  });

  test("header values written as YAML numbers stay header text", () => {
    const c = parse(
      "name: X\nrequests:\n- name: r\n  gateway: a/b\n  request: {scheme: http, headers: {Version: 2}}\n  expect: {status: 200}\n",
    );
    expect(c.requests[0]?.request.headers).toEqual({ Version: "2" });
  });
});
