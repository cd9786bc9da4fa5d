/**
 * A concrete request aimed at one route-table entry on one listener and virtual host: the
 * what-if helper's request for the rule, re-pointed at that listener and hostname. Lint findings
 * only quote a request after the router has confirmed where it lands.
 */
import { WILDCARD_LABEL, requestForRule } from "../whatif/requestForRule";
import type { RouteTableEntry, RouteTableListener } from "../routing/types";
import type { SimRequest, SimScheme } from "../simulate/types";
import type { LintInput } from "./lintTypes";
import { lookupTable } from "../collections/dict";

const SCHEME_BY_PROTOCOL = lookupTable<SimScheme>({
  HTTP: "http",
  HTTPS: "https",
  TLS: "tls",
  TCP: "tcp",
  UDP: "udp",
});

export function requestForEntry(
  input: LintInput,
  listener: RouteTableListener,
  hostname: string,
  entry: RouteTableEntry,
): SimRequest | undefined {
  const base = requestForRule(input, entry.route, entry.ruleIndex, entry.matchIndex);
  if (base === undefined) return undefined;
  const scheme = SCHEME_BY_PROTOCOL[listener.protocol] ?? base.request.scheme;
  const request: SimRequest = {
    ...base.request,
    scheme,
    gateway: listener.gatewayName,
    port: listener.port,
  };
  if (scheme === "tcp" || scheme === "udp") {
    delete request.host;
    return request;
  }
  request.host = concreteHost(hostname) ?? concreteHost(listener.hostname) ?? "example.com";
  return request;
}

function concreteHost(hostname: string | undefined): string | undefined {
  if (hostname === undefined || hostname === "" || hostname === "*") return undefined;
  return hostname.startsWith("*.") ? `${WILDCARD_LABEL}${hostname.slice(1)}` : hostname;
}
