/** Minimal Ingress manifests for the model's tests, written as YAML so the loader runs too. */
import { loadValidated } from "../validate/loadValidated";
import { buildNginxConfig, type NginxConfig } from "./buildNginxConfig";
import { readIngresses } from "./readIngresses";
import { routeIngressRequest, type IngressRequest, type IngressTrace } from "./routeIngressRequest";

export interface IngressSpecInput {
  name: string;
  namespace?: string;
  host?: string;
  /** [path, pathType, service, port?] */
  paths?: [string, string, string, number?][];
  annotations?: Record<string, string>;
  tls?: { hosts: string[]; secretName: string }[];
  defaultBackend?: string;
  created?: string;
  className?: string;
}

export function ingressYaml(i: IngressSpecInput): string {
  const lines = [
    "apiVersion: networking.k8s.io/v1",
    "kind: Ingress",
    "metadata:",
    `  name: ${i.name}`,
    `  namespace: ${i.namespace ?? "web"}`,
  ];
  if (i.created) lines.push(`  creationTimestamp: "${i.created}"`);
  if (i.annotations) {
    lines.push("  annotations:");
    for (const [k, v] of Object.entries(i.annotations))
      lines.push(
        `    ${k.includes("/") ? k : `nginx.ingress.kubernetes.io/${k}`}: ${JSON.stringify(v)}`,
      );
  }
  lines.push("spec:", `  ingressClassName: ${i.className ?? "nginx"}`);
  if (i.defaultBackend)
    lines.push(`  defaultBackend: {service: {name: ${i.defaultBackend}, port: {number: 80}}}`);
  if (i.tls) {
    lines.push("  tls:");
    for (const t of i.tls)
      lines.push(`  - hosts: [${t.hosts.join(", ")}]`, `    secretName: ${t.secretName}`);
  }
  if (i.paths) {
    lines.push(
      "  rules:",
      i.host === undefined ? "  - http:" : `  - host: ${JSON.stringify(i.host)}`,
    );
    if (i.host !== undefined) lines.push("    http:");
    lines.push("      paths:");
    for (const [path, type, svc, port] of i.paths) {
      lines.push(
        `      - path: ${JSON.stringify(path)}`,
        `        pathType: ${type}`,
        `        backend: {service: {name: ${svc}, port: {number: ${port ?? 80}}}}`,
      );
    }
  }
  return lines.join("\n") + "\n";
}

export function nginxConfig(...ingresses: IngressSpecInput[]): NginxConfig {
  const text = ingresses.map(ingressYaml).join("---\n");
  const loaded = loadValidated([{ name: "in.yaml", text }]);
  return buildNginxConfig("nginx", readIngresses(loaded.manifests).ingresses);
}

export function send(
  config: NginxConfig,
  path: string,
  host = "a.example.com",
  extra: Partial<IngressRequest> = {},
): IngressTrace {
  return routeIngressRequest(config, { scheme: "http", host, path, ...extra });
}

/** Where the request ends: "ns/svc:port", "301 → location", "404 default-backend"… */
export function endOf(trace: IngressTrace): string {
  const o = trace.outcome;
  if (o.redirect) return `${o.status} → ${o.redirect.location}`;
  if (o.kind === "forwarded")
    return o.backends.map((b) => (b.share === 1 ? b.target : `${b.target} ${b.share}`)).join(" + ");
  return `${o.status}${o.backends[0] ? ` ${o.backends[0].target}` : ""}`;
}
