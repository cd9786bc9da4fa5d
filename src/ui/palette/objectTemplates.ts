/**
 * New objects from the palette: valid by default (they pass the CRD schema and get Accepted when
 * their references exist), named uniquely, and wired to what is already there where that is
 * obvious (a new Gateway uses the first GatewayClass, a new route the first Gateway).
 */
import type { ObjectSummary } from '../../engine';

export type PaletteKind = 'GatewayClass' | 'Gateway' | 'HTTPRoute' | 'GRPCRoute' | 'Service' | 'Namespace' | 'ReferenceGrant';

export const PALETTE_KINDS: readonly PaletteKind[] = ['GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'Service', 'Namespace', 'ReferenceGrant'];

const GATEWAY_API = 'gateway.networking.k8s.io/v1';
const BASE_NAME: Record<PaletteKind, string> = {
  GatewayClass: 'gateway-class',
  Gateway: 'gateway',
  HTTPRoute: 'http-route',
  GRPCRoute: 'grpc-route',
  Service: 'service',
  Namespace: 'namespace',
  ReferenceGrant: 'reference-grant',
};

/** "service", then "service-2", "service-3"… skipping names the kind already uses in that namespace. */
export function uniqueName(objects: readonly ObjectSummary[], kind: string, namespace: string | undefined, base: string): string {
  const taken = new Set(objects.filter((o) => o.kind === kind && o.namespace === namespace).map((o) => o.name));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export function buildObjectTemplate(kind: PaletteKind, objects: readonly ObjectSummary[], namespace: string): Record<string, unknown> {
  const clusterScoped = kind === 'GatewayClass' || kind === 'Namespace';
  const ns = clusterScoped ? undefined : namespace;
  const name = uniqueName(objects, kind, ns, BASE_NAME[kind]);
  const metadata = ns === undefined ? { name } : { name, namespace: ns };
  const firstGateway = objects.find((o) => o.kind === 'Gateway');
  const parentRefs = firstGateway
    ? [{ name: firstGateway.name, ...(firstGateway.namespace !== ns ? { namespace: firstGateway.namespace } : {}) }]
    : [];
  switch (kind) {
    case 'GatewayClass':
      return { apiVersion: GATEWAY_API, kind, metadata, spec: { controllerName: 'gwsim.dev/controller' } };
    case 'Gateway':
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata,
        spec: {
          gatewayClassName: objects.find((o) => o.kind === 'GatewayClass')?.name ?? 'gwsim',
          listeners: [{ name: 'http', protocol: 'HTTP', port: 80 }],
        },
      };
    case 'HTTPRoute':
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata,
        spec: { parentRefs, rules: [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }] },
      };
    case 'GRPCRoute':
      return { apiVersion: GATEWAY_API, kind, metadata, spec: { parentRefs, rules: [{ matches: [{ method: { service: 'example.Service' } }] }] } };
    case 'Service':
      return { apiVersion: 'v1', kind, metadata, spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } };
    case 'Namespace':
      return { apiVersion: 'v1', kind, metadata };
    case 'ReferenceGrant': {
      const otherNs = objects.find((o) => o.namespace !== undefined && o.namespace !== ns)?.namespace ?? 'default';
      return {
        apiVersion: GATEWAY_API,
        kind,
        metadata,
        spec: {
          from: [{ group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', namespace: otherNs }],
          to: [{ group: '', kind: 'Service' }],
        },
      };
    }
  }
}

/** A listener for an existing Gateway: a name and port no other listener of it uses. */
export function buildListenerTemplate(existing: readonly { name: string; port: number }[]): Record<string, unknown> {
  const names = new Set(existing.map((l) => l.name));
  const ports = new Set(existing.map((l) => l.port));
  let i = 1;
  let name = 'http';
  while (names.has(name)) name = `http-${++i}`;
  let port = 8080;
  while (ports.has(port)) port++;
  return { name, protocol: 'HTTP', port };
}
