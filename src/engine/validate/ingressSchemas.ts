/**
 * Minimal schemas for the Ingress kinds gwsim reads as migration input (networking.k8s.io/v1
 * Ingress and IngressClass, and the removed v1beta1 shapes). Hand-written from the Kubernetes API
 * reference, covering only the fields the ingress-nginx model reads plus `status`; the core API
 * types are not vendored as CRDs. Unknown fields are reported as the API server would prune them.
 */
import type { JsonSchema } from "./crdSchemas";

const str: JsonSchema = { type: "string" };

const metadata: JsonSchema = { type: "object" };

const typedLocalObjectReference: JsonSchema = {
  type: "object",
  additionalProperties: false,
  required: ["kind", "name"],
  properties: { apiGroup: str, kind: str, name: str },
};

const serviceBackendPort: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: { name: str, number: { type: "integer", minimum: 1, maximum: 65535 } },
};

const backendV1: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    service: {
      type: "object",
      additionalProperties: false,
      required: ["name"],
      properties: { name: str, port: serviceBackendPort },
    },
    resource: typedLocalObjectReference,
  },
};

// v1beta1: servicePort is an IntOrString, which the walker cannot express; checkIngress checks it.
const backendV1beta1: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: { serviceName: str, servicePort: {}, resource: typedLocalObjectReference },
};

const tls: JsonSchema = {
  type: "array",
  items: {
    type: "object",
    additionalProperties: false,
    properties: { hosts: { type: "array", items: str }, secretName: str },
  },
};

function ingressSchema(backend: JsonSchema, v1: boolean): JsonSchema {
  const path: JsonSchema = {
    type: "object",
    additionalProperties: false,
    required: v1 ? ["pathType", "backend"] : ["backend"],
    properties: {
      path: str,
      pathType: { type: "string", enum: ["Exact", "Prefix", "ImplementationSpecific"] },
      backend,
    },
  };
  const rule: JsonSchema = {
    type: "object",
    additionalProperties: false,
    properties: {
      host: str,
      http: {
        type: "object",
        additionalProperties: false,
        required: ["paths"],
        properties: { paths: { type: "array", items: path } },
      },
    },
  };
  return {
    type: "object",
    properties: {
      apiVersion: str,
      kind: str,
      metadata,
      spec: {
        type: "object",
        additionalProperties: false,
        properties: {
          ingressClassName: str,
          [v1 ? "defaultBackend" : "backend"]: backend,
          tls,
          rules: { type: "array", items: rule },
        },
      },
      status: { type: "object" },
    },
    additionalProperties: false,
  };
}

const INGRESS_V1 = ingressSchema(backendV1, true);
const INGRESS_V1BETA1 = ingressSchema(backendV1beta1, false);

const INGRESS_CLASS: JsonSchema = {
  type: "object",
  additionalProperties: false,
  properties: {
    apiVersion: str,
    kind: str,
    metadata,
    spec: {
      type: "object",
      additionalProperties: false,
      properties: {
        controller: { type: "string", maxLength: 250 },
        parameters: {
          type: "object",
          additionalProperties: false,
          required: ["kind", "name"],
          properties: {
            apiGroup: str,
            kind: str,
            name: str,
            namespace: str,
            scope: { type: "string", enum: ["Cluster", "Namespace"] },
          },
        },
      },
    },
  },
};

/** The schema for Ingress or IngressClass at an apiVersion, or undefined for every other kind. */
export function getIngressJsonSchema(kind: string, apiVersion: string): JsonSchema | undefined {
  if (kind === "IngressClass") return INGRESS_CLASS;
  if (kind !== "Ingress") return undefined;
  return apiVersion === "networking.k8s.io/v1"
    ? INGRESS_V1
    : apiVersion.endsWith("/v1beta1")
      ? INGRESS_V1BETA1
      : INGRESS_V1;
}
