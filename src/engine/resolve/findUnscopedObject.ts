/**
 * A reference without `namespace` to a kind gwsim does not model (a GatewayClass parametersRef:
 * spec ParametersReference) names a cluster-scoped object. The loader cannot know the scope of
 * such a CRD, so it files an object written without `metadata.namespace` under "default" (what
 * kubectl does for a namespaced kind). Consul's GatewayClassConfig is cluster-scoped: its
 * GatewayClass was "assumed … the input holds no GatewayClassConfig" next to the very object,
 * and in the closed world refused as InvalidParameters "not found".
 */
import { resourceKey } from "../api/keys";
import type { Manifest } from "../types";
import type { ResourceIndex } from "./indexResources";

/** The object of `kind` named `name` written without a namespace, when gwsim cannot tell its scope. */
export function findUnscopedObject(
  index: ResourceIndex,
  kind: string,
  name: string,
): Manifest | undefined {
  const filed = index.byKey.get(resourceKey(kind, "default", name));
  if (filed === undefined || filed.modelled || declaresNamespace(filed.body)) return undefined;
  return filed;
}

function declaresNamespace(body: Record<string, unknown>): boolean {
  const metadata = body["metadata"];
  if (typeof metadata !== "object" || metadata === null) return false;
  const namespace = (metadata as Record<string, unknown>)["namespace"];
  return typeof namespace === "string" && namespace !== "";
}
