/**
 * Every diagnostic gwsim can emit: a stable code, its severity and a default hint.
 * Codes never change meaning once released; retire a code instead of reusing it.
 * Stages create diagnostics only through `diagnostic()` in ./diagnostic.ts.
 */
import type { Severity } from "../types";

interface CatalogEntry {
  severity: Severity;
  /** What the user should do, when the message alone does not say it. */
  hint: string;
}

export const DIAGNOSTIC_CATALOG = {
  "yaml.syntax": {
    severity: "error",
    hint: "Fix the YAML syntax at this position; the other documents still load.",
  },
  "yaml.alias-limit": {
    severity: "error",
    hint: "Remove the anchors/aliases that expand this document, or inline the values.",
  },
  "yaml.document-too-large": {
    severity: "error",
    hint: "Remove the bulk data: the API server itself refuses objects over about 1.5 MiB.",
  },
  "load.workspace-too-large": {
    severity: "error",
    hint: "Check the workspace in parts (one folder or app at a time), or, from the command line, raise the cap with --max-workspace-mib and --max-documents.",
  },
  "load.not-utf8": {
    severity: "warning",
    hint: "Save the file as UTF-8 (for example `iconv -f LATIN1 -t UTF-8`, naming its real encoding).",
  },
  "load.nul-character": {
    severity: "warning",
    hint: "Remove the NUL character, or check that this is the YAML file you meant to load.",
  },
  "yaml.not-an-object": {
    severity: "error",
    hint: "Each YAML document must be a Kubernetes object (a mapping).",
  },
  "yaml.nesting-limit": {
    severity: "error",
    hint: "Flatten the document: Kubernetes objects never nest this deeply.",
  },
  "yaml.complex-key": {
    severity: "error",
    hint: "Use plain text keys: Kubernetes objects are JSON, whose keys are strings.",
  },
  "yaml.warning": {
    severity: "warning",
    hint: "The YAML parser accepted this but it may not mean what you expect.",
  },
  "object.missing-kind": { severity: "error", hint: "Add `apiVersion` and `kind` to the object." },
  "object.missing-name": { severity: "error", hint: "Add `metadata.name`." },
  "object.name-too-long": {
    severity: "error",
    hint: "Shorten it: a name is a DNS subdomain (at most 253 characters), a namespace a DNS label (at most 63).",
  },
  "object.slash-in-identity": {
    severity: "error",
    hint: "Remove the `/`: a kind is a word, a name a DNS subdomain, a namespace a DNS label (lower-case letters, digits, '-' and, in names, '.').",
  },
  "object.unrendered-template": {
    severity: "warning",
    hint: "Check the rendered objects (`helm template …`, `flux envsubst`) instead of the template.",
  },
  "object.kustomize-config": {
    severity: "info",
    hint: "Check the output of `kubectl kustomize DIR` instead of the folder's files.",
  },
  "object.duplicate": {
    severity: "warning",
    hint: "Two documents define the same object; the later one wins, as with `kubectl apply`. Remove one.",
  },
  "object.unknown-kind": {
    severity: "info",
    hint: "Nothing to fix if the kind is what you meant: gwsim simulates the Gateway API and the objects it references (Services, Secrets, Namespaces, …). Check apiVersion and kind if this object should be one of them.",
  },
  "object.unserved-version": {
    severity: "warning",
    hint: "Use an apiVersion the Gateway API CRDs serve (usually gateway.networking.k8s.io/v1).",
  },
  "object.deprecated-version": {
    severity: "warning",
    hint: "Kubernetes 1.22 removed this apiVersion; move the object to the version named in the message.",
  },
  "schema.required": { severity: "error", hint: "Add the required field." },
  "schema.type": { severity: "error", hint: "Change the value to the expected type." },
  "schema.enum": { severity: "error", hint: "Use one of the allowed values." },
  "schema.pattern": { severity: "error", hint: "Change the value to match the expected format." },
  "schema.range": { severity: "error", hint: "Use a value within the allowed range." },
  "schema.length": {
    severity: "error",
    hint: "Shorten or lengthen the value to the allowed size.",
  },
  "schema.unknown-field": {
    severity: "warning",
    hint: "Check the spelling, or move the field where it belongs. `kubectl apply` 1.27 and later send fieldValidation=Strict and fail on an unknown field; other clients see it dropped (gwsim keeps it in the YAML).",
  },
  "schema.rule": {
    severity: "error",
    hint: "The CRD validation rule rejects this combination of fields.",
  },
  "schema.items": {
    severity: "error",
    hint: "Add or remove list entries to stay within the allowed count.",
  },
  "secret.tls-key-mismatch": {
    severity: "warning",
    hint: "Put the private key that was issued with this certificate in tls.key (or the certificate of this key in tls.crt): listeners that reference the Secret are not programmed (InvalidCertificateRef).",
  },
  "secret.tls-key-unchecked": {
    severity: "warning",
    hint: "gwsim compares RSA and ECDSA keys with their certificate; this pair could not be read, so a controller may still refuse it. Check it with `openssl x509 -noout -pubkey` and `openssl pkey -pubout`.",
  },
  "schema.experimental-rule": {
    severity: "warning",
    hint: "Only the experimental-channel CRDs enforce this rule: a cluster with the standard channel stores the object, one with the experimental channel refuses it.",
  },
  "filter.relative-path": {
    severity: "warning",
    hint: 'A replaceFullPath or replacePrefixMatch is a path: start it with "/".',
  },
  "filter.header-repeated": {
    severity: "warning",
    hint: "A header modifier names this header again (header names are case-insensitive); the API server admits it and only the first entry acts. Keep one entry.",
  },
  "status.gateway-not-reconciled": {
    severity: "warning",
    hint: "Fix the GatewayClass (see its status) so a controller reconciles this Gateway; until then it has no status and serves nothing.",
  },
  // Status drift (src/engine/drift/): a cluster dump's own status compared with gwsim's.
  "status.controller-disagrees": {
    severity: "warning",
    hint: "The status in the input (written by the cluster's controller) differs from the status gwsim computes from these files: the cluster may hold other objects than these files, or the controller may be behind.",
  },
  "status.stale-generation": {
    severity: "warning",
    hint: "The controller has not reconciled the latest spec yet (observedGeneration < metadata.generation), so this status may still change: wait and dump again, or check that the controller is running.",
  },
  // A value the API server admits and a controller cannot program (status/reportInvalidRegexes.ts).
  "rule.regex-not-re2": {
    severity: "warning",
    hint: "Rewrite the pattern in RE2 syntax. Envoy, the data plane of Envoy Gateway, Istio and Contour, compiles route regexes with RE2 (as gwsim does), and RE2 has no lookahead or lookbehind ((?=, (?!, (?<=, (?<!) and no backreferences (\\1). Instead of a negative lookahead, match the excluded paths in a rule of their own.",
  },
  "reading.applied": {
    severity: "info",
    hint: "A non-default reading (--reading / AnalyzeOptions.readings) decided here; gwsim’s default reading decides otherwise.",
  },
  "ref.core-group-spelling": {
    severity: "warning",
    hint: 'Write `group: ""` for a core kind (Service, Secret, ConfigMap); for a backendRef or certificateRef you can leave `group` out.',
  },
  "ref.not-found": {
    severity: "warning",
    hint: "The referenced object is not in the input, and gwsim does not assume it exists. If it exists in the cluster, add it to the input to simulate it; otherwise fix the reference.",
  },
  // A direct policy's targetRef naming another namespace (status/nonLocalPolicyTarget.ts).
  "ref.policy-target-namespace": {
    severity: "warning",
    hint: "Put the policy in the namespace of the object it configures and leave `namespace` out of its targetRef: a policy attaches only to objects of its own namespace (GEP-713).",
  },
  "ref.section-not-found": {
    severity: "warning",
    hint: "Name a section the target has (a Gateway's listener, a route's rule, a Service's port), or leave sectionName out to target the whole object. A policy whose sectionName names nothing does not attach (GEP-713).",
  },
  // The world model (src/engine/resolve/world.ts): objects the input references, lacks, and
  // gwsim assumes exist. One per assumed object, at its first reference.
  "assume.service": {
    severity: "info",
    hint: "gwsim assumes the Service exists with the referenced port and a ready endpoint. Add it to the workspace to simulate it exactly, or use the closed world to treat the input as the whole cluster.",
  },
  "assume.secret": {
    severity: "info",
    hint: "gwsim assumes the Secret holds a valid certificate for the listener's hostname. Add it to the workspace to check it, or use the closed world to treat the input as the whole cluster.",
  },
  "assume.gateway-class": {
    severity: "info",
    hint: "gwsim assumes the GatewayClass is installed and Accepted (its controller is unknown, unless an implementation installs a class of that name itself). Add it to the workspace to check it, or use the closed world to treat the input as the whole cluster.",
  },
  "assume.parameters": {
    severity: "info",
    hint: "gwsim assumes the parametersRef target exists and is valid. Add it to the workspace to check it, or use the closed world to treat the input as the whole cluster.",
  },
  "assume.parent": {
    severity: "info",
    hint: "The route's status for this parent is unknown: the parent is not in the workspace. Add it to see whether it accepts the route.",
  },
  "assume.reference-grant": {
    severity: "info",
    hint: "gwsim assumes a ReferenceGrant in the target namespace allows the reference: the input holds nothing from that namespace. Add the ReferenceGrant to the input, or run with --world closed to see RefNotPermitted.",
  },
  "assume.namespace-labels": {
    severity: "info",
    hint: "A namespace selector (a listener's allowedRoutes, a Gateway's allowedListeners) needs labels that the input cannot show, as it holds no Namespace object for that namespace: gwsim assumes the namespace carries them. Add the Namespace to the input to check, or use the closed world to see the route or ListenerSet refused.",
  },
  "assume.namespace-labels-conflict": {
    severity: "warning",
    hint: "No labels satisfy both selectors, so in the real cluster at most one of them admits from this namespace. Add the Namespace (with its labels) to the input to see which, or fix the selector that should not apply.",
  },
  "assume.backend-kind": {
    severity: "info",
    hint: "The backendRef names an implementation-specific kind, and the controller of the route's Gateway is unknown (its GatewayClass is not in the input, or gwsim cannot tie its controllerName to an implementation), so gwsim assumes the controller supports it. Add the GatewayClass to check, or use the closed world to see InvalidKind.",
  },
  "assume.listener-protocol": {
    severity: "info",
    hint: "The listener uses an implementation-specific protocol, and the Gateway's controller is unknown (its GatewayClass is not in the input, or gwsim cannot tie its controllerName to an implementation), so gwsim assumes the controller supports it. Add the GatewayClass to check, or use the closed world to see UnsupportedProtocol.",
  },
  "assume.address-type": {
    severity: "info",
    hint: "The Gateway requests an implementation-specific address type, and its GatewayClass is not in the input, so gwsim assumes the controller supports it. Add the GatewayClass to check, or use the closed world to see UnsupportedAddress.",
  },
  "assume.object": {
    severity: "info",
    hint: "gwsim assumes the referenced object exists and is valid. Add it to the workspace to check it, or use the closed world to treat the input as the whole cluster.",
  },
  "cert.hostname-not-covered": {
    severity: "warning",
    hint: "Add the listener hostname to the Certificate's dnsNames (or narrow the listener hostname): clients that verify the certificate refuse the connection.",
  },
  "listener.invalid-route-kind": {
    severity: "warning",
    hint: "List only route kinds the listener's protocol carries, in group gateway.networking.k8s.io (an entry without group defaults to it), or leave kinds out to allow every kind the protocol carries. No route of this kind attaches to the listener.",
  },
  // Lint (src/engine/lint/): legal configurations that likely do not do what was meant.
  "lint.shadowed-match": {
    severity: "warning",
    hint: "A higher-precedence match on the same listener and hostname takes every request this one would; make this match more specific or remove it.",
  },
  "lint.creation-order-tie": {
    severity: "warning",
    hint: "Two routes have identical matches: which one wins depends on which was created first. Make one match more specific, or merge the routes.",
  },
  "lint.hostname-overlap-across-gateways": {
    severity: "warning",
    hint: "Two Gateways serve overlapping hostnames on the same port; DNS can point a name at only one of them. Narrow one listener hostname.",
  },
  "lint.zero-total-weight": {
    severity: "warning",
    hint: "Every backendRef of this rule has weight 0, so every request it matches is answered with 500. Give at least one backend a weight above 0.",
  },
  "lint.backend-port-missing": {
    severity: "warning",
    hint: "Add `port:` to the backendRef: this ServiceImport lists several ports, and nothing else picks one.",
  },
  "lint.reference-not-granted": {
    severity: "warning",
    hint: "Add a ReferenceGrant in the target namespace that allows this reference (a fix-it can write it).",
  },
  "lint.route-not-accepted": {
    severity: "error",
    hint: "The route is not attached to this parent and serves no traffic through it; the reason names the check that failed.",
  },
  "lint.parent-ref-no-status": {
    severity: "warning",
    hint: "No controller gwsim models owns this parent, so a cluster may write no status for this parentRef at all: check its name, namespace, kind and GatewayClass.",
  },
  "lint.parent-ref-namespace-defaulted": {
    severity: "warning",
    hint: "A parentRef's namespace defaults to the route's own namespace, not the Gateway's: set parentRefs[].namespace to the Gateway's namespace, and check that its listeners' allowedRoutes admit the route's namespace.",
  },
} as const satisfies Record<string, CatalogEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CATALOG;
