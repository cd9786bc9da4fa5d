import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { jsonObjectStarts } from "./jsonStream";
import { loadManifests } from "./loadManifests";
import { createParseCache } from "./parseCache";

// What `ingress2gateway print -o json` writes: one indented JSON object after another.
const GATEWAY = `{
  "apiVersion": "gateway.networking.k8s.io/v1",
  "kind": "Gateway",
  "metadata": {"name": "gw", "namespace": "app"},
  "spec": {
    "gatewayClassName": "gc",
    "listeners": [{"name": "http", "port": 80, "protocol": "HTTP", "hostname": "*"}]
  }
}`;
const ROUTE = `{
  "apiVersion": "gateway.networking.k8s.io/v1",
  "kind": "HTTPRoute",
  "metadata": {"name": "r", "namespace": "app"},
  "spec": {"parentRefs": [{"name": "gw"}], "rules": [{"backendRefs": [{"name": "s", "port": 80}]}]}
}`;
const STREAM = `${GATEWAY}\n${ROUTE}\n`;

const view = (text: string, split: boolean) => {
  const loaded = loadManifests([{ name: "out.json", text }], {}, undefined, split);
  return {
    objects: loaded.manifests.map((m) => [m.key, m.source.line, m.source.docIndex]),
    diagnostics: loaded.diagnostics.map((d) => [d.code, d.line, d.column]),
  };
};

describe("a stream of JSON objects, as kubectl reads it", () => {
  test("loads every object, each located on its own lines, in both parse modes", () => {
    expect(view(STREAM, true)).toEqual({
      objects: [
        ["Gateway/app/gw", 1, 0],
        ["HTTPRoute/app/r", 10, 1],
      ],
      diagnostics: [],
    });
    expect(view(STREAM, false)).toEqual(view(STREAM, true));
  });

  test("is analysed as the objects it holds: diagnostics point into the right object", () => {
    const a = analyze([{ name: "out.json", text: STREAM }]);
    const hostname = a.diagnostics.find((d) => d.code === "schema.pattern");
    expect([hostname?.line, hostname?.column]).toEqual([7, 80]);
    expect(a.status["HTTPRoute/app/r"]).toMatchObject({
      parents: [
        {
          conditions: expect.arrayContaining([
            expect.objectContaining({ type: "Accepted", status: "True" }),
          ]),
        },
      ],
    });
  });

  test("an edit through a parse cache gives what a fresh load gives", () => {
    const cache = createParseCache();
    loadManifests([{ name: "out.json", text: STREAM }], {}, cache);
    const edited = STREAM.replace('"name": "r"', '"name": "r2"');
    const again = loadManifests([{ name: "out.json", text: edited }], {}, cache);
    expect(again.manifests.map((m) => m.key)).toEqual(["Gateway/app/gw", "HTTPRoute/app/r2"]);
    // An object added inside the first one's lines: the reload must split it off as a fresh load does.
    const added = edited.replace(
      `}\n{\n  "apiVersion"`,
      `}\n{"kind": "ConfigMap", "apiVersion": "v1", "metadata": {"name": "c"}}\n{\n  "apiVersion"`,
    );
    const fresh = loadManifests([{ name: "out.json", text: added }]);
    const reloaded = loadManifests([{ name: "out.json", text: added }], {}, cache);
    expect(reloaded.manifests.map((m) => m.key)).toEqual(fresh.manifests.map((m) => m.key));
    expect(reloaded.diagnostics).toEqual(fresh.diagnostics);
    expect(fresh.manifests).toHaveLength(3);
  });

  test("splits only where a closed top-level object is followed by `{` at a line start", () => {
    expect(jsonObjectStarts(STREAM)).toEqual([GATEWAY.length + 1]);
    expect(jsonObjectStarts(`# out\n---\n${STREAM}`)).toEqual([GATEWAY.length + 11]);
    // One object, a List, block YAML: nothing to split.
    expect(jsonObjectStarts(GATEWAY)).toEqual([]);
    expect(jsonObjectStarts('{"kind": "List", "items": [{"a": 1},\n{"b": 2}]}\n')).toEqual([]);
    expect(jsonObjectStarts("kind: A\nmetadata: {name: a}\n{b: 1}\n")).toEqual([]);
    // Braces in quoted scalars (a quote in a plain scalar opens none) are not structure.
    expect(jsonObjectStarts('{"a": "x}\n{y"}\n')).toEqual([]);
    expect(jsonObjectStarts("{a: it's, b: 'q}\n{'}\n{c: 1}\n")).toEqual([21]);
    // Two objects on one line, or something else after the first: left to the parser's error.
    expect(jsonObjectStarts('{"a": 1} {"b": 2}\n')).toEqual([]);
    expect(jsonObjectStarts('{"a": 1}\nb: 2\n{"c": 3}\n')).toEqual([]);
  });
});
