/**
 * Hostile and random Ingresses (seeded): the migration never throws, its counts add up, the YAML
 * it writes reloads as exactly the objects it generated (a path or annotation cannot inject YAML
 * through a comment), and the same input gives the same report twice.
 */
import { describe, expect, test } from "vitest";
import { loadManifests } from "../load/loadManifests";
import { compareMigration } from "./compareMigration";
import { convertIngresses } from "./convertIngresses";
import { printConversion } from "./printConversion";

/** mulberry32: a seeded generator, so every run draws the same Ingresses. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEGMENTS = [
  "a",
  "api",
  "v1",
  "Docs",
  "(.*)",
  "(/|$)",
  "[a-z]+",
  ".",
  "..",
  "%2F",
  'x"y',
  "n\nkind: Secret",
  "\u0007",
  "*",
  "?q=1",
];
const HOSTS = ["", "a.example.com", "*.example.com", "b.example.com", "A.example.com", "x..y"];
const KEYS = [
  "use-regex",
  "rewrite-target",
  "canary",
  "canary-weight",
  "canary-by-header",
  "canary-by-cookie",
  "ssl-redirect",
  "force-ssl-redirect",
  "app-root",
  "permanent-redirect",
  "backend-protocol",
  "configuration-snippet",
  "auth-url",
  "enable-cors",
];
const VALUES = [
  "true",
  "false",
  "/$1",
  "/$2",
  "50",
  "X-Canary",
  "https://n.example.com/p",
  "GRPC",
  "lol",
  "/home",
  "(?!x)",
];

function randomText(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const count = 1 + Math.floor(next() * 4);
  const docs: string[] = [];
  for (let i = 0; i < count; i++) {
    const annotations: Record<string, string> = {};
    for (let k = Math.floor(next() * 5); k > 0; k--)
      annotations[`nginx.ingress.kubernetes.io/${pick(KEYS)}`] = pick(VALUES);
    const host = pick(HOSTS);
    const paths = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
      const segs = Array.from({ length: Math.floor(next() * 4) }, () => pick(SEGMENTS));
      const port = next() < 0.5 ? { number: 80 } : { name: "http" };
      return {
        path: `/${segs.join("/")}`,
        pathType: pick(["Exact", "Prefix", "ImplementationSpecific"]),
        backend: { service: { name: pick(["s1", "s2"]), port } },
      };
    });
    docs.push(
      JSON.stringify({
        apiVersion: "networking.k8s.io/v1",
        kind: "Ingress",
        metadata: {
          name: pick(["a", "b", "c", "d"]),
          namespace: pick(["web", "ops"]),
          annotations,
        },
        spec: {
          ingressClassName: "nginx",
          ...(host && next() < 0.5 ? { tls: [{ hosts: [host], secretName: "cert" }] } : {}),
          rules: [{ ...(host ? { host } : {}), http: { paths } }],
        },
      }),
    );
  }
  return docs.join("\n---\n");
}

describe("migration on random Ingresses", () => {
  test("never throws; counts add up; the YAML reloads as the generated objects; deterministic", () => {
    const next = rng(13);
    for (let run = 0; run < 30; run++) {
      {
        const sources = [{ name: "in.yaml", text: randomText(next) }];
        const conversion = convertIngresses(loadManifests(sources).manifests);
        const yaml = printConversion(conversion);
        const reloaded = loadManifests([{ name: "out.yaml", text: yaml }]);
        expect(reloaded.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
        expect(reloaded.manifests.map((m) => m.key)).toEqual(
          conversion.objects.map((o) => {
            const meta = o.body.metadata as { name: string; namespace: string };
            return `${o.body.kind as string}/${meta.namespace}/${meta.name}`;
          }),
        );
        const report = compareMigration(sources);
        expect(report.equivalence.same + report.equivalence.different.length).toBe(
          report.equivalence.requests,
        );
        expect(compareMigration(sources)).toEqual(report);
      }
    }
  }, 120_000);
});
