import { describe, expect, test } from "vitest";
import { loadManifests } from "../load/loadManifests";
import { applyCrdDefaults } from "./applyCrdDefaults";
import { CRD_SCHEMAS, getCrdJsonSchema, type JsonSchema } from "./crdSchemas";
import { validateManifests } from "./validateManifests";

function errors(text: string): string[] {
  const loaded = loadManifests([{ name: "in.yaml", text }]);
  return validateManifests(loaded.manifests, loaded.locator)
    .diagnostics.filter((d) => d.severity === "error")
    .map((d) => d.message);
}

const gatewaySpec = getCrdJsonSchema("Gateway", "gateway.networking.k8s.io/v1")?.properties?.spec;

describe("applyCrdDefaults", () => {
  test("fills defaults at every depth, inside lists and inside a default just applied", () => {
    const spec = applyCrdDefaults(
      {
        gatewayClassName: "c",
        listeners: [
          { name: "a", port: 443, protocol: "TLS", tls: { certificateRefs: [{ name: "s" }] } },
        ],
      },
      gatewaySpec,
    );
    expect(spec).toEqual({
      gatewayClassName: "c",
      listeners: [
        {
          name: "a",
          port: 443,
          protocol: "TLS",
          tls: { mode: "Terminate", certificateRefs: [{ name: "s", group: "", kind: "Secret" }] },
          allowedRoutes: { namespaces: { from: "Same" } },
        },
      ],
    });
  });

  test("never overrides a value that is set, nor changes the input", () => {
    const input = { listeners: [{ name: "a", tls: { mode: "Passthrough" } }] };
    const spec = applyCrdDefaults(input, gatewaySpec) as { listeners: { tls: { mode: string } }[] };
    expect(spec.listeners[0]?.tls.mode).toBe("Passthrough");
    expect(input).toEqual({ listeners: [{ name: "a", tls: { mode: "Passthrough" } }] });
  });

  test("a __proto__ key stays an own field", () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const out = applyCrdDefaults(input, gatewaySpec) as Record<string, unknown>;
    expect(Object.hasOwn(out, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  test("a mapping default is a fresh copy for each object; a scalar default is the value", () => {
    const spec = applyCrdDefaults({ listeners: [{ name: "a" }, { name: "b" }] }, gatewaySpec) as {
      listeners: { allowedRoutes: { namespaces: { from: string } } }[];
    };
    const [a, b] = spec.listeners;
    expect(a?.allowedRoutes).toEqual({ namespaces: { from: "Same" } });
    expect(a?.allowedRoutes).not.toBe(b?.allowedRoutes);
    expect(a?.allowedRoutes.namespaces).not.toBe(b?.allowedRoutes.namespaces);
    const schemaDefault = (gatewaySpec?.properties?.listeners?.items?.properties?.allowedRoutes
      ?.default ?? {}) as object;
    expect(a?.allowedRoutes).not.toBe(schemaDefault);
  });

  // Every `default` of every vendored CRD, found by walking the schema: an object holding only
  // the field's parents (one entry per list) comes back with the default at the field.
  const defaulted: [string, string, (string | number)[], unknown, JsonSchema][] = [];
  const walk = (kind: string, spec: JsonSchema, schema: JsonSchema, path: (string | number)[]) => {
    if (schema.default !== undefined && path.length > 0)
      defaulted.push([kind, path.join("."), path, schema.default, spec]);
    for (const [name, child] of Object.entries(schema.properties ?? {}))
      walk(kind, spec, child, [...path, name]);
    if (schema.items) walk(kind, spec, schema.items, [...path, 0]);
  };
  for (const crd of CRD_SCHEMAS) {
    for (const v of crd.versions) {
      const spec = v.schema.properties?.spec;
      if (spec) walk(`${crd.kind} (${v.apiVersions.join(", ")})`, spec, spec, []);
    }
  }

  test("the walk finds the defaults of several kinds", () => {
    expect(new Set(defaulted.map((d) => d[0])).size).toBeGreaterThanOrEqual(5);
    expect(defaulted.length).toBeGreaterThan(20);
  });

  test.each(defaulted)("%s spec.%s is defaulted", (_kind, _name, path, value, spec) => {
    const input: Record<string, unknown> = {};
    let holder: Record<string, unknown> | unknown[] = input;
    for (let i = 0; i < path.length - 1; i++) {
      const next: Record<string, unknown> | unknown[] = typeof path[i + 1] === "number" ? [] : {};
      if (Array.isArray(holder)) holder.push(next);
      else holder[String(path[i])] = next;
      holder = next;
    }
    let out: unknown = applyCrdDefaults(input, spec);
    for (const segment of path) out = (out as Record<string | number, unknown>)[segment];
    expect(out).toEqual(value);
  });
});

describe("CEL-equivalent checks run on the defaulted object", () => {
  const listener = (protocol: string, tls: string) =>
    `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: gw}\nspec:\n  gatewayClassName: c\n  listeners:\n  - name: l\n    port: 443\n    protocol: ${protocol}\n${tls}`;

  test("a TLS listener with certificateRefs and no mode is Terminate, as the API server defaults it", () => {
    expect(errors(listener("TLS", "    tls: {certificateRefs: [{name: cert}]}\n"))).toEqual([]);
  });

  test("a TLS listener without tls still needs a mode", () => {
    expect(errors(listener("TLS", ""))).toEqual([
      "spec.listeners[0].tls.mode: tls mode must be set for protocol TLS.",
    ]);
  });

  test("a ListenerSet listener is defaulted the same way", () => {
    const text = `apiVersion: gateway.networking.k8s.io/v1\nkind: ListenerSet\nmetadata: {name: ls}\nspec:\n  parentRef: {name: gw}\n  listeners:\n  - name: l\n    port: 443\n    protocol: TLS\n    tls: {certificateRefs: [{name: cert}]}\n`;
    expect(errors(text)).toEqual([]);
  });
});
