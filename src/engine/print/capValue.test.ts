import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { compileRouter } from "../routing/compileRouter";
import { traceRequest } from "../simulate/traceRequest";
import { capLongWords, capQuoted, capValue, MAX_SHOWN_VALUE } from "./capValue";

const long = (n: number, c = "a") => c.repeat(n);

describe("capValue", () => {
  test("a value up to the cap is shown whole; a longer one says how much is left out", () => {
    expect(capValue(long(MAX_SHOWN_VALUE))).toBe(long(MAX_SHOWN_VALUE));
    expect(capValue(long(MAX_SHOWN_VALUE + 13_000))).toBe(
      `${long(MAX_SHOWN_VALUE)}…(13000 more characters)`,
    );
  });

  test("a surrogate pair at the cut is kept whole", () => {
    const value = `${long(MAX_SHOWN_VALUE - 1)}😀${long(10)}`;
    expect(capValue(value)).toBe(`${long(MAX_SHOWN_VALUE - 1)}…(12 more characters)`);
  });

  test("a quoted value keeps its quotes and the marker outside them", () => {
    expect(capQuoted("ab")).toBe('"ab"');
    expect(capQuoted(long(MAX_SHOWN_VALUE + 5))).toBe(
      `"${long(MAX_SHOWN_VALUE)}"…(5 more characters)`,
    );
  });

  test("every over-long word of a sentence is capped, its closing punctuation kept", () => {
    const v = long(MAX_SHOWN_VALUE + 100, "x");
    expect(capLongWords(`kind "${v}": unknown; see ${v}.`)).toBe(
      `kind "${long(MAX_SHOWN_VALUE - 1, "x")}…(101 more characters)": unknown; see ${long(MAX_SHOWN_VALUE, "x")}…(100 more characters).`,
    );
    const short = `a sentence ${long(MAX_SHOWN_VALUE)} whose words all fit`;
    expect(capLongWords(short)).toBe(short);
  });
});

describe("long values in wording", () => {
  test("a 13 KB kind is named in its diagnostic capped; the location is unchanged", () => {
    const kind = `K${long(13_000)}`;
    const text = `apiVersion: example.com/v1\nkind: ${kind}\nmetadata: {name: x}\n`;
    const analysis = analyze([{ name: "a.yaml", text }]);
    expect(analysis.diagnostics.length).toBeGreaterThan(0);
    for (const d of analysis.diagnostics) {
      expect(d.message).not.toContain(kind);
      expect(d.message.length).toBeLessThan(1000);
    }
    expect(analysis.diagnostics.some((d) => d.message.includes("…(12881 more characters)"))).toBe(
      true,
    );
    const located = analysis.diagnostics.map((d) => [d.file, d.line]);
    expect(located).toContainEqual(["a.yaml", 2]);
  });

  test("a long hostname is capped in a trace's reasons, whole in its data", () => {
    const host = `${long(300)}.example.com`;
    const text = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: default}
spec:
  gatewayClassName: c
  listeners: [{name: http, port: 80, protocol: HTTP, hostname: "${host}"}]
`;
    const router = compileRouter(analyze([{ name: "a.yaml", text }]));
    const trace = traceRequest(router, { scheme: "http", host, port: 80, path: "/" });
    expect(trace.request.hostname).toBe(host);
    const wording = JSON.stringify([trace.listeners.map((l) => l.reason), trace.outcome.reason]);
    expect(wording).toContain("more characters)");
    expect(wording).not.toContain(host);
  });
});
