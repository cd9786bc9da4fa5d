/**
 * CRD constraints → diagnostics: what the API server would refuse (errors) or silently drop
 * (unknown-field warnings) before any controller sees the object. References to objects that are
 * not in the input are not checked here; status/ reports them.
 */
import { checkInfrastructureKeys } from "./checkInfrastructureKeys";
import { refOf } from "../load/buildManifest";
import type { SourceLocator } from "../load/loadManifests";
import { diagnostic } from "../diagnostics/diagnostic";
import { isRouteKind } from "../api/kinds";
import type { Diagnostic, Manifest } from "../types";
import { checkCoreKind, checkMetadata } from "./checkCoreKinds";
import { checkListeners } from "./checkListeners";
import { checkRoute } from "./checkRouteRules";
import { checkCoreGroupSpelling } from "./checkCoreGroupSpelling";
import type { JsonSchema } from "./crdSchemas";
import { validationSchemaFor } from "./validationSchemas";
import { EXPERIMENTAL_FIELD_SCHEMAS, coreSchemas } from "./coreSchemas";
import { plainData, typeAndValidate } from "./validateSchema";
import { applyCrdDefaults } from "./applyCrdDefaults";
import { asArray, isObject, printPath, type ValidationIssue } from "./validationIssue";
import { appendAll } from "../collections/appendAll";
import { emptyList } from "../collections/emptyList";
import { needEngineModule } from "../modules/engineModules";

export interface ValidatedManifests {
  /**
   * The typed view of every object (validateSchema.ts): every field of its declared type or
   * absent. Later stages read these, never the raw parse.
   */
  manifests: Manifest[];
  diagnostics: Diagnostic[];
}

const NONE: ReadonlyMap<string, JsonSchema> = new Map();

const metadataSchema = validationSchemaFor("Gateway", "gateway.networking.k8s.io/v1")?.properties
  ?.metadata;
const CORE_SCHEMAS = coreSchemas(metadataSchema);

/**
 * CRD constraints → diagnostics, and every object → its typed view. Objects of kinds gwsim does
 * not model get a plain-data copy (no diagnostics: gwsim does not know their schema).
 *
 * `remember`: keep each result for the next call with the same loaded objects (the caches below).
 * Only a load with a parse cache hands the same objects on, so a cold analysis passes false: its
 * objects are new, nothing could be found, and 10,000 weak entries at 10,000 routes would cost
 * their insertion, their memory and the garbage collector's ephemeron work for nothing.
 */
export function validateManifests(
  manifests: readonly Manifest[],
  locator: SourceLocator,
  remember = false,
): ValidatedManifests {
  const diagnostics: Diagnostic[] = [];
  const typed: Manifest[] = [];
  for (const manifest of manifests) {
    const body = remember ? checkedBody(manifest) : undefined;
    const known = body?.object;
    if (known !== undefined && known.loaded === manifest) {
      typed.push(known.manifest);
      appendAll(diagnostics, known.diagnostics);
      continue;
    }
    const checked =
      body !== undefined
        ? { manifest: withBody(manifest, body.typedBody), issues: body.issues }
        : validateManifest(manifest);
    typed.push(checked.manifest);
    // Most objects have nothing to locate: they share the one empty list.
    const located: Diagnostic[] = checked.issues.length === 0 ? emptyList() : [];
    for (const issue of checked.issues) {
      const at =
        issue.atKey && locator.locateKey
          ? locator.locateKey(manifest, issue.path)
          : locator.locate(manifest, issue.path);
      located.push(
        diagnostic(issue.code, at, issue.message, {
          ...(issue.hint ? { hint: issue.hint } : {}),
          object: refOf(manifest),
          docIndex: manifest.source.docIndex,
          path: issue.path,
        }),
      );
    }
    appendAll(diagnostics, located);
    if (body !== undefined)
      body.object = { loaded: manifest, manifest: checked.manifest, diagnostics: located };
  }
  return { manifests: typed, diagnostics };
}

/** What validateManifest found for one raw body: valid while kind, apiVersion and modelled are the same. */
interface CheckedBody {
  kind: string;
  apiVersion: string;
  modelled: boolean;
  typedBody: Record<string, unknown>;
  issues: ValidationIssue[];
  /**
   * The last loaded object of this body validated: its typed view and located diagnostics, which
   * depend on nothing else. The loader hands on an unchanged chunk's objects (the very objects)
   * when it loads an edited text around its edit (load/fileLoad.ts): a keystroke at 10,000
   * objects validates and locates only the objects it changed, and copies none of the others.
   * A document that only moved (lines added or removed above it) is a new object of the same
   * body: its typed view is made again from the body's (no check runs) and replaces this one.
   * Kept here rather than in a map keyed by the loaded object: after Enter at the top of 10,000
   * documents, 10,000 new weak entries (and their garbage collection) were a tenth of the work.
   */
  object?: { loaded: Manifest; manifest: Manifest; diagnostics: readonly Diagnostic[] };
}

/**
 * Validation results by raw body. With a parse cache, an unchanged document's body is the same
 * object in the next analysis (load/parseCache.ts), so a keystroke re-validates only the
 * documents it changed. Keyed weakly: an entry lives as long as the parse that made its body.
 * The typed bodies and issues are only read afterwards, never changed (parseCache.test.ts
 * freezes them and re-analyses); only `object` is replaced, by the next object of the body.
 */
const checkedBodies = new WeakMap<object, CheckedBody>();

/** The body's check, from the cache when it was checked as this kind, apiVersion and modelling. */
function checkedBody(manifest: Manifest): CheckedBody {
  const known = checkedBodies.get(manifest.body);
  if (
    known !== undefined &&
    known.kind === manifest.kind &&
    known.apiVersion === manifest.apiVersion &&
    known.modelled === manifest.modelled
  )
    return known;
  const checked = validateManifest(manifest);
  const entry: CheckedBody = {
    kind: manifest.kind,
    apiVersion: manifest.apiVersion,
    modelled: manifest.modelled,
    typedBody: checked.manifest.body,
    issues: checked.issues,
  };
  checkedBodies.set(manifest.body, entry);
  return entry;
}

/** Every issue of one object, unlocated, and its typed view. */
export function validateManifest(manifest: Manifest): {
  manifest: Manifest;
  issues: ValidationIssue[];
} {
  const { kind, body } = manifest;
  if (!manifest.modelled)
    return {
      manifest: withBody(manifest, plainData(body, []) as Record<string, unknown>),
      issues: [],
    };
  const issues = checkMetadata(kind, body);
  // Ingress validation and BackendTLSPolicy's rules are on-demand engine modules: asked for only
  // when such an object is validated (modules/engineModules.ts).
  const ingressSchema =
    kind === "Ingress" || kind === "IngressClass"
      ? needEngineModule("ingress").getIngressJsonSchema(kind, manifest.apiVersion)
      : undefined;
  if (ingressSchema) {
    const result = typeAndValidate(body, ingressSchema, [], { experimentalFields: NONE });
    appendAll(issues, result.issues);
    const typed = withBody(manifest, (result.value ?? {}) as Record<string, unknown>);
    if (kind === "Ingress")
      appendAll(
        issues,
        needEngineModule("ingress").checkIngress(
          typed.spec,
          manifest.apiVersion === "networking.k8s.io/v1",
        ),
      );
    return { manifest: typed, issues: dropGenericDuplicates(issues, false) };
  }
  const schema = validationSchemaFor(kind, manifest.apiVersion);
  if (!schema) {
    // Core kinds: only the fields gwsim reads are declared (coreSchemas.ts); ObjectMeta is the same everywhere.
    const coreSchema = CORE_SCHEMAS[kind] ?? { type: "object" };
    const result = typeAndValidate(body, coreSchema, [], { experimentalFields: NONE });
    const typedBody = (result.value ?? {}) as Record<string, unknown>;
    appendAll(issues, checkCoreKind(kind, body));
    appendAll(issues, result.issues);
    return {
      manifest: withBody(manifest, typedBody),
      issues: hintMisplacedFields(
        dropGenericDuplicates(issues, true),
        coreSchema.properties?.["spec"],
      ),
    };
  }
  const result = typeAndValidate(body, bodySchema(schema), [], {
    experimentalFields: EXPERIMENTAL_FIELD_SCHEMAS[kind] ?? NONE,
  });
  appendAll(issues, result.issues);
  const typed = withBody(manifest, (result.value ?? {}) as Record<string, unknown>);
  appendAll(issues, checkSpec(kind, specForChecks(kind, typed.spec, schema)));
  return {
    manifest: typed,
    issues: hintMisplacedFields(dropGenericDuplicates(issues, false), schema.properties?.spec),
  };
}

/**
 * hintMisplacedSpecFields only rewrites unknown-field issues, which become diagnostics: it is in
 * the on-demand diagnostic words module, asked for only when there is such an issue.
 */
function hintMisplacedFields(
  issues: ValidationIssue[],
  specSchema: JsonSchema | undefined,
): ValidationIssue[] {
  if (!issues.some((issue) => issue.code === "schema.unknown-field")) return issues;
  return needEngineModule("diagnosticWords").hintMisplacedSpecFields(issues, specSchema);
}

function withBody(manifest: Manifest, body: Record<string, unknown>): Manifest {
  const spec = body.spec;
  return {
    ...manifest,
    body,
    spec:
      spec !== null && typeof spec === "object" && !Array.isArray(spec)
        ? (spec as Record<string, unknown>)
        : {},
  };
}

/**
 * The CEL-like checks of a modelled CRD kind, on the spec they see (specForChecks). They read the
 * typed view, so they can rely on every field's type.
 */
export function checkSpec(kind: string, spec: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (kind === "Gateway" || kind === "ListenerSet") appendAll(issues, checkListeners(spec));
  // Only a Gateway that requests an address runs these checks (an on-demand module).
  if (kind === "Gateway" && asArray(spec.addresses).length > 0)
    appendAll(issues, needEngineModule("gatewayAddresses").checkGatewayAddresses(spec));
  if (kind === "Gateway") appendAll(issues, checkInfrastructureKeys(spec));
  if (isRouteKind(kind)) appendAll(issues, checkRoute(kind, spec));
  appendAll(issues, checkCoreGroupSpelling(kind, spec));
  if (kind === "BackendTLSPolicy")
    appendAll(issues, needEngineModule("backendTls").checkBackendTLSPolicy(spec));
  return issues;
}

/**
 * The spec the CEL-like checks read. CEL runs on the defaulted object, so Gateway and ListenerSet
 * checks get a copy with every CRD default applied (a TLS listener's `tls` without `mode` is
 * Terminate: checkListeners tells that from a listener without `tls`). A route's checks read
 * every defaulted field they look at through a fallback that is the CRD's default (a path type
 * `?? "PathPrefix"`, a backendRef's kind "Service", a parentRef's group, a rule without matches
 * as one `PathPrefix /` match…), so they read the typed view itself: defaulting copied every
 * parentRef, backendRef, rule and list holding them (15 MB at 10,000 routes, all garbage after the
 * checks). checkSpec.equivalence.test.ts holds route checks to the same findings on both.
 */
export function specForChecks(
  kind: string,
  spec: Record<string, unknown>,
  schema: JsonSchema,
): Record<string, unknown> {
  if (isRouteKind(kind)) return spec;
  const defaulted = applyCrdDefaults(spec, schema.properties?.spec);
  return isObject(defaulted) ? defaulted : spec;
}

// A listener named twice trips both the list-map key check and the CEL rule, and a non-string
// label both the schema and checkMetadata: the hand-written issue says more, so the generic one goes.
// For core kinds, whose hand-written checks predate their partial schemas, a hand-written issue
// on a path supersedes any schema issue on it.
function dropGenericDuplicates(issues: ValidationIssue[], anyCode: boolean): ValidationIssue[] {
  // Nearly every object has no issue: no lists or closures made for it.
  if (issues.length === 0) return issues;
  const specific = issues.filter((i) => !i.duplicateEntry && !i.fromSchema);
  return issues.filter((i) => {
    if (i.duplicateEntry)
      return !specific.some((s) => printPath(s.path).startsWith(printPath(i.path)));
    if (i.fromSchema)
      return !specific.some(
        (s) => (anyCode || s.code === i.code) && printPath(s.path) === printPath(i.path),
      );
    return true;
  });
}

const bodySchemas = new WeakMap<JsonSchema, JsonSchema>();

// apiVersion and kind were settled by the loader (with its own unserved-version warning), so the
// schema's enums for them must not report the same thing again.
function bodySchema(schema: JsonSchema): JsonSchema {
  let body = bodySchemas.get(schema);
  if (!body) {
    body = {
      ...schema,
      properties: {
        ...schema.properties,
        apiVersion: { type: "string" },
        kind: { type: "string" },
      },
    };
    bodySchemas.set(schema, body);
  }
  return body;
}
