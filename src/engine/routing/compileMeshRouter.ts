/**
 * The mesh half of the Router: Services by "namespace/name", the route bindings of each, and the
 * compiled candidate list of every route set that serves some client (built on first use and
 * kept, since a mix samples the same set many times). Not plain data, like the Router.
 */
import type { MeshBinding, MeshModel, MeshService } from "../mesh/meshTypes";
import type { ResourceKey } from "../api/keys";
import type { ResolvedRoute, ResolvedRule } from "../types";
import { candidatesForRoutes } from "./collectCandidates";
import { compileVirtualHost } from "./compileRouter";
import type { CompiledVirtualHost, FastRule } from "./router";
import { packPathIndex, type PackedPathIndex } from "./packedPathIndex";

export interface MeshRouter {
  readonly services: ReadonlyMap<string, MeshService>;
  /** Bindings per Service "namespace/name", consumer routes first, then by route namespace/name. */
  readonly bindings: ReadonlyMap<string, readonly MeshBinding[]>;
  /** The candidates of exactly these routes (keys in binding order), compiled once. */
  virtualHostFor(routes: readonly ResourceKey[]): CompiledVirtualHost;
  /** The same candidates' HTTPRoute path index (host 0), for the fast path (routeRequest). */
  pathIndexFor(routes: readonly ResourceKey[]): PackedPathIndex;
  /** Per (client, Service, port, kinds): which routes serve, memoized by the fast path. */
  readonly selections: Map<string, unknown>;
}

const EMPTY: MeshModel = { services: [], bindings: [] };

/** `partialRegex`: the reading regexMatch=partial, as for Gateway traffic (compileVirtualHost). */
export function compileMeshRouter(
  model: MeshModel | undefined,
  routes: readonly ResolvedRoute[],
  partialRegex = false,
): MeshRouter {
  const { services, bindings } = model ?? EMPTY;
  const serviceMap = new Map(services.map((s) => [`${s.namespace}/${s.name}`, s]));
  const byService = new Map<string, MeshBinding[]>();
  for (const b of bindings) {
    const key = `${b.serviceNamespace}/${b.serviceName}`;
    const list = byService.get(key) ?? [];
    list.push(b);
    byService.set(key, list);
  }
  for (const list of byService.values()) list.sort(compareBindings);
  const routeByKey = new Map(routes.map((r) => [r.key, r]));
  // A route seen otherwise by its Service parents than by its Gateway parents (MeshModel.routes).
  for (const r of model?.routes ?? []) routeByKey.set(r.key, r);
  const fastRules = new Map<ResolvedRule, FastRule>();
  const hosts = new Map<string, CompiledVirtualHost>();
  const paths = new Map<string, PackedPathIndex>();
  const router: MeshRouter = {
    services: serviceMap,
    bindings: byService,
    selections: new Map(),
    pathIndexFor(keys) {
      const id = keys.join("\u0000");
      let index = paths.get(id);
      if (index === undefined)
        paths.set(id, (index = packPathIndex([router.virtualHostFor(keys).all])));
      return index;
    },
    virtualHostFor(keys) {
      const id = keys.join("\u0000");
      let vhost = hosts.get(id);
      if (vhost === undefined) {
        const set = keys
          .map((k) => routeByKey.get(k))
          .filter((r): r is ResolvedRoute => r !== undefined);
        const { candidates, dropped } = candidatesForRoutes(set);
        vhost = compileVirtualHost({ hostname: "*", candidates, dropped }, fastRules, partialRegex);
        hosts.set(id, vhost);
      }
      return vhost;
    },
  };
  return router;
}

function compareBindings(a: MeshBinding, b: MeshBinding): number {
  const role = (x: MeshBinding) => (x.routeNamespace === x.serviceNamespace ? 1 : 0);
  const ak = `${a.routeNamespace}/${a.routeName}`;
  const bk = `${b.routeNamespace}/${b.routeName}`;
  return (
    role(a) - role(b) || (ak < bk ? -1 : ak > bk ? 1 : 0) || a.parentRefIndex - b.parentRefIndex
  );
}
