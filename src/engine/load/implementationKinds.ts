/**
 * Kinds that Gateway API implementations (and the companions a Gateway API folder usually holds)
 * define for their own configuration: Envoy Gateway's EnvoyProxy and Backend, Istio's
 * VirtualService, kgateway's GatewayParameters, cert-manager's ClusterIssuer, … gwsim deliberately
 * does not model them, and a user who keeps them next to their routes knows what they are: one
 * info per kind would be a dozen lines saying the same thing on an Envoy Gateway or Istio folder.
 * They get one summary per input instead, naming each kind with its count, located at the first
 * such object (unknownKinds.ts decides which objects come here).
 */
import { GATEWAY_GROUP } from "../api/kinds";
import { diagnostic } from "../diagnostics/diagnostic";
import type { Diagnostic, Manifest } from "../types";
import type { SourceLocator } from "./sourceLocator";

/**
 * The implementations' API domains: a group is theirs when it is one of these or ends in
 * `.<domain>` (`gateway.envoyproxy.io`, `aigateway.envoyproxy.io`, `security.istio.io`, …).
 */
const IMPLEMENTATION_DOMAINS: readonly string[] = [
  "envoyproxy.io", // Envoy Gateway, Envoy AI Gateway
  "istio.io",
  "kgateway.dev",
  "solo.io", // Gloo, kgateway's predecessor
  "cilium.io",
  "konghq.com",
  "traefik.io",
  "containo.us", // Traefik before v3
  "projectcontour.io",
  "nginx.org", // NGINX Gateway Fabric, NGINX Ingress
  "apisix.apache.org",
  "linkerd.io",
  "kuma.io",
  "getambassador.io", // Emissary
  "haproxy.org",
  "gke.io", // GKE Gateway
  "k8s.aws", // AWS Gateway API controller
  "networking.azure.io", // Application Gateway for Containers
  "cert-manager.io", // issuers for the Gateways' certificates
];

export function isImplementationGroup(group: string): boolean {
  return IMPLEMENTATION_DOMAINS.some((d) => group === d || group.endsWith(`.${d}`));
}

/** The first object of one kind and how many objects of that kind the input holds. */
export interface KindSeen {
  readonly manifest: Manifest;
  count: number;
}

/** Kinds that share a name with a Gateway API kind (Istio's Gateway): the summary says so. */
const GATEWAY_API_NAMES: ReadonlySet<string> = new Set([
  "GatewayClass",
  "Gateway",
  "HTTPRoute",
  "GRPCRoute",
  "TLSRoute",
  "TCPRoute",
  "UDPRoute",
  "ReferenceGrant",
]);

/** One info for every implementation kind of the input, or none when it holds none. */
export function implementationKindsSummary(
  kinds: ReadonlyMap<string, KindSeen>,
  locator: SourceLocator,
): Diagnostic | undefined {
  const all = [...kinds.values()];
  const first = all[0]?.manifest;
  if (first === undefined) return undefined;
  const byGroup = new Map<string, string[]>();
  let objects = 0;
  for (const { manifest: m, count } of all) {
    objects += count;
    const clash = GATEWAY_API_NAMES.has(m.kind) ? `, not the Gateway API's ${m.kind}` : "";
    const entry = `${m.kind} (${count}${clash})`;
    const list = byGroup.get(m.group);
    if (list === undefined) byGroup.set(m.group, [entry]);
    else list.push(entry);
  }
  const listed = [...byGroup].map(([group, entries]) => `${group}: ${entries.join(", ")}`);
  const what = `${objects} object${objects === 1 ? "" : "s"} of ${all.length === 1 ? "a kind" : `${all.length} kinds`} that Gateway API implementations define for their own configuration and policies`;
  return diagnostic(
    "object.unknown-kind",
    locator.locate(first, ["kind"]),
    `${what} ${objects === 1 ? "is" : "are"} kept unchanged: gwsim does not model ${all.length === 1 ? "this kind" : "these kinds"}, and ${objects === 1 ? "the object counts" : "they count"} only as the target of the references and policies that name ${objects === 1 ? "it" : "them"}. ${listed.join("; ")}.`,
    {
      hint: `Nothing to fix: gwsim simulates the Gateway API (${GATEWAY_GROUP}) and the objects it references; what these kinds change is up to their controller.`,
      object:
        first.namespace === undefined
          ? { kind: first.kind, name: first.name }
          : { kind: first.kind, namespace: first.namespace, name: first.name },
      docIndex: first.source.docIndex,
      path: ["kind"],
    },
  );
}
