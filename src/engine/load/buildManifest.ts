/**
 * Turns one parsed Kubernetes object (plain JSON plus where it came from) into a Manifest, or into
 * the diagnostics explaining why no object could be made from it.
 */
import {
  CLUSTER_SCOPED_KINDS,
  DEPRECATED_VERSIONS,
  GATEWAY_GROUP,
  KUSTOMIZE_GROUP,
  ModelledKind,
  SERVED_VERSIONS,
  groupOf,
} from "../api/kinds";
import { resourceKey } from "../api/keys";
import { diagnostic } from "../diagnostics/diagnostic";
import type { Diagnostic, FieldPath, Manifest, ManifestSource, SourceLocation } from "../types";
import { setOwn } from "../collections/setOwn";
import { needEngineModule } from "../modules/engineModules";

export interface ObjectInput {
  value: unknown;
  source: ManifestSource;
  /** Locates a field of this object (falls back to the nearest existing ancestor). */
  locate: (path: FieldPath) => SourceLocation;
  /** Set for an item of a `kind: List`: where it sits in the List (`items[2]`). */
  listItemPath?: string;
  /**
   * The document's text holds `${` or `{{`: only then are its fields searched for unrendered
   * placeholders (unrenderedPlaceholders.ts), so other documents pay nothing for the search.
   */
  mayHoldPlaceholders?: boolean;
}

export interface BuiltManifest {
  manifest?: Manifest;
  diagnostics: Diagnostic[];
}

const LIST_ITEM_HINT =
  "Each item of a List must be a Kubernetes object (a mapping); remove the entry or fix its indentation.";

/** Longest part of a stray scalar a diagnostic quotes. */
const SCALAR_EXCERPT_CHARS = 40;

/**
 * A short, escaped excerpt of a document that is a scalar. Such a "document" is often a file that
 * is not YAML at all (a symlink to /etc/passwd, a key, an environment dump): the diagnostic must
 * identify it without printing its contents.
 */
function scalarExcerpt(value: unknown): string {
  const text = typeof value === "string" ? value : String(value);
  if (text.length <= SCALAR_EXCERPT_CHARS) return JSON.stringify(value) ?? text;
  return `${JSON.stringify(Array.from(text).slice(0, SCALAR_EXCERPT_CHARS).join(""))}… (${text.length} characters; the rest is not shown)`;
}

/**
 * `kind: List`, or a typed list (HTTPRouteList) with an `items` field, whose items the loader
 * could not expand. A kind merely ending in "List" without items may be an object of its own.
 */
function isBrokenList(kind: string, items: unknown): boolean {
  if (Array.isArray(items)) return false;
  return kind === "List" || (kind.endsWith("List") && items !== undefined);
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (isPlainObject(value)) return "a mapping";
  return `the ${typeof value} ${scalarExcerpt(value)}`;
}

/** The longest name any Kubernetes object can have (a DNS subdomain). */
export const MAX_NAME_LENGTH = 253;
/** The longest namespace name (a DNS label). */
export const MAX_NAMESPACE_LENGTH = 63;

/**
 * A name or namespace over the length the API server accepts refuses the object, as the API
 * server does. A loaded object's name and namespace are in its key, and the key is in every
 * reference, graph node and edge, finding and message about the object: a 200 KB namespace was
 * copied into an analysis of 22 MB (each copy cloned again when the analysis crosses to the UI),
 * so what an object costs grew with its name's length times the places that name it. Refused
 * here, no identity is longer than these limits.
 */
function overLongIdentity(
  kind: string,
  name: string,
  namespace: string | undefined,
  locate: ObjectInput["locate"],
): Diagnostic | undefined {
  const field =
    name.length > MAX_NAME_LENGTH
      ? { key: "name", length: name.length, max: MAX_NAME_LENGTH }
      : namespace !== undefined && namespace.length > MAX_NAMESPACE_LENGTH
        ? { key: "namespace", length: namespace.length, max: MAX_NAMESPACE_LENGTH }
        : undefined;
  if (field === undefined) return undefined;
  const path = ["metadata", field.key];
  return diagnostic(
    "object.name-too-long",
    locate(path),
    `This ${kind}'s \`metadata.${field.key}\` is ${field.length} characters long; the API server refuses ${field.key === "name" ? "names" : "namespaces"} over ${field.max} characters, so the object was not loaded.`,
    { path },
  );
}

/**
 * A `/` in an object's kind, namespace or name refuses the object, as the API server does (no
 * resource has such a kind; a namespace is a DNS label; no name may contain `/`). An object's
 * key is "Kind/namespace/name": with a `/` inside a part, Service "a/b"/"c" and Service
 * "a"/"b/c" were one key (the later replaced the earlier as a duplicate) and parseResourceKey
 * read another object back. Refused here, every loaded key splits one way only.
 */
function slashInIdentity(
  kind: string,
  name: string,
  namespace: string | undefined,
  locate: ObjectInput["locate"],
): Diagnostic | undefined {
  const key = kind.includes("/")
    ? "kind"
    : namespace !== undefined && namespace.includes("/")
      ? "namespace"
      : name.includes("/")
        ? "name"
        : undefined;
  if (key === undefined) return undefined;
  const path = key === "kind" ? ["kind"] : ["metadata", key];
  const value = key === "kind" ? kind : key === "namespace" ? (namespace as string) : name;
  return diagnostic(
    "object.slash-in-identity",
    locate(path),
    needEngineModule("diagnosticWords").slashInIdentityMessage(key, kind, value),
    { path },
  );
}

export function buildManifest(input: ObjectInput): BuiltManifest {
  const { value, source, locate, listItemPath, mayHoldPlaceholders } = input;
  if (!isPlainObject(value)) {
    const what =
      value === null
        ? "empty"
        : Array.isArray(value)
          ? "a list"
          : `the scalar ${scalarExcerpt(value)}`;
    const subject = listItemPath === undefined ? "This document" : `List item ${listItemPath}`;
    const details = listItemPath === undefined ? {} : { hint: LIST_ITEM_HINT };
    return {
      diagnostics: [
        diagnostic(
          "yaml.not-an-object",
          locate([]),
          `${subject} is ${what}, not a Kubernetes object; it was skipped.`,
          details,
        ),
      ],
    };
  }
  const body = value;
  const metadata = isPlainObject(body.metadata) ? body.metadata : {};
  const apiVersion = typeof body.apiVersion === "string" ? body.apiVersion.trim() : "";
  const kind = typeof body.kind === "string" ? body.kind.trim() : "";
  const name = typeof metadata.name === "string" ? metadata.name : "";
  if (!apiVersion || !kind) {
    const other = needEngineModule("diagnosticWords").describeNotAManifest(body, source.file);
    if (other)
      return {
        diagnostics: [
          diagnostic("object.missing-kind", locate([]), other.message, { hint: other.hint }),
        ],
      };
    const missing = [!apiVersion && "apiVersion", !kind && "kind"].filter(Boolean) as string[];
    const field = missing[0] as string;
    return {
      diagnostics: [
        diagnostic(
          "object.missing-kind",
          locate([field]),
          `The object has no \`${missing.join("` or `")}\`${name ? ` (metadata.name "${name}")` : ""}; it was not loaded.`,
          { path: [field] },
        ),
      ],
    };
  }
  if (groupOf(apiVersion) === KUSTOMIZE_GROUP) {
    // Build configuration, not an object: without this it was refused as an object without a
    // name, an error in every folder of a GitOps repository.
    const words = needEngineModule("diagnosticWords").describeKustomizeFile(kind, body);
    return {
      diagnostics: [
        diagnostic("object.kustomize-config", locate(["kind"]), words.message, {
          hint: words.hint,
          path: ["kind"],
          severity: words.transforms ? "warning" : "info",
        }),
      ],
    };
  }
  if (!name && isBrokenList(kind, body.items)) {
    // A List whose items is not a sequence (or absent) is a broken list, not an object lacking
    // a name: say what is wrong with it.
    const got = body.items === undefined ? "it has none" : `got ${describeType(body.items)}`;
    return {
      diagnostics: [
        diagnostic(
          "schema.type",
          locate(body.items === undefined ? [] : ["items"]),
          `${kind} items: must be a list of objects, ${got}; the ${kind} was not loaded.`,
          { path: body.items === undefined ? [] : ["items"] },
        ),
      ],
    };
  }
  if (!name) {
    const hasGenerateName = typeof metadata.generateName === "string";
    return {
      diagnostics: [
        diagnostic(
          "object.missing-name",
          locate(["metadata", "name"]),
          `${kind} has no \`metadata.name\`${hasGenerateName ? " (generateName is not supported: a simulator cannot invent the name)" : ""}; it was not loaded.`,
          { path: ["metadata", "name"] },
        ),
      ],
    };
  }

  const group = groupOf(apiVersion);
  const modelled = isModelled(kind, group);
  const clusterScoped = CLUSTER_SCOPED_KINDS.has(kind);
  const declaredNamespace =
    typeof metadata.namespace === "string" && metadata.namespace !== ""
      ? metadata.namespace
      : undefined;
  const overLong = overLongIdentity(
    kind,
    name,
    clusterScoped ? undefined : declaredNamespace,
    locate,
  );
  if (overLong !== undefined) return { diagnostics: [overLong] };
  const slashed = slashInIdentity(
    kind,
    name,
    clusterScoped ? undefined : declaredNamespace,
    locate,
  );
  if (slashed !== undefined) return { diagnostics: [slashed] };
  const namespace = clusterScoped ? undefined : (declaredNamespace ?? "default");
  const manifest: Manifest = {
    key: resourceKey(kind, namespace, name),
    apiVersion,
    group,
    kind,
    name,
    namespace,
    labels: toStringMap(metadata.labels),
    annotations: toStringMap(metadata.annotations),
    creationTimestamp:
      typeof metadata.creationTimestamp === "string" ? metadata.creationTimestamp : undefined,
    generation: isPositiveInteger(metadata.generation) ? metadata.generation : 1,
    modelled,
    spec: isPlainObject(body.spec) ? body.spec : {},
    body,
    source,
  };
  const diagnostics: Diagnostic[] = [];
  // The key is spelt out only for the few kinds that have a removed version.
  const replacement =
    modelled && DEPRECATED_KINDS.has(kind)
      ? DEPRECATED_VERSIONS.get(`${kind} ${apiVersion}`)
      : undefined;
  if (replacement !== undefined) {
    diagnostics.push(
      diagnostic(
        "object.deprecated-version",
        locate(["apiVersion"]),
        `${kind} ${apiVersion} was removed in Kubernetes 1.22; gwsim still reads it (as ${replacement}) so it can be migrated.`,
        {
          hint: `Change apiVersion to ${replacement}${kind === "Ingress" ? " (backends become service.name/service.port, spec.backend becomes spec.defaultBackend, and every path needs a pathType)" : ""}.`,
          object: refOf(manifest),
          path: ["apiVersion"],
        },
      ),
    );
  } else if (group === RENAMED_GATEWAY_GROUP && Object.hasOwn(ModelledKind, kind)) {
    // The API before v0.4.0 (v1alpha1 forwardTo, routes picked by label selectors): no cluster of
    // today reconciles it, and read as v1 it would mean something else. Kept, not interpreted.
    diagnostics.push(
      diagnostic(
        "object.unserved-version",
        locate(["apiVersion"]),
        `${kind} ${apiVersion} is the Gateway API before v0.4.0, whose group was renamed ${GATEWAY_GROUP}: no current controller reconciles it, so gwsim keeps this object without interpreting it (no status, no routing).`,
        {
          hint: `Migrate it to ${GATEWAY_GROUP}/v1: routes name their Gateways in spec.parentRefs (not label selectors), forwardTo becomes backendRefs.`,
          object: refOf(manifest),
          path: ["apiVersion"],
        },
      ),
    );
  } else if (modelled && !SERVED_VERSIONS[kind as ModelledKind].includes(apiVersion)) {
    const served = SERVED_VERSIONS[kind as ModelledKind];
    const server = group === GATEWAY_GROUP ? "the Gateway API v1.6.1 CRDs" : "Kubernetes";
    diagnostics.push(
      diagnostic(
        "object.unserved-version",
        locate(["apiVersion"]),
        `${kind} ${apiVersion} is not served by ${server} (served: ${served.join(", ")}); gwsim reads it as ${served[0]}.`,
        {
          hint: `Change apiVersion to ${served[0]}.`,
          object: refOf(manifest),
          path: ["apiVersion"],
        },
      ),
    );
  }
  if (mayHoldPlaceholders === true && modelled) {
    const subject = `${kind} ${namespace === undefined ? name : `${namespace}/${name}`}`;
    const unrendered = needEngineModule("diagnosticWords").findUnrenderedPlaceholders(
      body,
      subject,
    );
    if (unrendered !== undefined)
      diagnostics.push(
        diagnostic("object.unrendered-template", locate(unrendered.path), unrendered.message, {
          hint: unrendered.hint,
          object: refOf(manifest),
          path: unrendered.path,
        }),
      );
  }
  return { manifest, diagnostics };
}

/** The Gateway API's group until v0.3 (service-apis), renamed gateway.networking.k8s.io in v0.4.0. */
const RENAMED_GATEWAY_GROUP = "networking.x-k8s.io";

/** A kind is interpreted only in its own API group: a `Gateway` from another project is opaque. */
function isModelled(kind: string, group: string): boolean {
  if (!Object.hasOwn(ModelledKind, kind)) return false;
  return SERVED_GROUPS.get(kind)?.has(group) === true;
}

/**
 * The groups of each modelled kind's served versions, worked out once: asked per object, the
 * versions' groups were sliced out again (and a closure made) for every object of a workspace.
 */
const SERVED_GROUPS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(SERVED_VERSIONS).map(([kind, versions]) => [kind, new Set(versions.map(groupOf))]),
);

/** The kinds DEPRECATED_VERSIONS (keyed "kind apiVersion") names. */
const DEPRECATED_KINDS: ReadonlySet<string> = new Set(
  Array.from(DEPRECATED_VERSIONS.keys(), (key) => key.slice(0, key.indexOf(" "))),
);

export function refOf(m: Manifest): { kind: string; namespace?: string; name: string } {
  return m.namespace === undefined
    ? { kind: m.kind, name: m.name }
    : { kind: m.kind, namespace: m.namespace, name: m.name };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1;
}

/**
 * The labels or annotations of an object that has none: one frozen map shared by all of them. A
 * map without prototype is a dictionary of about 190 bytes even when empty, and most objects have
 * neither labels nor annotations (two such maps per object were ~4% of a loaded route's memory).
 */
const NO_ENTRIES: Readonly<Record<string, string>> = Object.freeze(
  Object.create(null) as Record<string, string>,
);

// Kubernetes rejects non-string label values; validate/ reports them, here numbers and booleans
// are kept as text (collections, tags and timestamps are left out). Keys are the user's, so the
// map has no prototype: `labels[key]` never reaches Object.prototype.
export function toStringMap(value: unknown): Record<string, string> {
  if (!isPlainObject(value)) return NO_ENTRIES;
  const keys = Object.keys(value);
  if (keys.length === 0) return NO_ENTRIES;
  const out = Object.create(null) as Record<string, string>;
  for (const k of keys) {
    const v = value[k];
    const text =
      typeof v === "string"
        ? v
        : typeof v === "number" || typeof v === "boolean"
          ? String(v)
          : undefined;
    if (text !== undefined) setOwn(out, k, text);
  }
  return out;
}
