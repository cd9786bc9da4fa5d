/**
 * GRPCRoute method matching (spec §3.6): `type` defaults to Exact; an omitted service or method
 * matches any; RegularExpression is an RE2 full match of each part (a search under the reading
 * regexMatch=partial).
 */
import { compileRegex, regexMatchWords, type CompiledRegex } from "./regex";
import type { MatchOutcome } from "./types";
import type { GRPCMethodMatch } from "../api/spec";

export interface GrpcCall {
  service: string;
  method: string;
}

export interface CompiledGrpcMethodMatch {
  type: "Exact" | "RegularExpression";
  service?: string;
  method?: string;
  serviceRegex?: CompiledRegex;
  methodRegex?: CompiledRegex;
  error?: string;
}

export function compileGrpcMethodMatch(
  spec: GRPCMethodMatch | undefined,
  partialRegex = false,
): CompiledGrpcMethodMatch {
  const type = spec?.type ?? "Exact";
  const out: CompiledGrpcMethodMatch = {
    type: type === "RegularExpression" ? "RegularExpression" : "Exact",
  };
  if (spec?.service !== undefined) out.service = spec.service;
  if (spec?.method !== undefined) out.method = spec.method;
  if (type !== "Exact" && type !== "RegularExpression")
    out.error = `unsupported method match type "${type}"`;
  if (out.type === "RegularExpression") {
    for (const part of ["service", "method"] as const) {
      const source = out[part];
      if (source === undefined) continue;
      const compiled = compileRegex(source, partialRegex);
      if (!compiled.ok) out.error = `invalid RE2 ${part} pattern: ${compiled.error}`;
      else if (part === "service") out.serviceRegex = compiled.regex;
      else out.methodRegex = compiled.regex;
    }
  }
  return out;
}

function isPartMatch(
  wanted: string | undefined,
  regex: CompiledRegex | undefined,
  actual: string,
): boolean {
  if (wanted === undefined) return true;
  return regex !== undefined ? regex.matches(actual) : wanted === actual;
}

export function isGrpcMethodMatch(m: CompiledGrpcMethodMatch, call: GrpcCall): boolean {
  if (m.error !== undefined) return false;
  return (
    isPartMatch(m.service, m.serviceRegex, call.service) &&
    isPartMatch(m.method, m.methodRegex, call.method)
  );
}

export function matchGrpcMethod(
  spec: GRPCMethodMatch | undefined,
  call: GrpcCall | undefined,
): MatchOutcome {
  const m = compileGrpcMethodMatch(spec);
  const wanted = describeGrpcMethodMatch(m);
  if (call === undefined) return { pass: false, detail: `not a gRPC call (wanted ${wanted})` };
  if (m.error !== undefined) return { pass: false, detail: `${wanted} never matches: ${m.error}` };
  const pass = isGrpcMethodMatch(m, call);
  return {
    pass,
    detail: `call /${call.service}/${call.method} ${pass ? "matches" : "does not match"} ${wanted}`,
  };
}

export function describeGrpcMethodMatch(m: CompiledGrpcMethodMatch): string {
  const svc = m.service ?? "*";
  const meth = m.method ?? "*";
  return m.type === "RegularExpression"
    ? `service ~ "${svc}" method ~ "${meth}" ${regexMatchWords(m.serviceRegex ?? m.methodRegex, false).dialect}`
    : `/${svc}/${meth}`;
}
