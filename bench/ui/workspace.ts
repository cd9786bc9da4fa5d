/**
 * Deterministic workspaces for the UI benchmark, shaped like a shared platform: one GatewayClass,
 * gateways in "infra" with two HTTP listeners each, and team namespaces (declared) holding
 * HTTPRoutes and the Services they send to (every fourth route splits traffic to a canary).
 * `resources` counts every Kubernetes object in the text, so a 1,000-resource workspace is exactly
 * 1,000 documents.
 */
export interface UiBenchWorkspace {
  yaml: string;
  resources: number;
  /** The route whose backendRef port the keystroke benchmark edits (its Service exists). */
  editedRoute: string;
  /**
   * The first label of that route's hostname (`app10` in "app10.gw1.example.com"), which the
   * keystroke benchmark extends by one character per keystroke; the route is on a wildcard
   * listener ("*.gw1.example.com"), so any valid first label keeps it attached.
   */
  editedHostLabel: string;
}

export function uiBenchWorkspace(resources: number): UiBenchWorkspace {
  const gateways = Math.max(1, Math.round(resources / 100));
  const teams = Math.max(1, Math.round(resources / 40));
  const docs: string[] = [];
  docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: bench
spec:
  controllerName: example.com/bench`);
  docs.push(`apiVersion: v1
kind: Namespace
metadata:
  name: infra`);
  for (let g = 0; g < gateways && docs.length < resources; g++) {
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: gw-${g}
  namespace: infra
spec:
  gatewayClassName: bench
  listeners:
    - name: web
      protocol: HTTP
      port: 80
      hostname: "*.gw${g}.example.com"
      allowedRoutes:
        namespaces:
          from: All
    - name: admin
      protocol: HTTP
      port: 8080
      hostname: "admin.gw${g}.example.com"
      allowedRoutes:
        namespaces:
          from: All`);
  }
  for (let t = 0; t < teams && docs.length < resources; t++) {
    docs.push(`apiVersion: v1
kind: Namespace
metadata:
  name: team-${t}`);
  }
  let editedRoute = "";
  let editedHostLabel = "";
  for (let i = 0; docs.length < resources; i++) {
    const team = `team-${i % teams}`;
    const gateway = `gw-${i % gateways}`;
    const listener = i % 3 === 2 ? "admin" : "web";
    const host =
      listener === "admin"
        ? `admin.gw${i % gateways}.example.com`
        : `app${i}.gw${i % gateways}.example.com`;
    const canary = i % 4 === 0 && docs.length + 3 <= resources;
    // The route needs at least its Service after it: stop when only one slot is left.
    if (docs.length + 2 > resources) {
      docs.push(`apiVersion: v1
kind: Service
metadata:
  name: spare-${i}
  namespace: ${team}
spec:
  ports:
    - port: 80`);
      break;
    }
    const backends = canary
      ? `        - name: svc-${i}
          port: 80
          weight: 90
        - name: svc-${i}-canary
          port: 80
          weight: 10`
      : `        - name: svc-${i}
          port: 80`;
    docs.push(`apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: route-${i}
  namespace: ${team}
spec:
  parentRefs:
    - name: ${gateway}
      namespace: infra
      sectionName: ${listener}
  hostnames:
    - "${host}"
  rules:
    - matches:
        - path:
            type: PathPrefix
            value: /r${i}
      backendRefs:
${backends}`);
    if (!canary && listener === "web" && editedRoute === "" && i >= 10) {
      editedRoute = `route-${i}`;
      editedHostLabel = `app${i}`;
    }
    for (const name of canary ? [`svc-${i}`, `svc-${i}-canary`] : [`svc-${i}`]) {
      docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${team}
spec:
  ports:
    - port: 80`);
    }
  }
  return {
    yaml: `${docs.join("\n---\n")}\n`,
    resources: docs.length,
    editedRoute,
    editedHostLabel,
  };
}
