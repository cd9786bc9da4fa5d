/**
 * The mesh form of a request case: a client Pod in a namespace calls a Service on a port (GAMMA,
 * spec §3.9), with no Gateway involved.
 *
 *   - name: reviews from web
 *     mesh: {from: web, service: bookinfo/reviews, port: 9080}
 *     request: {scheme: http, path: /reviews/1, headers: {x-canary: "true"}}
 *     expect: {status: 200, backend: bookinfo/reviews-v2}
 *
 * `from` is the client's namespace (consumer routes apply only to clients in their own namespace);
 * `service` is "namespace/name" (a bare name resolves in the client's namespace, as cluster DNS
 * does); `port` is the Service port called. A mesh case has no `gateway`, speaks plain HTTP (gRPC
 * with `request.grpc`), and gives its port here rather than in `request.port`. Kept apart from
 * parseCaseFile.ts so the Gateway request forms there evolve on their own.
 */
import type { CaseMeshClient } from "./caseTypes";
import type { Fail } from "./parseCaseFile";

const MESH_KEYS = ["from", "service", "port"];
/** RFC 1123 labels: what a namespace and a Service name must be. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Parses `mesh:` of the request case at `path`; every problem is reported through `fail`. */
export function parseCaseMesh(raw: unknown, path: string, fail: Fail): CaseMeshClient | undefined {
  const at = `${path}.mesh`;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    fail(
      at,
      "must be a mapping {from: <client namespace>, service: <namespace/name>, port: <Service port>}",
    );
    return undefined;
  }
  const m = raw as Record<string, unknown>;
  let ok = true;
  const bad: Fail = (p, w, unknownKey) => {
    ok = false;
    fail(p, w, unknownKey);
  };
  for (const key of Object.keys(m)) {
    if (!MESH_KEYS.includes(key))
      bad(at, `unknown key "${key}" (expected one of ${MESH_KEYS.join(", ")})`, key);
  }
  const from = m["from"];
  if (typeof from !== "string" || !DNS_LABEL.test(from))
    bad(
      `${at}.from`,
      `must be the client Pod's namespace, a DNS label such as "web"; got ${show(from)}`,
    );
  const service = m["service"];
  if (typeof service !== "string" || !validService(service))
    bad(
      `${at}.service`,
      `must be the Service called, "namespace/name" (or a name in the client's namespace); got ${show(service)}`,
    );
  const port = m["port"];
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535)
    bad(`${at}.port`, `must be the Service port called, an integer 1-65535; got ${show(port)}`);
  if (!ok) return undefined;
  return { from: from as string, service: service as string, port: port as number };
}

function validService(service: string): boolean {
  const parts = service.split("/");
  return parts.length <= 2 && parts.every((p) => DNS_LABEL.test(p));
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
