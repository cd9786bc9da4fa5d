/**
 * Manifests → IngressModels: networking.k8s.io/v1 and the removed v1beta1 shapes
 * (serviceName/servicePort, spec.backend) read into one shape, hosts lower-cased, and each Ingress's
 * class settled as Kubernetes does: spec.ingressClassName, else the legacy
 * kubernetes.io/ingress.class annotation, else the IngressClass marked
 * ingressclass.kubernetes.io/is-default-class.
 */
import type { FieldPath, Manifest } from "../types";
import type {
  IngressClassModel,
  IngressModel,
  IngressPathType,
  IngressRuleModel,
  IngressServiceBackend,
} from "./ingressTypes";
import { readAnnotations } from "./readAnnotations";
import { isModelledIngress } from "./modelledIngresses";

const LEGACY_CLASS_ANNOTATION = "kubernetes.io/ingress.class";
const DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";
/** The class ingress-nginx's Helm chart installs, used when nothing names one. */
export const FALLBACK_CLASS = "nginx";

export interface IngressInput {
  ingresses: IngressModel[];
  classes: IngressClassModel[];
}

export function readIngresses(manifests: readonly Manifest[]): IngressInput {
  const classes: IngressClassModel[] = manifests
    .filter((m) => m.kind === "IngressClass" && m.modelled)
    .map((m) => ({
      name: m.name,
      controller: typeof m.spec.controller === "string" ? m.spec.controller : "",
      isDefault: m.annotations[DEFAULT_CLASS_ANNOTATION] === "true",
    }));
  const defaultClass = classes.find((c) => c.isDefault)?.name;
  const ingresses = manifests.filter(isModelledIngress).map((m) => readIngress(m, defaultClass));
  return { ingresses, classes };
}

function readIngress(m: Manifest, defaultClass: string | undefined): IngressModel {
  const v1 = m.apiVersion === "networking.k8s.io/v1";
  const spec = m.spec;
  const namespace = m.namespace ?? "default";
  const specClass =
    typeof spec.ingressClassName === "string" && spec.ingressClassName !== ""
      ? spec.ingressClassName
      : undefined;
  const legacyClass = m.annotations[LEGACY_CLASS_ANNOTATION];
  const [className, classSource]: [string, IngressModel["classSource"]] =
    specClass !== undefined
      ? [specClass, "spec"]
      : legacyClass
        ? [legacyClass, "annotation"]
        : defaultClass !== undefined
          ? [defaultClass, "default"]
          : [FALLBACK_CLASS, "none"];
  const defaultBackend = readBackend(v1 ? spec.defaultBackend : spec.backend, v1);
  const rules: IngressRuleModel[] = asArray(spec.rules).flatMap((rule, i) => {
    if (!isObject(rule)) return [];
    const host = typeof rule.host === "string" ? rule.host.toLowerCase() : "";
    const http = isObject(rule.http) ? rule.http : undefined;
    const paths = asArray(http?.paths).flatMap((p, j) => {
      if (!isObject(p)) return [];
      const at: FieldPath = ["spec", "rules", i, "http", "paths", j];
      // ingress-nginx's store rewrites every path type but Exact to Prefix before it builds
      // locations (internal/k8s/main.go SetDefaultNGINXPathType, called from store.go since
      // 2020): ImplementationSpecific, or none at all (v1beta1), is matched as Prefix.
      const pathType: IngressPathType = p.pathType === "Exact" ? "Exact" : "Prefix";
      const service = readBackend(p.backend, v1);
      return [
        {
          path: typeof p.path === "string" ? p.path : "",
          pathType,
          ...(p.pathType !== pathType
            ? { writtenPathType: typeof p.pathType === "string" ? p.pathType : "no pathType" }
            : {}),
          ...(service ? { service } : {}),
          at,
        },
      ];
    });
    return [{ host, paths, at: ["spec", "rules", i] as FieldPath }];
  });
  const tls = asArray(spec.tls).flatMap((t) =>
    isObject(t)
      ? [
          {
            hosts: asArray(t.hosts)
              .filter((h): h is string => typeof h === "string")
              .map((h) => h.toLowerCase()),
            ...(typeof t.secretName === "string" && t.secretName !== ""
              ? { secretName: t.secretName }
              : {}),
          },
        ]
      : [],
  );
  return {
    key: m.key,
    namespace,
    name: m.name,
    className,
    classSource,
    ...(m.creationTimestamp ? { creationTimestamp: m.creationTimestamp } : {}),
    ...(defaultBackend ? { defaultBackend } : {}),
    rules,
    tls,
    annotations: readAnnotations(m.annotations),
    file: m.source.file,
    line: m.source.line,
  };
}

function readBackend(value: unknown, v1: boolean): IngressServiceBackend | undefined {
  if (!isObject(value)) return undefined;
  if (v1) {
    const service = isObject(value.service) ? value.service : undefined;
    if (!service || typeof service.name !== "string") return undefined;
    const port = isObject(service.port) ? service.port : {};
    const p =
      typeof port.number === "number"
        ? port.number
        : typeof port.name === "string"
          ? port.name
          : undefined;
    return p === undefined ? undefined : { name: service.name, port: p };
  }
  if (typeof value.serviceName !== "string") return undefined;
  const sp = value.servicePort;
  return typeof sp === "number" || typeof sp === "string"
    ? { name: value.serviceName, port: sp }
    : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
