/**
 * Words for how a policy reaches an object, from the engine's EffectivePolicy (which already did
 * the GEP-713 inheritance): "targets this route", "inherited from Gateway infra/eg", …
 */
import type { EffectivePolicy, ResourceKey } from '../../engine';

const ROUTE_KINDS = new Set(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

/** "Gateway infra/eg", "GatewayClass eg": kind, then namespace/name as kubectl users say it. */
export function printObjectLabel(key: ResourceKey): string {
  const [kind = '', namespace = '', ...rest] = key.split('/');
  const name = rest.join('/');
  return `${kind} ${namespace ? `${namespace}/${name}` : name}`;
}

export function printObjectName(key: ResourceKey): string {
  const [, namespace = '', ...rest] = key.split('/');
  const name = rest.join('/');
  return namespace ? `${namespace}/${name}` : name;
}

export function kindOfKey(key: ResourceKey): string {
  return key.slice(0, key.indexOf('/'));
}

/** What a sectionName names on an object of this kind. */
function sectionWord(kind: string): string {
  if (kind === 'Gateway' || kind === 'ListenerSet' || kind === 'XListenerSet') return 'listener';
  if (ROUTE_KINDS.has(kind)) return 'rule';
  if (kind === 'Service') return 'port';
  return 'section';
}

function thisWord(kind: string): string {
  return ROUTE_KINDS.has(kind) ? 'route' : kind;
}

/** "listener https", "port grpc": the part of its target a section policy names. */
export function printPolicySection(policy: EffectivePolicy): string {
  return `${sectionWord(kindOfKey(policy.target))} ${policy.sectionName ?? '?'}`;
}

/** How `policy` reaches `object` (the selected object), in a few words. */
export function describePolicyReach(policy: EffectivePolicy, object: ResourceKey): string {
  const targetKind = kindOfKey(policy.target);
  switch (policy.reach) {
    case 'direct':
      return policy.target === object ? `targets this ${thisWord(targetKind)}` : `targets ${printObjectLabel(policy.target)}`;
    case 'section': {
      const section = printPolicySection(policy);
      return policy.target === object ? `targets ${section} of this ${thisWord(targetKind)}` : `targets ${section} of ${printObjectLabel(policy.target)}`;
    }
    case 'listener':
      return `from listener ${policy.sectionName ?? '?'} of ${printObjectLabel(policy.target)}`;
    case 'gateway':
      return `inherited from ${printObjectLabel(policy.target)}`;
    case 'class':
      return `from ${printObjectLabel(policy.target)}`;
  }
}
