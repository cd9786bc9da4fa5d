/**
 * Property tests of the ingress-nginx annotation reader and the conversion it feeds: any
 * annotation map (known names with wrong values, unknown names, prototype keys, any Unicode)
 * never throws, and every annotation under the prefix that the model does not act on is reported
 * (a note, or "not simulated"), in readAnnotations and in the conversion's report, none dropped.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { loadManifests } from "../load/loadManifests";
import { convertIngresses } from "./convertIngresses";
import {
  MODELLED_ANNOTATIONS,
  NGINX_PREFIX,
  NOTE_ANNOTATIONS,
  readAnnotations,
  UNPORTABLE_ANNOTATIONS,
} from "./readAnnotations";

const SEED = 20261206;
const KNOWN = [...MODELLED_ANNOTATIONS, ...NOTE_ANNOTATIONS, ...UNPORTABLE_ANNOTATIONS];

const annotationName = fc.oneof(
  fc.constantFrom(...KNOWN).map((n) => NGINX_PREFIX + n),
  fc
    .constantFrom("__proto__", "constructor", "toString", "auth-url", "Canary", "")
    .map((n) => NGINX_PREFIX + n),
  fc.string({ unit: "binary", maxLength: 12 }).map((n) => NGINX_PREFIX + n),
  fc.constantFrom("kubernetes.io/ingress.class", "__proto__", "nginx.ingress.kubernetes.io"),
);

const annotationValue = fc.oneof(
  fc.constantFrom("true", "false", "1", "0", "TRUE", "t", "yes", "", " ", "300", "-1", "1e3"),
  fc.constantFrom("/", "/app", "http://a.example.com/x", "GRPC", "fcgi", "9999999999", "a,b,,c"),
  fc.string({ unit: "binary", maxLength: 40 }),
);

const annotations = fc
  .array(fc.tuple(annotationName, annotationValue), { maxLength: 12 })
  .map((pairs) => Object.fromEntries(pairs) as Record<string, string>);

/** Under the prefix and not acted on by the model: must be reported. */
const unmodelled = (all: Record<string, string>): string[] =>
  Object.keys(all).filter(
    (key) =>
      key.startsWith(NGINX_PREFIX) &&
      !MODELLED_ANNOTATIONS.includes(key.slice(NGINX_PREFIX.length)),
  );

function ingressWith(all: Record<string, string>): string {
  const lines = [
    "apiVersion: networking.k8s.io/v1",
    "kind: Ingress",
    "metadata:",
    "  name: web",
    "  namespace: shop",
    "  annotations:",
  ];
  for (const [key, value] of Object.entries(all))
    lines.push(`    ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  lines.push(
    "spec:",
    "  ingressClassName: nginx",
    "  rules:",
    "  - host: a.example.com",
    "    http:",
    "      paths:",
    "      - path: /",
    "        pathType: Prefix",
    "        backend: {service: {name: web, port: {number: 80}}}",
  );
  return `${lines.join("\n")}\n`;
}

describe("ingress-nginx annotations (seeded properties)", () => {
  test("readAnnotations never throws and reports every annotation it does not model", () => {
    fc.assert(
      fc.property(annotations, (all) => {
        const read = readAnnotations(all);
        const reported = new Set([...read.notSimulated, ...read.notes.map((n) => n.annotation)]);
        for (const key of unmodelled(all)) expect(reported.has(key), key).toBe(true);
        for (const key of read.unportable) expect(read.notSimulated).toContain(key);
        for (const invalid of read.invalid) expect(invalid.reason).not.toBe("");
      }),
      { seed: SEED, numRuns: 1_000 },
    );
  }, 30_000);

  test("the conversion never throws and lists every annotation it does not simulate", () => {
    fc.assert(
      fc.property(annotations, (all) => {
        const { manifests } = loadManifests([{ name: "ingress.yaml", text: ingressWith(all) }]);
        expect(manifests.map((m) => m.kind)).toEqual(["Ingress"]);
        const conversion = convertIngresses(manifests);
        const listed = new Set(conversion.notSimulated.map((n) => n.annotation));
        for (const key of unmodelled(all)) {
          if (NOTE_ANNOTATIONS.includes(key.slice(NGINX_PREFIX.length))) continue;
          expect(listed.has(key), key).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 200 },
    );
  }, 30_000);
});
