/**
 * Runs a rule's (or a picked backend's) filters in list order on the working request, as the
 * spec asks (filters SHOULD run in order). A filter that answers the request itself (redirect,
 * CORS preflight, an unsimulated ExtensionRef) stops the request filters; response-side effects
 * are collected and applied to the response at the end.
 */
import type { HTTPHeaderFilter } from "../api/spec";
import type { ResolvedFilter } from "../types";
import { backendTarget } from "../routing/collectCandidates";
import { answerActual, answerPreflight, isPreflight } from "./cors";
import { applyHeaderModifier } from "./headerModifier";
import { applyPathModifier } from "./pathModifier";
import { computeRedirect } from "./redirect";
import type { FilterStep } from "./traceTypes";
import type { ForwardedRequest, MirrorOutcome, OutcomeKind } from "./types";

export interface WorkingRequest {
  scheme: string;
  method: string;
  host: string;
  path: string;
  query: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
}

export type ResponseEffect =
  | { kind: "modifier"; filter: HTTPHeaderFilter | undefined }
  | { kind: "set"; headers: Record<string, string> };

export interface Terminal {
  kind: Extract<OutcomeKind, "redirect" | "direct-response" | "backend-error" | "unknown">;
  status: number;
  reason: string;
  redirect?: { status: number; location: string };
}

export interface FilterRun {
  request: WorkingRequest;
  steps: FilterStep[];
  response: ResponseEffect[];
  mirrors: MirrorOutcome[];
  terminal?: Terminal;
}

export interface FilterContext {
  level: "rule" | "backend";
  listenerPort: number;
  matchedPath: { type: string; value: string } | undefined;
}

export function toForwarded(w: WorkingRequest): ForwardedRequest {
  return {
    scheme: w.scheme,
    method: w.method,
    host: w.host,
    path: w.query === "" ? w.path : `${w.path}?${w.query}`,
    headers: { ...w.headers },
  };
}

export function runFilters(
  filters: readonly ResolvedFilter[],
  start: WorkingRequest,
  ctx: FilterContext,
): FilterRun {
  const run: FilterRun = { request: start, steps: [], response: [], mirrors: [] };
  for (const rf of filters) {
    const f = rf.filter;
    const type = f.type ?? "(no type)";
    const step: FilterStep = {
      level: ctx.level,
      index: rf.index,
      type,
      simulated: true,
      effect: "",
    };
    if (run.terminal !== undefined) {
      if (type === "ResponseHeaderModifier")
        run.response.push({ kind: "modifier", filter: f.responseHeaderModifier });
      step.effect =
        type === "ResponseHeaderModifier"
          ? "applies to the gateway's own response"
          : "not reached: the gateway already answered";
      run.steps.push(step);
      continue;
    }
    const before = run.request;
    switch (type) {
      case "RequestHeaderModifier": {
        const { headers, changes } = applyHeaderModifier(before.headers, f.requestHeaderModifier);
        run.request = { ...before, headers };
        step.effect = changes.length > 0 ? `request headers: ${changes.join("; ")}` : "no change";
        break;
      }
      case "ResponseHeaderModifier": {
        run.response.push({ kind: "modifier", filter: f.responseHeaderModifier });
        step.effect = `response headers: ${describeModifier(f.responseHeaderModifier)}`;
        break;
      }
      case "URLRewrite": {
        const u = f.urlRewrite ?? {};
        const parts: string[] = [];
        let next = before;
        if (u.hostname !== undefined) {
          next = { ...next, host: u.hostname };
          parts.push(`host ${before.host || "(none)"} → ${u.hostname}`);
        }
        if (u.path !== undefined) {
          const m = applyPathModifier(before.path, u.path, ctx.matchedPath);
          next = { ...next, path: m.path };
          parts.push(m.detail);
        }
        run.request = next;
        step.effect = parts.length > 0 ? parts.join("; ") : "no change";
        break;
      }
      case "RequestRedirect": {
        const r = computeRedirect(f.requestRedirect ?? {}, {
          ...before,
          listenerPort: ctx.listenerPort,
          matchedPath: ctx.matchedPath,
        });
        run.terminal = {
          kind: "redirect",
          status: r.status,
          reason: `RequestRedirect answers ${r.detail}`,
          redirect: { status: r.status, location: r.location },
        };
        step.effect = `redirect ${r.detail}`;
        break;
      }
      case "RequestMirror": {
        const mirror = describeMirror(rf, toForwarded(before));
        run.mirrors.push(mirror);
        step.effect = mirror.valid
          ? `mirrors ${mirror.percent}% of requests to ${mirror.target} (its response is ignored)`
          : `mirror not configured: ${mirror.reason ?? "invalid backend"}`;
        break;
      }
      case "CORS": {
        const cors = f.cors ?? {};
        if (isPreflight(before.method, before.headers)) {
          const a = answerPreflight(cors, before.headers);
          run.response.push({ kind: "set", headers: a.headers });
          run.terminal = {
            kind: "direct-response",
            status: a.allowed ? 200 : 403,
            reason: `CORS ${a.detail}`,
          };
          step.effect = a.detail;
        } else {
          const a = answerActual(cors, before.headers);
          if (Object.keys(a.headers).length > 0)
            run.response.push({ kind: "set", headers: a.headers });
          step.effect = a.detail;
        }
        break;
      }
      default: {
        step.simulated = false;
        const ref = f.extensionRef;
        const named = implementationFilter(rf);
        if (named !== undefined) {
          run.terminal = {
            kind: "unknown",
            status: 0,
            reason: `${named} is not simulated by gwsim: what the client gets is up to the implementation (only an ExtensionRef whose object is missing gets an error response, spec §2.6)`,
          };
          const assumed = rf.extensionRefAssumed
            ? `; assumed: ${ref?.kind ?? ""} ${ref?.name ?? ""} is not in the workspace; assumed to exist (closed world: 500)`
            : "";
          step.effect = `${named}: not simulated, the response is unknown${assumed}`;
          break;
        }
        const what =
          type === "ExtensionRef"
            ? `ExtensionRef ${ref?.group ?? ""}/${ref?.kind ?? ""} ${ref?.name ?? ""}`
            : `filter ${type}`;
        run.terminal = {
          kind: "backend-error",
          status: 500,
          reason: rf.extensionRefMissing
            ? `${what} names an object that is not in the input: requests reaching it get an error response, 500 (spec §2.6)`
            : `${what} is not simulated by gwsim; an implementation that cannot resolve it answers 500 (spec §2.6)`,
        };
        step.effect = `${what}: not simulated, the request fails with 500`;
      }
    }
    if (run.request !== before) {
      step.before = toForwarded(before);
      step.after = toForwarded(run.request);
    }
    run.steps.push(step);
  }
  return run;
}

/**
 * "implementation-specific filter DirectResponse (gateway.kgateway.dev) my-response" for an
 * ExtensionRef whose object the world does not call missing: in the input, or assumed. Undefined
 * for anything else (a missing object, a filter type gwsim does not know), which answers 500.
 */
export function implementationFilter(rf: ResolvedFilter): string | undefined {
  const ref = rf.filter.extensionRef;
  if (rf.filter.type !== "ExtensionRef" || ref === undefined || rf.extensionRefMissing === true)
    return undefined;
  const group = ref.group ?? "";
  return `implementation-specific filter ${ref.kind ?? ""}${group !== "" ? ` (${group})` : ""} ${ref.name ?? ""}`;
}

function describeModifier(f: HTTPHeaderFilter | undefined): string {
  const parts = [
    ...(f?.set ?? []).map((h) => `set ${(h.name ?? "").toLowerCase()}: ${h.value ?? ""}`),
    ...(f?.add ?? []).map((h) => `add ${(h.name ?? "").toLowerCase()}: ${h.value ?? ""}`),
    ...(f?.remove ?? []).map((n) => `remove ${n.toLowerCase()}`),
  ];
  return parts.length > 0 ? parts.join("; ") : "no change";
}

function describeMirror(rf: ResolvedFilter, request: ForwardedRequest): MirrorOutcome {
  const spec = rf.filter.requestMirror;
  const fraction = spec?.fraction;
  const percent =
    spec?.percent ??
    (fraction !== undefined
      ? (100 * (fraction.numerator ?? 0)) / (fraction.denominator ?? 100)
      : 100);
  const b = rf.mirrorBackend;
  const ref = spec?.backendRef;
  const namespace = b?.namespace ?? ref?.namespace ?? "";
  const name = b?.name ?? ref?.name ?? "";
  const port = b?.port ?? ref?.port;
  const out: MirrorOutcome = {
    target:
      b !== undefined
        ? backendTarget(b)
        : `${namespace}/${name}${port === undefined ? "" : `:${port}`}`,
    namespace,
    name,
    percent,
    valid: b?.valid === true,
    request,
  };
  if (port !== undefined) out.port = port;
  if (b?.assumedGrant !== undefined) out.assumedGrant = b.assumedGrant;
  if (b?.assumed !== undefined) out.assumed = b.assumed;
  if (!out.valid)
    out.reason =
      b?.reason !== undefined
        ? `${b.reason}${b.message !== undefined ? `: ${b.message}` : ""}`
        : "the mirror backendRef was not resolved";
  return out;
}

/** The response headers the client sees: the backend's (when it answered) after every effect in order. */
export function applyResponseEffects(
  base: Record<string, string>,
  effects: readonly ResponseEffect[],
): Record<string, string> {
  let out = base;
  for (const e of effects) {
    out =
      e.kind === "modifier" ? applyHeaderModifier(out, e.filter).headers : { ...out, ...e.headers };
  }
  return out;
}
