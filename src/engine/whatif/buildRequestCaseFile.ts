/**
 * Saved requests as a `gwsim test` case file: each request with the outcome the engine gives it
 * now (status, the backend or the exact split, the gRPC code, what the backend receives), so CI
 * fails when a later change routes it differently. The format is the one of the vendored
 * conformance cases (fixtures/conformance/README.md, "Request cases").
 */
import { stringify } from "yaml";
import { backendPercents } from "../conformance/summarizeOutcome";
import type { RequestTrace } from "../simulate/traceTypes";
import type { SimRequest } from "../simulate/types";
import type { Readings } from "../readings/readings";
import { DEFAULT_WORLD_MODE, type WorldMode } from "../resolve/world";

export interface ObservedRequest {
  name: string;
  request: SimRequest;
  trace: RequestTrace;
}

/** The settings the outcomes were computed under: the case file must run under the same. */
export interface CaseFileSettings {
  world?: WorldMode;
  readings?: Readings;
}

export interface RequestCaseFile {
  text: string;
  /** Requests left out, with why (the case format needs a Gateway the request reached). */
  skipped: { name: string; why: string }[];
}

/**
 * The case file for these observed requests. `settings` are the world and readings the outcomes
 * were computed under: non-default ones are written as the case file's top-level `world:` and
 * `readings:`, which `gwsim test` follows, so the file passes where it was made.
 */
export function buildRequestCaseFile(
  name: string,
  observed: readonly ObservedRequest[],
  settings: CaseFileSettings = {},
): RequestCaseFile {
  const requests: Record<string, unknown>[] = [];
  const skipped: RequestCaseFile["skipped"] = [];
  const names = new Set<string>();
  for (const o of observed) {
    const mesh = o.request.mesh;
    const gateway = mesh === undefined ? (o.request.gateway ?? gatewayOf(o.trace)) : undefined;
    if (mesh === undefined && gateway === undefined) {
      skipped.push({ name: o.name, why: `no Gateway received it (${o.trace.outcome.reason})` });
      continue;
    }
    let unique = o.name;
    for (let i = 2; names.has(unique); i++) unique = `${o.name} (${i})`;
    names.add(unique);
    requests.push({
      name: unique,
      // A mesh request: the client's namespace, the Service and the port it calls (parseCaseMesh.ts).
      ...(mesh !== undefined
        ? {
            mesh: {
              from: mesh.clientNamespace,
              service: mesh.service,
              port: o.request.port ?? o.trace.request.port,
            },
          }
        : { gateway }),
      request: caseRequest(o.request, mesh !== undefined),
      expect: expectationOf(o.trace),
    });
  }
  const header = `# gwsim test ${fileSafe(name)}.cases.yaml --manifests <your manifests>\n# Expected outcomes as gwsim computed them when exported.\n`;
  const body: Record<string, unknown> = { name };
  if (settings.world !== undefined && settings.world !== DEFAULT_WORLD_MODE)
    body["world"] = settings.world;
  if (settings.readings !== undefined && Object.keys(settings.readings).length > 0)
    body["readings"] = settings.readings;
  body["requests"] = requests;
  return { text: header + stringify(body, { lineWidth: 0 }), skipped };
}

function gatewayOf(trace: RequestTrace): string | undefined {
  const key = trace.listener?.gateway;
  return key === undefined ? undefined : key.split("/").slice(1).join("/");
}

const DEFAULT_PORT: Record<string, number> = { http: 80, https: 443 };

function caseRequest(r: SimRequest, mesh: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { scheme: r.scheme };
  // A mesh request's port is mesh.port.
  if (!mesh && r.port !== undefined && (r.port !== DEFAULT_PORT[r.scheme] || r.scheme === "tls"))
    out["port"] = r.port;
  if (r.host !== undefined && r.host !== "") out["host"] = r.host;
  if (r.scheme === "http" || r.scheme === "https") {
    if (r.grpc !== undefined) out["grpc"] = r.grpc;
    else {
      out["method"] = r.method ?? "GET";
      out["path"] = r.path ?? "/";
    }
    if (r.headers !== undefined && Object.keys(r.headers).length > 0) out["headers"] = r.headers;
  }
  if (r.sni !== undefined && (r.scheme === "https" || r.scheme === "tls")) out["sni"] = r.sni;
  return out;
}

function expectationOf(trace: RequestTrace): Record<string, unknown> {
  const o = trace.outcome;
  const e: Record<string, unknown> = {};
  if (o.status > 0) e["status"] = o.status;
  if (o.kind === "connection-refused") e["connectionRejected"] = true;
  if (o.grpcCode !== undefined) e["grpcCode"] = o.grpcCode;
  const shares = backendPercents(o);
  const keys = Object.keys(shares);
  const only = keys[0];
  if (keys.length === 1 && only !== undefined && only !== "none") e["backend"] = only;
  else if (keys.length > 0) e["backends"] = shares;
  // What a TLS listener's backend sees: the client's TLS, re-encrypted TLS, or plaintext.
  const stream = o.backendStream;
  if (stream !== undefined) {
    e["backendTLS"] = stream.tls;
    if (stream.tls && stream.sni !== undefined) e["request"] = { sni: stream.sni };
  }
  // What the backend receives, so a filter that stops rewriting it fails the case too.
  if (o.request !== undefined && o.status >= 200 && o.status < 300 && keys.length === 1) {
    e["request"] = {
      method: o.request.method,
      path: o.request.path,
      ...(Object.keys(o.request.headers).length > 0 ? { headers: o.request.headers } : {}),
    };
  }
  return e;
}

function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "requests";
}
