/**
 * What only an input with a diagnostic needs: every code's severity and default hint (the
 * catalog), the "did you mean" of a misspelt value or field, and what a YAML document that is
 * not a Kubernetes object seems to be. An on-demand engine module (modules/engineModules.ts):
 * the default example has no diagnostic and is analysed without it; every caller here raises a
 * diagnostic right after, so the module costs one retry, as the catalog alone would. So do the
 * words of a YAML syntax error, the "belongs under spec" hint of an unknown field, and the byte
 * count of a Secret or ConfigMap whose lengths could pass 1 MiB (nearly always a diagnostic), the
 * words of an object of a kind gwsim does not model (with the search for the kind a typo meant,
 * and the one summary of well-known implementations' kinds),
 * the "did you mean" of a parentRef that names no parent in the input (an edit-distance
 * search: only a route whose parent is missing asks), the words of two references to one
 * parent that the sectionName rule refuses, the cap on long values quoted in wording (only
 * wording being reported is capped), what to say about a policy target that resolves to nothing
 * (or whose sectionName names no section of it, or whose namespace is not the policy's own),
 * the words of an object refused for a "/" in its kind, namespace or name, and what only the
 * mesh parents' pass of a route found (only a route whose backendRef a ReferenceGrant refused for
 * its Gateway parents has one), the words of a file that is not UTF-8 text, which of several
 * reference problems names a listener's or route's ResolvedRefs reason, the located warning of a
 * rule dropped for a regex that is not RE2 (only a route with a dropped rule asks), and the words
 * of an allowedRoutes.kinds entry the listener's protocol cannot carry, and of a parentRef whose
 * parent or a Gateway whose GatewayClass is missing, of a workspace over gwsim's cap, of
 * terminating listeners whose hostnames overlap, of a reference refused where the input holds no
 * ReferenceGrant, and of a Gateway no controller reconciles.
 */
export { DIAGNOSTIC_CATALOG } from "./catalog";
export { suggestValue } from "../validate/suggestValue";
export { describeNotAManifest } from "../load/notAManifest";
export { describeKustomizeFile } from "../load/kustomizeFile";
export { findUnrenderedPlaceholders } from "../load/unrenderedPlaceholders";
export { describeYamlError } from "../load/describeYamlError";
export { hintMisplacedSpecFields } from "../validate/hintMisplacedSpecFields";
export { checkDataSize } from "../validate/checkDataSize";
export {
  gatewayKindTypo,
  builtInKindTypos,
  otherKindDiagnostics,
  fluxTargetNamespace,
} from "../load/unknownKindWords";
export { suggestParent } from "../resolve/suggestParent";
export { sectionNameMissing, sectionNameRepeated } from "../validate/sectionNameWords";
export { capLongWords, capQuoted } from "../print/capValue";
export { describeUnresolvedPolicyTarget } from "../status/unresolvedPolicyTarget";
export { describeMissingPolicySection } from "../policy/missingPolicySection";
export { describeNonLocalPolicyTarget } from "../status/nonLocalPolicyTarget";
export { slashInIdentityMessage } from "../load/slashInIdentityWords";
export { reportMeshView } from "../status/reportMeshView";
export { reportInvalidRegexes } from "../status/reportInvalidRegexes";
export { describeEncoding } from "../load/encodingWords";
export { leadingListenerProblem, leadingRouteProblem } from "../status/leadingProblem";
export { coreGroupSpellingMessage } from "../validate/coreGroupSpellingWords";
export { invalidRouteKindWords } from "../status/invalidRouteKindWords";
export { workspaceDiagnostic } from "../load/workspaceLimitWords";
export { describeOverlap } from "../status/tlsOverlapWords";
export { noGrantAssumed } from "../resolve/noGrantWords";
export { describeClassProblem } from "../status/classProblemWords";
export { missingParentMessage, missingClassMessage } from "../status/missingReferenceWords";
export { unscopedCoreParameters } from "../status/unscopedCoreParameters";
export {
  complexKeyDiagnostic,
  conversionDiagnostic,
  duplicateMessage,
} from "../load/refusedDocumentWords";
export { TEMPLATE } from "../load/templateWords";
export { unknownFieldIssue } from "../validate/unknownFieldWords";
