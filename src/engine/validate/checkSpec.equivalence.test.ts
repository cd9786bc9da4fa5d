import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ROUTE_KINDS } from "../api/kinds";
import { loadManifests } from "../load/loadManifests";
import { applyCrdDefaults } from "./applyCrdDefaults";
import { CRD_SCHEMAS, type JsonSchema } from "./crdSchemas";
import { checkSpec, specForChecks, validateManifest } from "./validateManifests";
import { validationSchemaFor } from "./validationSchemas";

const ROOT = join(__dirname, "../../..");

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Each modelled CRD object of `text` as the checks get it: kind, typed spec and CRD schema. */
function typedSpecs(text: string): [string, Record<string, unknown>, JsonSchema][] {
  return loadManifests([{ name: "in.yaml", text }]).manifests.flatMap((manifest) => {
    const schema = manifest.modelled
      ? validationSchemaFor(manifest.kind, manifest.apiVersion)
      : undefined;
    if (schema === undefined) return [];
    const typed = validateManifest(manifest).manifest;
    return [[manifest.kind, typed.spec, schema] as [string, Record<string, unknown>, JsonSchema]];
  });
}

/** What the checks find on the spec they are given, and what CEL would find on the defaulted one. */
function bothWays(kind: string, spec: Record<string, unknown>, schema: JsonSchema) {
  const defaulted = applyCrdDefaults(spec, schema.properties?.spec) as Record<string, unknown>;
  return {
    given: checkSpec(kind, specForChecks(kind, spec, schema)),
    onDefaulted: checkSpec(kind, defaulted),
  };
}

const ROUTE = (kind: string, apiVersion: string, spec: string) =>
  `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: r, namespace: app}\nspec:\n${spec}`;

/**
 * Routes whose findings depend on a field the CRD defaults, each left out: the checks must read
 * the default through their fallback (a rule without matches is one PathPrefix match, a
 * backendRef without kind is a Service, a parentRef without group and kind is a Gateway, a
 * mirror fraction without denominator is out of 100).
 */
const LEFT_OUT_DEFAULTS: [string, boolean, string][] = [
  [
    "ReplacePrefixMatch on a rule without matches (its default match is a PathPrefix)",
    false,
    "  rules:\n  - filters:\n    - type: URLRewrite\n      urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /x}}\n",
  ],
  [
    "ReplacePrefixMatch on a match without path, and on a path without type",
    true,
    "  rules:\n  - matches:\n    - headers: [{name: a, value: b}]\n    filters:\n    - type: URLRewrite\n      urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /x}}\n  - matches:\n    - path: {value: /a}\n    filters:\n    - type: RequestRedirect\n      requestRedirect: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /x}}\n  - matches:\n    - path: {type: Exact, value: /a}\n    filters:\n    - type: URLRewrite\n      urlRewrite: {path: {type: ReplacePrefixMatch, replacePrefixMatch: /x}}\n",
  ],
  [
    "a backendRef without group, kind or port; a mirror's backendRef without port",
    true,
    "  rules:\n  - backendRefs:\n    - name: a\n    - {name: b, kind: Service}\n    - {name: c, group: example.com, kind: Bucket}\n    filters:\n    - type: RequestMirror\n      requestMirror: {backendRef: {name: m}, fraction: {numerator: 150}}\n",
  ],
  [
    "a path value without type, a path type without value",
    true,
    "  rules:\n  - matches:\n    - path: {value: a//b}\n    - path: {type: Exact}\n    - path: {type: PathPrefix, value: /x/../y}\n",
  ],
  [
    "parentRefs without group or kind, one of them spelled out",
    true,
    "  parentRefs:\n  - name: gw\n  - {name: gw, group: gateway.networking.k8s.io, kind: Gateway}\n  - {name: gw, sectionName: a}\n  - {name: gw, sectionName: a}\n",
  ],
  ["no rules at all", false, "  hostnames: [a.example.com]\n"],
];

describe("route checks find on the typed view what CEL finds on the defaulted object", () => {
  test("routes are checked on their typed view itself, Gateways on a defaulted copy", () => {
    const [[routeKind, routeSpec, routeSchema] = []] = typedSpecs(
      ROUTE(
        "HTTPRoute",
        "gateway.networking.k8s.io/v1",
        "  rules:\n  - backendRefs: [{name: a, port: 80}]\n",
      ),
    );
    expect(routeKind).toBe("HTTPRoute");
    if (routeSpec === undefined || routeSchema === undefined) throw new Error("no route");
    expect(specForChecks("HTTPRoute", routeSpec, routeSchema)).toBe(routeSpec);
    const [[, gatewaySpec, gatewaySchema] = []] = typedSpecs(
      `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec:\n  gatewayClassName: c\n  listeners:\n  - {name: l, port: 443, protocol: TLS, tls: {certificateRefs: [{name: s}]}}\n`,
    );
    if (gatewaySpec === undefined || gatewaySchema === undefined) throw new Error("no gateway");
    const checked = specForChecks("Gateway", gatewaySpec, gatewaySchema);
    expect(checked).not.toBe(gatewaySpec);
    expect(checked).toMatchObject({ listeners: [{ tls: { mode: "Terminate" } }] });
  });

  test.each(LEFT_OUT_DEFAULTS)("%s", (_name, reports, spec) => {
    for (const kind of ["HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute"]) {
      const apiVersion = "gateway.networking.k8s.io/v1";
      for (const [k, typed, schema] of typedSpecs(ROUTE(kind, apiVersion, spec))) {
        const { given, onDefaulted } = bothWays(k, typed, schema);
        expect(given).toEqual(onDefaulted);
      }
    }
    // What the HTTPRoute checks report: a reading without the default would report otherwise.
    const [[kind, typed, schema] = []] = typedSpecs(
      ROUTE("HTTPRoute", "gateway.networking.k8s.io/v1", spec),
    );
    if (kind === undefined || typed === undefined || schema === undefined) throw new Error("none");
    const { given } = bothWays(kind, typed, schema);
    expect(given.length > 0).toBe(reports);
  });

  test("every route in the repository's YAML", () => {
    let routes = 0;
    {
      for (const file of yamlFiles(join(ROOT, "fixtures"))) {
        for (const [kind, typed, schema] of typedSpecs(readFileSync(file, "utf8"))) {
          if (!(ROUTE_KINDS as readonly string[]).includes(kind)) continue;
          routes++;
          const { given, onDefaulted } = bothWays(kind, typed, schema);
          expect(given, file).toEqual(onDefaulted);
        }
      }
    }
    expect(routes).toBeGreaterThan(100);
  }, 120_000);

  const routeSchemas = CRD_SCHEMAS.filter((crd) =>
    (ROUTE_KINDS as readonly string[]).includes(crd.kind),
  ).flatMap((crd) =>
    crd.versions.map((v) => [crd.kind, v.apiVersions[0] ?? "", v.schema] as const),
  );

  test.each(routeSchemas)("%s %s: generated specs (property)", (kind, apiVersion, schema) => {
    const specSchema = schema.properties?.spec;
    if (specSchema === undefined) throw new Error("no spec schema");
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const spec = sample(specSchema, randomSource(seed), 0);
        const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: r, namespace: app}\nspec: ${JSON.stringify(spec)}\n`;
        for (const [k, typed, s] of typedSpecs(text)) {
          const { given, onDefaulted } = bothWays(k, typed, s);
          expect(given).toEqual(onDefaulted);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * A value shaped by `schema`: some properties set (defaulted ones left out half the time), short
 * lists, enum values (filter and path types), small numbers and paths that now and then break a rule.
 */
function sample(schema: JsonSchema, next: () => number, depth: number): unknown {
  if (depth > 9) return undefined;
  if (schema.type === "array" || schema.items) {
    const n = Math.floor(next() * 3);
    const items = schema.items ?? {};
    return Array.from({ length: n }, () => sample(items, next, depth + 1)).filter(
      (v) => v !== undefined,
    );
  }
  if (schema.type === "object" || schema.properties) {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(schema.properties ?? {}))
      if (next() < 0.45) {
        const v = sample(child, next, depth + 1);
        if (v !== undefined) out[key] = v;
      }
    return out;
  }
  if (schema.enum && schema.enum.length > 0)
    return schema.enum[Math.floor(next() * schema.enum.length)];
  if (schema.type === "integer") return Math.floor(next() * 200);
  if (schema.type === "boolean") return next() < 0.5;
  const strings = ["/a", "/a//b", "a", "/x/../y", "svc", "core", "", "1.2.3.4", "10s", "1s"];
  return strings[Math.floor(next() * strings.length)];
}

function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
