/**
 * Provides every on-demand engine module at once (engineModules.ts): for the CLI, the tests, the
 * bench and the page's edit engine, which import the engine through engine/index.ts and load
 * all of it anyway. The engine worker does not import this: it loads them when a run needs one.
 */
import * as yaml from "yaml";
import * as drift from "../drift/driftModule";
import * as incremental from "../incremental/reanalyze";
import * as ingress from "../ingress/ingressModule";
import * as backendTls from "../backendtls/backendTlsModule";
import * as policy from "../policy/computeEffectivePolicies";
import * as shadowProof from "../lint/shadowProofModule";
import * as re2 from "../match/re2Module";
import * as kindSchemas from "../validate/kindSchemasModule";
import * as routeFilters from "../validate/routeFiltersModule";
import * as diagnosticWords from "../diagnostics/diagnosticWordsModule";
import * as implementationSupport from "../resolve/implementationSupportModule";
import * as gatewayAddresses from "../status/gatewayAddressesModule";
import * as hostnameOverlaps from "../lint/hostnameOverlapsModule";
import * as jsonStream from "../load/jsonStream";
import { provideEngineModule } from "./engineModules";

provideEngineModule("yaml", yaml);
provideEngineModule("incremental", incremental);
provideEngineModule("drift", drift);
provideEngineModule("ingress", ingress);
provideEngineModule("backendTls", backendTls);
provideEngineModule("policy", policy);
provideEngineModule("shadowProof", shadowProof);
provideEngineModule("re2", re2);
provideEngineModule("kindSchemas", kindSchemas);
provideEngineModule("routeFilters", routeFilters);
provideEngineModule("diagnosticWords", diagnosticWords);
provideEngineModule("implementationSupport", implementationSupport);
provideEngineModule("gatewayAddresses", gatewayAddresses);
provideEngineModule("hostnameOverlaps", hostnameOverlaps);
provideEngineModule("jsonStream", jsonStream);
