/**
 * CRD constraints → diagnostics: what the API server would refuse (errors) or silently drop
 * (unknown-field warnings) before any controller sees the object. References to objects that are
 * not in the input are not checked here; status/ reports them.
 */
import { refOf } from '../load/buildManifest';
import type { SourceLocator } from '../load/loadManifests';
import { diagnostic } from '../diagnostics/diagnostic';
import { isRouteKind } from '../api/kinds';
import type { Diagnostic, Manifest } from '../types';
import { checkBackendTLSPolicy } from './checkBackendTLSPolicy';
import { checkCoreKind, checkMetadata } from './checkCoreKinds';
import { checkListeners } from './checkListeners';
import { checkRoute } from './checkRouteRules';
import { checkIngress } from './checkIngress';
import { getCrdJsonSchema, type JsonSchema } from './crdSchemas';
import { getIngressJsonSchema } from './ingressSchemas';
import { validateSchema } from './validateSchema';
import { printPath, type ValidationIssue } from './validationIssue';

/** Fields the standard-channel CRDs lack but the experimental channel defines (spec digest §0). */
const EXPERIMENTAL_FIELDS: Record<string, ReadonlySet<string>> = {
  HTTPRoute: new Set(['retry', 'sessionPersistence', 'useDefaultGateways', 'externalAuth']),
  GRPCRoute: new Set(['sessionPersistence', 'useDefaultGateways']),
  TLSRoute: new Set(['useDefaultGateways']),
  TCPRoute: new Set(['useDefaultGateways']),
  UDPRoute: new Set(['useDefaultGateways']),
  Gateway: new Set(['defaultScope']),
};
const NONE: ReadonlySet<string> = new Set();

export function validateManifests(manifests: readonly Manifest[], locator: SourceLocator): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const manifest of manifests) {
    if (!manifest.modelled) continue;
    for (const issue of validateManifest(manifest)) {
      const at = issue.atKey && locator.locateKey ? locator.locateKey(manifest, issue.path) : locator.locate(manifest, issue.path);
      diagnostics.push(
        diagnostic(issue.code, at, issue.message, {
          ...(issue.hint ? { hint: issue.hint } : {}),
          object: refOf(manifest),
          path: issue.path,
        }),
      );
    }
  }
  return diagnostics;
}

/** Every issue of one modelled object, unlocated. */
export function validateManifest(manifest: Manifest): ValidationIssue[] {
  const { kind, body } = manifest;
  const issues = checkMetadata(kind, body);
  const ingressSchema = getIngressJsonSchema(kind, manifest.apiVersion);
  if (ingressSchema) {
    issues.push(...validateSchema(body, ingressSchema, [], { experimentalFields: NONE }));
    if (kind === 'Ingress') issues.push(...checkIngress(manifest.spec, manifest.apiVersion === 'networking.k8s.io/v1'));
    return dropGenericDuplicates(issues);
  }
  const schema = getCrdJsonSchema(kind, manifest.apiVersion);
  if (!schema) {
    // Core kinds: the full core/v1 schemas are not vendored, but ObjectMeta is the same everywhere.
    const metadata = getCrdJsonSchema('Gateway', 'gateway.networking.k8s.io/v1')?.properties?.metadata;
    if (metadata) issues.push(...validateSchema(body.metadata, metadata, ['metadata'], { experimentalFields: NONE }));
    return dropGenericDuplicates([...issues, ...checkCoreKind(kind, body)]);
  }
  issues.push(...validateSchema(body, bodySchema(schema), [], { experimentalFields: EXPERIMENTAL_FIELDS[kind] ?? NONE }));
  const spec = manifest.spec;
  if (kind === 'Gateway' || kind === 'ListenerSet') issues.push(...checkListeners(spec));
  if (isRouteKind(kind)) issues.push(...checkRoute(kind, spec));
  if (kind === 'BackendTLSPolicy') issues.push(...checkBackendTLSPolicy(spec));
  return dropGenericDuplicates(issues);
}

// A listener named twice trips both the list-map key check and the CEL rule, and a non-string
// label both the schema and checkMetadata: the hand-written issue says more, so the generic one goes.
function dropGenericDuplicates(issues: ValidationIssue[]): ValidationIssue[] {
  const specific = issues.filter((i) => !i.duplicateEntry && !i.fromSchema);
  return issues.filter((i) => {
    if (i.duplicateEntry) return !specific.some((s) => printPath(s.path).startsWith(printPath(i.path)));
    if (i.fromSchema) return !specific.some((s) => s.code === i.code && printPath(s.path) === printPath(i.path));
    return true;
  });
}

const bodySchemas = new WeakMap<JsonSchema, JsonSchema>();

// apiVersion and kind were settled by the loader (with its own unserved-version warning), so the
// schema's enums for them must not report the same thing again.
function bodySchema(schema: JsonSchema): JsonSchema {
  let body = bodySchemas.get(schema);
  if (!body) {
    body = { ...schema, properties: { ...schema.properties, apiVersion: { type: 'string' }, kind: { type: 'string' } } };
    bodySchemas.set(schema, body);
  }
  return body;
}
