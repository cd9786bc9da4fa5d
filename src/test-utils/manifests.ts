/**
 * Test builders for Manifests, faithful to the Manifest contract in src/engine/types.ts: key,
 * group, namespace defaulting ("default", none for cluster-scoped kinds), generation 1 when absent.
 * Use them for focused unit tests; goldens and conformance checks load real YAML instead.
 */
import { CLUSTER_SCOPED_KINDS, ModelledKind, groupOf } from "../engine/api/kinds";
import { resourceKey } from "../engine/api/keys";
import type { SourceLocator } from "../engine/load/loadManifests";
import type { Manifest } from "../engine/types";

let docCounter = 0;

export function aManifest(body: Record<string, unknown>): Manifest {
  const metadata = (body["metadata"] ?? {}) as Record<string, unknown>;
  const apiVersion = String(body["apiVersion"] ?? "");
  const kind = String(body["kind"] ?? "");
  const name = String(metadata["name"] ?? "");
  const namespace = CLUSTER_SCOPED_KINDS.has(kind)
    ? undefined
    : ((metadata["namespace"] as string | undefined) ?? "default");
  const generation = typeof metadata["generation"] === "number" ? metadata["generation"] : 1;
  const docIndex = docCounter++;
  return {
    key: resourceKey(kind, namespace, name),
    apiVersion,
    group: groupOf(apiVersion),
    kind,
    name,
    namespace,
    labels: (metadata["labels"] ?? {}) as Record<string, string>,
    annotations: (metadata["annotations"] ?? {}) as Record<string, string>,
    creationTimestamp: metadata["creationTimestamp"] as string | undefined,
    generation,
    modelled: (Object.values(ModelledKind) as string[]).includes(kind),
    spec: (body["spec"] ?? {}) as Record<string, unknown>,
    body,
    source: { file: "test.yaml", docIndex, line: docIndex + 1, column: 1, endLine: docIndex + 1 },
  };
}

const GW = "gateway.networking.k8s.io/v1";

export function aGatewayClass(name = "gwsim", spec: Record<string, unknown> = {}): Manifest {
  return aManifest({
    apiVersion: GW,
    kind: "GatewayClass",
    metadata: { name },
    spec: { controllerName: "gwsim.dev/controller", ...spec },
  });
}

export function aGateway(
  namespace: string,
  name: string,
  listeners: Record<string, unknown>[],
  extra: Record<string, unknown> = {},
): Manifest {
  return aManifest({
    apiVersion: GW,
    kind: "Gateway",
    metadata: { name, namespace },
    spec: { gatewayClassName: "gwsim", listeners, ...extra },
  });
}

export function anHTTPRoute(
  namespace: string,
  name: string,
  spec: Record<string, unknown>,
  metadata: Record<string, unknown> = {},
): Manifest {
  return aManifest({
    apiVersion: GW,
    kind: "HTTPRoute",
    metadata: { name, namespace, ...metadata },
    spec,
  });
}

export function aService(
  namespace: string,
  name: string,
  ports: Record<string, unknown>[] = [{ port: 8080 }],
): Manifest {
  return aManifest({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace },
    spec: { ports },
  });
}

export function aNamespace(name: string, labels: Record<string, string> = {}): Manifest {
  return aManifest({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });
}

/** A locator that points every path at the object's first line (tests do not check columns). */
export const lineOfObjectLocator: SourceLocator = {
  locate: (m) => ({
    file: m.source.file,
    line: m.source.line,
    column: 1,
    endLine: m.source.line,
    endColumn: 1,
  }),
  locateKey: (m) => ({
    file: m.source.file,
    line: m.source.line,
    column: 1,
    endLine: m.source.line,
    endColumn: 1,
  }),
};
