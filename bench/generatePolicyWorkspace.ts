/**
 * A workspace shaped like Envoy Gateway's translator benchmark (850 HTTPRoutes and 1,500
 * policies), built from kinds gwsim knows: per route a BackendTrafficPolicy (EG, attached by
 * targetRefs), a SecurityPolicy on every other route (1,275 route policies), one
 * ClientTrafficPolicy per Gateway, and a BackendTLSPolicy (modelled, validated and given status)
 * on every Service, spread over 10 namespaces with one Gateway each. Deterministic: every value
 * comes from an index, so runs are repeatable.
 */

export interface PolicyWorkspace {
  routes: number;
  policies: number;
  yaml: string;
  docs: string[];
  /** Index in `docs` of a route whose weighted split an edit changes. */
  editableDoc: number;
}

const NAMESPACES = 10;

export function generatePolicyWorkspace(routeCount = 850, policyCount = 1500): PolicyWorkspace {
  const docs: string[] = [GATEWAY_CLASS];
  let policies = 0;
  for (let n = 0; n < NAMESPACES; n++) {
    docs.push(gatewayYaml(n), clientTrafficPolicyYaml(n));
    policies++;
  }
  // Services: one per 4 routes or enough to bring the policies to policyCount, each with a
  // BackendTLSPolicy (and the CA ConfigMap it names).
  const routePolicies = routeCount + Math.ceil(routeCount / 2);
  const serviceCount = Math.max(
    1,
    Math.ceil(routeCount / 4),
    policyCount - NAMESPACES - routePolicies,
  );
  for (let s = 0; s < serviceCount; s++) docs.push(serviceYaml(s));
  const routeDocs: number[] = [];
  for (let r = 0; r < routeCount; r++) {
    routeDocs.push(docs.length);
    docs.push(routeYaml(r, serviceCount));
  }
  for (let r = 0; r < routeCount && policies < policyCount; r++) {
    docs.push(backendTrafficPolicyYaml(r));
    policies++;
  }
  for (let r = 0; r < routeCount && policies < policyCount; r += 2) {
    docs.push(securityPolicyYaml(r));
    policies++;
  }
  for (let s = 0; s < serviceCount && policies < policyCount; s++) {
    docs.push(backendTlsPolicyYaml(s));
    policies++;
  }
  return {
    routes: routeCount,
    policies,
    yaml: docs.join("---\n"),
    docs,
    editableDoc: routeDocs[Math.floor(routeDocs.length / 2)] ?? 0,
  };
}

/** The workspace's text with the editable route's split moved to weightA / 100 - weightA. */
export function withPolicyWorkspaceEdit(ws: PolicyWorkspace, weightA: number): string {
  const docs = [...ws.docs];
  const doc = docs[ws.editableDoc] ?? "";
  docs[ws.editableDoc] = doc.replace(
    /weight: \d+\}\n(\s+- \{name: \S+, port: 8080), weight: \d+\}/,
    `weight: ${weightA}}\n$1, weight: ${100 - weightA}}`,
  );
  return docs.join("---\n");
}

const ns = (i: number): string => `team-${i % NAMESPACES}`;

const GATEWAY_CLASS = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: eg
spec:
  controllerName: gateway.envoyproxy.io/gatewayclass-controller
`;

function gatewayYaml(n: number): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: eg
  namespace: ${ns(n)}
spec:
  gatewayClassName: eg
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      hostname: "*.${ns(n)}.example.com"
`;
}

function clientTrafficPolicyYaml(n: number): string {
  return `apiVersion: gateway.envoyproxy.io/v1alpha1
kind: ClientTrafficPolicy
metadata:
  name: client-defaults
  namespace: ${ns(n)}
spec:
  targetRefs:
    - group: gateway.networking.k8s.io
      kind: Gateway
      name: eg
  timeout:
    http:
      requestReceivedTimeout: 10s
`;
}

function serviceYaml(s: number): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: svc-${s}
  namespace: ${ns(s)}
spec:
  ports:
    - name: https
      port: 8443
    - name: http
      port: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ca-${s}
  namespace: ${ns(s)}
data:
  ca.crt: placeholder
`;
}

function routeYaml(r: number, serviceCount: number): string {
  // Backends live in the route's namespace (no ReferenceGrants needed): service j*10 + r%10.
  const perNamespace = Math.max(1, Math.floor(serviceCount / NAMESPACES));
  const slot = Math.floor(r / NAMESPACES);
  const svcA = `svc-${(slot % perNamespace) * NAMESPACES + (r % NAMESPACES)}`;
  const svcB = `svc-${((slot + 1) % perNamespace) * NAMESPACES + (r % NAMESPACES)}`;
  const weight = 80 - (r % 4) * 10;
  return `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: route-${r}
  namespace: ${ns(r)}
spec:
  parentRefs:
    - name: eg
  hostnames:
    - r${r}.${ns(r)}.example.com
  rules:
    - matches:
        - path: {type: PathPrefix, value: /api}
      backendRefs:
        - {name: ${svcA}, port: 8080, weight: ${weight}}
        - {name: ${svcB}, port: 8080, weight: ${100 - weight}}
    - matches:
        - path: {type: Exact, value: /healthz}
      backendRefs:
        - {name: ${svcA}, port: 8080}
`;
}

function backendTrafficPolicyYaml(r: number): string {
  return `apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata:
  name: route-${r}-resilience
  namespace: ${ns(r)}
spec:
  targetRefs:
    - group: gateway.networking.k8s.io
      kind: HTTPRoute
      name: route-${r}
  retry:
    numRetries: ${1 + (r % 3)}
    retryOn:
      triggers:
        - connect-failure
        - retriable-status-codes
`;
}

function securityPolicyYaml(r: number): string {
  return `apiVersion: gateway.envoyproxy.io/v1alpha1
kind: SecurityPolicy
metadata:
  name: route-${r}-auth
  namespace: ${ns(r)}
spec:
  targetRefs:
    - group: gateway.networking.k8s.io
      kind: HTTPRoute
      name: route-${r}
  cors:
    allowOrigins:
      - https://console.example.com
    allowMethods:
      - GET
      - POST
`;
}

function backendTlsPolicyYaml(s: number): string {
  return `apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata:
  name: svc-${s}-tls
  namespace: ${ns(s)}
spec:
  targetRefs:
    - group: ""
      kind: Service
      name: svc-${s}
      sectionName: https
  validation:
    caCertificateRefs:
      - group: ""
        kind: ConfigMap
        name: ca-${s}
    hostname: svc-${s}.${ns(s)}.svc.cluster.local
`;
}
