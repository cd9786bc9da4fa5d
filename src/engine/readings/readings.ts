/**
 * Readings: where the Gateway API spec is unsettled or implementations split, gwsim keeps one
 * reading as its default and offers the other by name (AnalyzeOptions.readings, CLI
 * `--reading name=value`). Whatever a non-default reading changes is reported where it acts, with
 * the reading's name, so nobody mistakes it for gwsim's default behaviour.
 */

export interface ReadingSpec {
  values: readonly string[];
  /** gwsim's default: the first of `values`. */
  default: string;
}

/**
 * gwsim's default of each reading, apart from READINGS: the engine reads only these
 * (readingValue), so the engine worker's first JavaScript carries no reading's table; the app's
 * state, the CLI's help and case files read READINGS. The questions the app's readings panel
 * shows are in readingQuestions.ts, loaded with the panel.
 */
const READING_DEFAULTS = {
  backendPortNotInService: "BackendNotFound",
  loneBackendZeroWeight: "no-traffic",
  httpGrpcSameHostname: "older-route-wins",
  tcpRouteOnTlsTerminate: "refused",
  GatewayRouteHostnameIntersectionPrecedence: "intersected-hostname",
  regexMatch: "full",
  partlyInvalidCertificateRefs: "not-programmed",
} as const;

export const READINGS = {
  /**
   * A backendRef port the Service does not expose. Spec §2.7 lists BackendNotFound for "a
   * backendRef to a Service that does not exist"; whether a missing port is the same case is not
   * said, and some controllers do not check the port at all (they program the route and the
   * connection fails at request time).
   */
  backendPortNotInService: {
    values: ["BackendNotFound", "unchecked"],
    default: READING_DEFAULTS.backendPortNotInService,
  },
  /**
   * A rule whose only backendRef has weight 0. The API reference says weight 0 gets no traffic;
   * the traffic-splitting guide says a single backend gets 100% whatever its weight.
   */
  loneBackendZeroWeight: {
    values: ["no-traffic", "all-traffic"],
    default: READING_DEFAULTS.loneBackendZeroWeight,
  },
  /**
   * An HTTPRoute and a GRPCRoute on one listener with intersecting hostnames. GRPCRouteSpec.Hostnames
   * says an implementation must reject one of them (gwsim: the older wins); implementations such
   * as Envoy Gateway accept both and send gRPC calls to the GRPCRoute, other requests to the
   * HTTPRoute.
   */
  httpGrpcSameHostname: {
    values: ["older-route-wins", "both-accepted"],
    default: READING_DEFAULTS.httpGrpcSameHostname,
  },
  /**
   * A TCPRoute on a TLS listener in Terminate mode. The spec's protocol table gives TLS listeners
   * TLSRoute only; Envoy Gateway, Traefik and Contour also accept a TCPRoute there and forward the
   * decrypted stream as TCP.
   */
  tcpRouteOnTlsTerminate: {
    values: ["refused", "accepted"],
    default: READING_DEFAULTS.tcpRouteOnTlsTerminate,
  },
  /**
   * Routes on one listener whose own hostnames differ (`abc.example.com`, `*.example.com`) but
   * intersect the listener to the same hostname. The spec's precedence keys are "characters in a
   * matching hostname"; whether that is the intersection or the route's own hostname is not said
   * (kubernetes-sigs/gateway-api#5120). gwsim groups by the intersection (one virtual host, ranked
   * by path and then age); the GatewayRouteHostnameIntersectionPrecedence proposal (#5212, with
   * conformance PRs #5124 and #5126) keys precedence by the route's own hostnames, as
   * implementations that build one virtual host per route hostname do.
   */
  GatewayRouteHostnameIntersectionPrecedence: {
    values: ["intersected-hostname", "original-hostnames"],
    default: READING_DEFAULTS.GatewayRouteHostnameIntersectionPrecedence,
  },
  /**
   * What a RegularExpression match (path, header, query param, gRPC method) must cover. The spec
   * leaves the regex dialect to the implementation. Envoy-based controllers match the whole value
   * (RE2 FullMatch); NGINX Gateway Fabric writes the pattern into an nginx `~` location or map,
   * which searches the value unless the pattern anchors itself with `^`/`$`. Both stay RE2 here.
   */
  regexMatch: {
    values: ["full", "partial"],
    default: READING_DEFAULTS.regexMatch,
  },
  /**
   * A listener with several certificateRefs, some invalid (missing Secret, bad data, refused by a
   * grant) and some valid. More than one ref is implementation-specific (GatewayTLSConfig). gwsim
   * leaves the listener unprogrammed; Envoy Gateway (PR #7909, `validateTerminateModeAndGetTLSSecrets`)
   * programs it with the valid ones and writes ResolvedRefs=False, PartiallyInvalidCertificateRef.
   */
  partlyInvalidCertificateRefs: {
    values: ["not-programmed", "valid-ones-served"],
    default: READING_DEFAULTS.partlyInvalidCertificateRefs,
  },
} as const satisfies Record<string, ReadingSpec>;

export type ReadingName = keyof typeof READINGS;
export type Readings = { [K in ReadingName]?: (typeof READINGS)[K]["values"][number] };

export function isReadingName(name: string): name is ReadingName {
  return Object.hasOwn(READINGS, name);
}

/** The value in force: the one given, or gwsim's default. */
export function readingValue<K extends ReadingName>(
  readings: Readings | undefined,
  name: K,
): (typeof READINGS)[K]["values"][number] {
  const given = readings?.[name];
  return given ?? (READING_DEFAULTS[name] as (typeof READINGS)[K]["values"][number]);
}

/** "reading loneBackendZeroWeight=all-traffic": how a trace or a message names the reading that decided. */
export function describeReading(name: ReadingName, value: string): string {
  return `reading ${name}=${value}`;
}

/**
 * Parses `name=value` assignments (the CLI's repeatable --reading). Unknown names and values are
 * errors that list what exists; a name given twice is an error too.
 */
export function parseReadings(assignments: readonly string[]): {
  readings: Readings;
  errors: string[];
} {
  const readings: Record<string, string> = {};
  const errors: string[] = [];
  for (const a of assignments) {
    const eq = a.indexOf("=");
    const name = eq < 0 ? a : a.slice(0, eq);
    const value = eq < 0 ? "" : a.slice(eq + 1);
    if (!isReadingName(name)) {
      errors.push(
        `unknown reading ${JSON.stringify(name)}: known readings are ${Object.keys(READINGS).join(", ")}`,
      );
      continue;
    }
    const spec: ReadingSpec = READINGS[name];
    if (!spec.values.includes(value)) {
      errors.push(
        `reading ${name} takes ${spec.values.join(" or ")} (gwsim's default: ${spec.default}); got ${JSON.stringify(value)}`,
      );
      continue;
    }
    if (Object.hasOwn(readings, name)) {
      errors.push(`reading ${name} was given twice`);
      continue;
    }
    readings[name] = value;
  }
  return { readings: readings as Readings, errors };
}
