/**
 * Libraries the engine needs only for some inputs, loaded on demand where that matters (the
 * engine worker's first JavaScript), statically everywhere else.
 *
 * The engine stays synchronous: a stage that needs a module which is not loaded yet throws
 * ModuleNeededError from `needEngineModule`. The caller that runs the engine asynchronously (the
 * worker, withEngineModules below) catches it, loads the module, and runs the whole call again:
 * the retry computes everything afresh from its inputs, so its result is the one a run with every
 * module loaded gives. Nothing in the engine may swallow this error (the loader's per-document
 * catch rethrows it: rethrowIfModuleNeeded).
 *
 * On demand today:
 * - `yaml`: quickParse reads nearly every manifest without it (plain scalars resolved by
 *   coreScalar.ts); the library parses a document quickParse gives up on and builds a document's
 *   nodes when a diagnostic needs a located field.
 * - the incremental pass (a session's first analysis has no previous revision), with the loader's
 *   reload of a file around its edit (load/reloadFile.ts), status drift
 *   (only for objects carrying a controller's status), the Ingress reader and validation (only for
 *   Ingresses and IngressClasses), BackendTLSPolicy's status and rules (only for such policies)
 *   and the effective policies (only for a policy attached to an object in the input).
 * - lint's shadow proofs (lint/shadowProofModule.ts): only a route rule that another one ranked
 *   above it may shadow needs them.
 * - RE2 (match/re2Module.ts): only RegularExpression matches and nginx regexes need it; the CRDs'
 *   `pattern`s run on match/linearPattern.ts.
 * - the validator's CRD schemas of the kinds other than GatewayClass, Gateway and HTTPRoute
 *   (validate/kindSchemasModule.ts): only objects of those kinds are validated against them.
 * - the CEL rules on route filters (validate/routeFiltersModule.ts): only for a route with one.
 * - the diagnostic catalog, value suggestions and not-an-object words
 *   (diagnostics/diagnosticWordsModule.ts): only an input with a diagnostic needs them.
 * - the implementation-support table (resolve/implementationSupportModule.ts): only a backendRef
 *   kind other than core Service or a listener protocol outside the standard ones needs it, and
 *   the well-known GatewayClasses only a Gateway whose class the input lacks.
 * - the checks of a Gateway's requested addresses (status/gatewayAddressesModule.ts): only a
 *   Gateway with `spec.addresses` entries needs them.
 * - lint's hostname overlaps across Gateways (lint/hostnameOverlapsModule.ts): only a workspace
 *   with two reconciled Gateways or more needs them.
 * - the JSON stream splitter (load/jsonStream.ts): only a text whose document opens with `{`.
 * So the default example's first analysis in the worker loads none of them; a text that needs any
 * costs one retry, once per session (withEngineModules then loads those it likely needs too). The
 * CLI, the tests, the bench and the page's edit engine provide them all statically
 * (staticEngineModules.ts, imported by engine/index.ts).
 */
import type * as Yaml from "yaml";
import type * as Incremental from "../incremental/reanalyze";
import type * as Drift from "../drift/driftModule";
import type * as Ingress from "../ingress/ingressModule";
import type * as BackendTls from "../backendtls/backendTlsModule";
import type * as Policy from "../policy/computeEffectivePolicies";
import type * as ShadowProof from "../lint/shadowProofModule";
import type * as Re2 from "../match/re2Module";
import type * as KindSchemas from "../validate/kindSchemasModule";
import type * as RouteFilters from "../validate/routeFiltersModule";
import type * as DiagnosticWords from "../diagnostics/diagnosticWordsModule";
import type * as ImplementationSupport from "../resolve/implementationSupportModule";
import type * as GatewayAddresses from "../status/gatewayAddressesModule";
import type * as HostnameOverlaps from "../lint/hostnameOverlapsModule";
import type * as JsonStream from "../load/jsonStream";

export interface EngineModules {
  yaml: typeof Yaml;
  /** The incremental pass: a session's first analysis has no previous revision to start from. */
  incremental: typeof Incremental;
  /** Status drift: only objects that carry a controller's status have any. */
  drift: typeof Drift;
  /** The Ingress reader (graph nodes and edges of Ingresses) and Ingress validation. */
  ingress: typeof Ingress;
  /** BackendTLSPolicy's status and CEL rules: only a workspace with such a policy runs them. */
  backendTls: typeof BackendTls;
  /** Effective policies per object: only a workspace with a policy that found its target. */
  policy: typeof Policy;
  /** Lint's shadow proofs: only a rule that another one may shadow needs them. */
  shadowProof: typeof ShadowProof;
  /**
   * RE2 (re2js): users' RegularExpression matches, nginx's regexes, and a CRD `pattern` outside
   * the syntax linearPattern.ts runs (none of the vendored CRDs has one).
   */
  re2: typeof Re2;
  /**
   * The validator's CRD schemas of kinds other than GatewayClass, Gateway and HTTPRoute: only a
   * workspace with such an object reads them.
   */
  kindSchemas: typeof KindSchemas;
  /** The CEL rules on route filters: only a route rule or backendRef with filters runs them. */
  routeFilters: typeof RouteFilters;
  /**
   * Every diagnostic code's severity and default hint (the catalog), value suggestions and the
   * words for a document that is not an object: only an input with a diagnostic reads them.
   */
  diagnosticWords: typeof DiagnosticWords;
  /**
   * The implementation-support table and its verdicts: only a backendRef of a kind other than
   * core Service, a listener protocol outside the standard ones, or a missing policy target of
   * another API group reads it.
   */
  implementationSupport: typeof ImplementationSupport;
  /**
   * The CRD's rules on a Gateway's `spec.addresses` values and the assumption about an
   * implementation-specific address type: only a Gateway that requests an address reads them.
   */
  gatewayAddresses: typeof GatewayAddresses;
  /**
   * The lint rule on hostnames that listeners of different Gateways both claim: only a workspace
   * with two reconciled Gateways or more runs it.
   */
  hostnameOverlaps: typeof HostnameOverlaps;
  /** The splitter of a stream of JSON objects into documents: only a text opening with `{`. */
  jsonStream: typeof JsonStream;
}

export type EngineModuleName = keyof EngineModules;

const LOADERS: { [K in EngineModuleName]: () => Promise<EngineModules[K]> } = {
  yaml: () => import("yaml"),
  incremental: () => import("../incremental/reanalyze"),
  drift: () => import("../drift/driftModule"),
  ingress: () => import("../ingress/ingressModule"),
  backendTls: () => import("../backendtls/backendTlsModule"),
  policy: () => import("../policy/computeEffectivePolicies"),
  shadowProof: () => import("../lint/shadowProofModule"),
  re2: () => import("../match/re2Module"),
  kindSchemas: () => import("../validate/kindSchemasModule"),
  routeFilters: () => import("../validate/routeFiltersModule"),
  diagnosticWords: () => import("../diagnostics/diagnosticWordsModule"),
  implementationSupport: () => import("../resolve/implementationSupportModule"),
  gatewayAddresses: () => import("../status/gatewayAddressesModule"),
  hostnameOverlaps: () => import("../lint/hostnameOverlapsModule"),
  jsonStream: () => import("../load/jsonStream"),
};

/** Every on-demand module, in the order a preload fetches them. */
export const ENGINE_MODULE_NAMES = Object.keys(LOADERS) as readonly EngineModuleName[];

let loaded: Partial<EngineModules> = emptyEngineModuleRegistry();

/** A registry with no module loaded: what the worker starts with. */
export function emptyEngineModuleRegistry(): Partial<EngineModules> {
  return Object.create(null) as Partial<EngineModules>;
}

/**
 * Puts `registry` in place of the registry of loaded modules and returns the one it replaced.
 * For the incremental fuzzer (fuzz/incrementalDiff.ts), which runs a session that loads its
 * modules late next to sessions that have them all, in one process: it swaps the late session's
 * registry in around each of its calls and back afterwards. Nothing in the app calls this.
 */
export function swapEngineModuleRegistry(registry: Partial<EngineModules>): Partial<EngineModules> {
  const previous = loaded;
  loaded = registry;
  return previous;
}

/** Thrown by needEngineModule for a module not loaded yet; never a result, always retried. */
export class ModuleNeededError extends Error {
  constructor(readonly module: EngineModuleName) {
    super(`the engine needs the module "${module}", which is not loaded yet`);
    this.name = "ModuleNeededError";
  }
}

export function isModuleNeeded(error: unknown): error is ModuleNeededError {
  return error instanceof ModuleNeededError;
}

/** For a catch-all in the engine: lets ModuleNeededError through to the caller that retries. */
export function rethrowIfModuleNeeded(error: unknown): void {
  if (isModuleNeeded(error)) throw error;
}

export function provideEngineModule<K extends EngineModuleName>(
  name: K,
  module: EngineModules[K],
): void {
  loaded[name] = module;
}

export function needEngineModule<K extends EngineModuleName>(name: K): EngineModules[K] {
  const module = loaded[name];
  if (module === undefined) throw new ModuleNeededError(name);
  return module;
}

export function isEngineModuleLoaded(name: EngineModuleName): boolean {
  return loaded[name] !== undefined;
}

/** Loads a module (a dynamic import: its own chunk in a build) and provides it. */
export async function loadEngineModule(name: EngineModuleName): Promise<void> {
  if (loaded[name] !== undefined) return;
  provideEngineModule(name, await LOADERS[name]());
}

/** Loads every on-demand module not loaded yet, all at once (their fetches overlap). */
export async function loadAllEngineModules(): Promise<void> {
  await Promise.all(ENGINE_MODULE_NAMES.map(loadEngineModule));
}

/**
 * Loaded with any first miss: a workspace that needs a module is not the default example, and
 * nearly always has a diagnostic, which needs its catalog entry and, to be located, its
 * document's nodes.
 */
const WITH_ANY_MISS: readonly EngineModuleName[] = ["diagnosticWords", "yaml"];

/**
 * Words whose presence in a workspace's text says its analysis likely needs the module. A word
 * present for nothing costs a fetch; a module needed without its word costs a second rerun.
 */
const TEXT_HINTS: { readonly [K in EngineModuleName]?: readonly string[] } = {
  drift: ["status:"],
  ingress: ["Ingress"],
  backendTls: ["BackendTLSPolicy"],
  policy: ["targetRef"],
  // Users' regexes, and nginx's regex paths in Ingresses.
  re2: ["RegularExpression", "Ingress"],
  // A rule ranked above another covers it mostly through regexes, headers, query or method.
  shadowProof: ["RegularExpression", "headers:", "queryParams:", "method:"],
  kindSchemas: [
    "BackendTLSPolicy",
    "GRPCRoute",
    "ListenerSet",
    "ReferenceGrant",
    "TCPRoute",
    "TLSRoute",
    "UDPRoute",
  ],
  routeFilters: ["filters:"],
  // The table's backend kinds and protocols.
  implementationSupport: [
    "InferencePool",
    "ServiceImport",
    "kind: Backend",
    "kind: Hostname",
    "TraefikService",
    "HBONE",
  ],
  gatewayAddresses: ["addresses:"],
  // Needed from two Gateways on: a second `kind: Gateway` is not a substring test, so any.
  hostnameOverlaps: ["kind: Gateway"],
};

/**
 * What to load on a run's first miss: the module it missed, those any miss implies, and those the
 * texts hint at. A substring search per hint, linear in the text.
 */
export function likelyEngineModules(
  missed: EngineModuleName,
  texts: readonly string[],
): EngineModuleName[] {
  const out = new Set<EngineModuleName>([missed, ...WITH_ANY_MISS]);
  for (const name of ENGINE_MODULE_NAMES) {
    const hints = TEXT_HINTS[name];
    if (hints === undefined || out.has(name)) continue;
    if (hints.some((hint) => texts.some((text) => text.includes(hint)))) out.add(name);
  }
  return [...out];
}

/**
 * Runs `run`; when it turns out to need a module that is not loaded, loads in one batch that
 * module and those the workspace likely needs too (likelyEngineModules of `texts()`, the
 * workspace's texts), and runs it once more. A run stops at the first module it misses, so
 * loading only that one would cost a rerun per missing module, each a whole analysis (a
 * workspace with an Ingress and a misspelt field was analysed five times). Not all of them: in
 * Chromium, importing every module took about 300 ms against about 45 for one. If the rerun
 * misses one the texts did not hint at, every module is loaded for a last run. A module that is
 * still needed after loading is a bug, not a reason to loop: that error goes to the caller.
 */
export async function withEngineModules<T>(
  run: () => T | Promise<T>,
  texts: () => readonly string[] = () => [],
): Promise<T> {
  let missed: EngineModuleName;
  try {
    return await run();
  } catch (error) {
    if (!isModuleNeeded(error) || isEngineModuleLoaded(error.module)) throw error;
    missed = error.module;
  }
  await Promise.all(likelyEngineModules(missed, texts()).map(loadEngineModule));
  try {
    return await run();
  } catch (error) {
    if (!isModuleNeeded(error) || isEngineModuleLoaded(error.module)) throw error;
  }
  await loadAllEngineModules();
  return run();
}
