/**
 * Deterministic synthetic configurations for the benchmark: one Gateway with an HTTP listener and
 * N HTTPRoutes of 5 rules each (prefixes, an exact path, a header match, a weighted split),
 * spread over N/10 hostnames plus a few hostname-less routes, and the same paths as a
 * path-only table for find-my-way. Every value comes from the route index and a seeded
 * generator, so a run is repeatable.
 */

export interface BenchRoute {
  index: number;
  /** undefined for a route without hostnames (it serves every host). */
  hostname: string | undefined;
  prefix: string;
}

export interface BenchConfig {
  routes: BenchRoute[];
  yaml: string;
  /** The YAML documents `yaml` is made of (joined with `---`), for edits of one document. */
  docs: string[];
  /** Paths for find-my-way: exact patterns and "/prefix/*" wildcards, path-only. */
  pathTable: { method: string; path: string }[];
}

export interface BenchRequest {
  host: string;
  path: string;
  headers: Record<string, string>;
}

/** A small linear congruential generator: deterministic, and good enough to shuffle a mix. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function generateBenchConfig(routeCount: number): BenchConfig {
  const hostCount = Math.max(1, Math.floor(routeCount / 10));
  const routes: BenchRoute[] = [];
  const docs: string[] = [HEADER];
  const pathTable: BenchConfig["pathTable"] = [];
  for (let i = 0; i < routeCount; i++) {
    // Every 50th route has no hostnames: it competes on every virtual host, as catch-alls do.
    const hostname = i % 50 === 49 ? undefined : `app${i % hostCount}.bench.example.com`;
    const prefix = `/r${i}`;
    routes.push({ index: i, hostname, prefix });
    docs.push(routeYaml(i, hostname, prefix));
    pathTable.push(
      { method: "GET", path: `${prefix}/api` },
      { method: "GET", path: `${prefix}/api/*` },
      { method: "GET", path: `${prefix}/health` },
      { method: "GET", path: `${prefix}/v2` },
      { method: "GET", path: `${prefix}/v2/*` },
      { method: "GET", path: `${prefix}/static` },
      { method: "GET", path: `${prefix}/static/*` },
      { method: "GET", path: prefix },
      { method: "GET", path: `${prefix}/*` },
    );
  }
  return { routes, yaml: docs.join("---\n"), docs, pathTable };
}

/**
 * The config's text after one edit a user makes all the time: the weighted split of one route
 * (the middle one) moves to `weightA` / 100 - weightA. Only that route's document changes.
 */
export function withWeightEdit(config: BenchConfig, weightA: number): string {
  const i = Math.floor(config.routes.length / 2);
  const route = config.routes[i];
  if (!route) return config.yaml;
  const docs = [...config.docs];
  docs[i + 1] = routeYaml(i, route.hostname, route.prefix, weightA);
  return docs.join("---\n");
}

/**
 * The config's text after the middle route (as withWeightEdit) moves to a host of its own,
 * `edited${n}.bench.example.com`: a host renamed in the designer. It leaves a host nine other
 * routes serve.
 */
export function withHostnameEdit(config: BenchConfig, n: number): string {
  const i = Math.floor(config.routes.length / 2);
  const route = config.routes[i];
  if (!route) return config.yaml;
  const docs = [...config.docs];
  docs[i + 1] = routeYaml(i, `edited${n}.bench.example.com`, route.prefix);
  return docs.join("---\n");
}

/** The config's text after the middle route's first path prefix is edited (`${prefix}/api${n}`). */
export function withPathEdit(config: BenchConfig, n: number): string {
  const i = Math.floor(config.routes.length / 2);
  const route = config.routes[i];
  if (!route) return config.yaml;
  const docs = [...config.docs];
  docs[i + 1] = routeYaml(i, route.hostname, route.prefix).replace(
    `value: ${route.prefix}/api}`,
    `value: ${route.prefix}/api${n}}`,
  );
  return docs.join("---\n");
}

/** The config's text after backend-a's metrics port, which no route names, moves to `port`. */
export function withServicePortEdit(config: BenchConfig, port: number): string {
  const docs = [...config.docs];
  docs[0] = (docs[0] ?? "").replace(`port: ${METRICS_PORT}\n`, `port: ${port}\n`);
  return docs.join("---\n");
}

/** A fixed mix over the config's routes: every rule kind, some misses (404). */
export function generateRequestMix(config: BenchConfig, count: number, seed = 42): BenchRequest[] {
  const rand = seededRandom(seed);
  const out: BenchRequest[] = [];
  for (let n = 0; n < count; n++) {
    const route = config.routes[Math.floor(rand() * config.routes.length)];
    if (!route) continue;
    // A hostname-less route serves hosts that no route names (a named host gets its own
    // virtual host, which does not fall back to the catch-all).
    const host = route.hostname ?? `other${Math.floor(rand() * 7)}.bench.example.org`;
    const kind = Math.floor(rand() * 6);
    const p = route.prefix;
    if (kind === 0) out.push({ host, path: `${p}/api/orders/${n % 97}`, headers: {} });
    else if (kind === 1) out.push({ host, path: `${p}/health`, headers: {} });
    else if (kind === 2) out.push({ host, path: `${p}/v2/items`, headers: { "x-version": "v2" } });
    else if (kind === 3) out.push({ host, path: `${p}/static/app.js`, headers: {} });
    else if (kind === 4) out.push({ host, path: `${p}/about`, headers: {} });
    else out.push({ host, path: `/missing/${n % 13}`, headers: {} });
  }
  return out;
}

/** backend-a's second port, which no route names (withServicePortEdit changes it). */
const METRICS_PORT = 9090;

const HEADER = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: bench
spec:
  controllerName: gwsim.dev/bench
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw
  namespace: bench
spec:
  gatewayClassName: bench
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: Same
---
apiVersion: v1
kind: Service
metadata:
  name: backend-a
  namespace: bench
spec:
  ports:
    - name: http
      port: 8080
    - name: metrics
      port: ${METRICS_PORT}
---
apiVersion: v1
kind: Service
metadata:
  name: backend-b
  namespace: bench
spec:
  ports:
    - port: 8080
`;

function routeYaml(
  i: number,
  hostname: string | undefined,
  prefix: string,
  weightA = 50 + (i % 5) * 10,
): string {
  const hostnames = hostname ? `  hostnames:\n    - ${hostname}\n` : "";
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: route-${i}
  namespace: bench
spec:
  parentRefs:
    - name: gw
${hostnames}  rules:
    - matches:
        - path: {type: PathPrefix, value: ${prefix}/api}
      backendRefs:
        - {name: backend-a, port: 8080}
    - matches:
        - path: {type: Exact, value: ${prefix}/health}
      backendRefs:
        - {name: backend-b, port: 8080}
    - matches:
        - path: {type: PathPrefix, value: ${prefix}/v2}
          headers:
            - {name: x-version, value: v2}
      backendRefs:
        - {name: backend-b, port: 8080}
    - matches:
        - path: {type: PathPrefix, value: ${prefix}/static}
      backendRefs:
        - {name: backend-a, port: 8080, weight: ${weightA}}
        - {name: backend-b, port: 8080, weight: ${100 - weightA}}
    - matches:
        - path: {type: PathPrefix, value: ${prefix}}
      backendRefs:
        - {name: backend-a, port: 8080}
`;
}
