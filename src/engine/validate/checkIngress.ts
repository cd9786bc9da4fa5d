/**
 * What the API server's Ingress validation refuses beyond the schema (k8s.io/kubernetes
 * pkg/apis/networking/validation): a backend names a Service or a resource but not both, a Service
 * port names a number or a name, Exact/Prefix paths are absolute, hosts are DNS names with at most
 * a leading `*.`, and an Ingress has rules or a default backend.
 */
import { asArray, isObject, printPath, type ValidationIssue } from "./validationIssue";
import { appendAll } from "../collections/appendAll";

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function checkIngress(spec: Record<string, unknown>, v1: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const defaultField = v1 ? "defaultBackend" : "backend";
  const rules = asArray(spec.rules);
  if (spec[defaultField] === undefined && rules.length === 0) {
    issues.push({
      code: "schema.rule",
      path: ["spec"],
      message: `spec: Invalid value: either \`${defaultField}\` or \`rules\` must be specified.`,
      hint: "Add a rule with a host and paths, or a default backend.",
    });
  }
  if (isObject(spec[defaultField]))
    appendAll(issues, checkBackend(spec[defaultField], ["spec", defaultField], v1));
  rules.forEach((rule, i) => {
    if (!isObject(rule)) return;
    if (typeof rule.host === "string")
      appendAll(issues, checkHost(rule.host, ["spec", "rules", i, "host"]));
    const http = isObject(rule.http) ? rule.http : undefined;
    asArray(http?.paths).forEach((p, j) => {
      if (!isObject(p)) return;
      const at = ["spec", "rules", i, "http", "paths", j];
      const type = typeof p.pathType === "string" ? p.pathType : "ImplementationSpecific";
      if (
        (type === "Exact" || type === "Prefix") &&
        (typeof p.path !== "string" || !p.path.startsWith("/"))
      ) {
        issues.push({
          code: p.path === undefined ? "schema.required" : "schema.pattern",
          path: [...at, "path"],
          message: `${printPath([...at, "path"])}: ${p.path === undefined ? "Required value" : `Invalid value ${JSON.stringify(p.path)}`}: a ${type} path must be an absolute path (starting with "/").`,
          hint: 'Write the path from the root, e.g. "/api".',
        });
      }
      if (isObject(p.backend)) appendAll(issues, checkBackend(p.backend, [...at, "backend"], v1));
    });
  });
  asArray(spec.tls).forEach((t, i) => {
    if (!isObject(t)) return;
    asArray(t.hosts).forEach((h, j) => {
      if (typeof h === "string") appendAll(issues, checkHost(h, ["spec", "tls", i, "hosts", j]));
    });
  });
  return issues;
}

function checkHost(host: string, path: (string | number)[]): ValidationIssue[] {
  const name = host.startsWith("*.") ? host.slice(2) : host;
  if (IPV4.test(host) || host.includes(":")) {
    return [
      {
        code: "schema.pattern",
        path,
        message: `${printPath(path)}: Invalid value ${JSON.stringify(host)}: must be a DNS name, not an IP address.`,
        hint: "Leave `host` out to serve every host name.",
      },
    ];
  }
  if (!DNS_SUBDOMAIN.test(name) || host.length > 253) {
    return [
      {
        code: "schema.pattern",
        path,
        message: `${printPath(path)}: Invalid value ${JSON.stringify(host)}: a host is a lower-case DNS name, optionally starting with "*." (a wildcard covers exactly one label).`,
        hint: /[A-Z]/.test(host)
          ? `Use ${JSON.stringify(host.toLowerCase())}.`
          : "Fix the host name.",
      },
    ];
  }
  return [];
}

function checkBackend(
  backend: Record<string, unknown>,
  path: (string | number)[],
  v1: boolean,
): ValidationIssue[] {
  const hasService = v1 ? backend.service !== undefined : backend.serviceName !== undefined;
  const hasResource = backend.resource !== undefined;
  if (hasService === hasResource) {
    return [
      {
        code: "schema.rule",
        path,
        message: `${printPath(path)}: Invalid value: ${hasService ? "cannot set both a Service and a resource backend" : `one of \`${v1 ? "service" : "serviceName"}\` or \`resource\` must be specified`}.`,
      },
    ];
  }
  if (v1 && isObject(backend.service)) {
    const port = isObject(backend.service.port) ? backend.service.port : {};
    if ((port.name === undefined) === (port.number === undefined)) {
      return [
        {
          code: port.name === undefined ? "schema.required" : "schema.rule",
          path: [...path, "service", "port"],
          message: `${printPath([...path, "service", "port"])}: Invalid value: ${port.name === undefined ? "the Service port needs `number` or `name`" : "cannot set both port `name` and `number`"}.`,
          hint: "Name the Service port by its number (e.g. `number: 80`) or by its name.",
        },
      ];
    }
  }
  if (!v1 && hasService) {
    const sp = backend.servicePort;
    if (!(
      typeof sp === "string" ||
      (typeof sp === "number" && Number.isInteger(sp) && sp >= 1 && sp <= 65535)
    )) {
      return [
        {
          code: "schema.type",
          path: [...path, "servicePort"],
          message: `${printPath([...path, "servicePort"])}: must be a port number or a port name, got ${JSON.stringify(sp)}.`,
        },
      ];
    }
  }
  return [];
}
