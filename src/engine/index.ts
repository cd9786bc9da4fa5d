/**
 * The engine's only public door. Every layer above (worker, store, UI, CLI) imports from here.
 */
export { analyze, analyzeRevision, drawnAnalysis } from "./analyze";
export type { AnalyzedRevision } from "./analyze";
export { createParseCache } from "./load/parseCache";
export type { ParseCache } from "./load/parseCache";
export { DEFAULT_LOAD_LIMITS } from "./load/loadLimits";
export type { Analysis, RevisionAnalysis } from "./analysisTypes";
export type { RevisionGraph } from "./graph/edgeChunks";
export {
  WORLD_MODES,
  DEFAULT_WORLD_MODE,
  WORLD_MODE_DESCRIPTIONS,
  isWorldMode,
} from "./resolve/world";
export type { WorldMode, AssumedObject } from "./resolve/world";
export * from "./types";
export { resourceKey, parseResourceKey, displayName } from "./api/keys";
export * from "./api/conditions";
export * from "./api/kinds";
export type * from "./api/spec";
export type { DiagnosticCode } from "./diagnostics/catalog";
export type * from "./graph/types";
export * from "./conformance";
// Routing and simulation. The Router is an in-process compiled object (regexes, hash maps): build
// it where you simulate; it never crosses the worker boundary. Everything else here is plain data.
export { compileRouteTable } from "./routing/compileRouteTable";
export { compileRouter } from "./routing/compileRouter";
export type { RouterInput } from "./routing/compileRouter";
export type { Router } from "./routing/router";
export type * from "./routing/types";
export type { TieBreak, TieBreakStep } from "./routing/precedence";
export { traceRequest } from "./simulate/traceRequest";
export { selectRequestGateway } from "./simulate/selectRequestGateway";
export type { RequestGatewayChoice } from "./simulate/selectRequestGateway";
export type { TraceOptions } from "./simulate/traceRequest";
export { routeRequest } from "./simulate/routeRequest";
export { parseMeshTarget } from "./simulate/traceMeshRequest";
export type * from "./mesh/meshTypes";
export type { RouteResult, RouteOptions } from "./simulate/routeRequest";
export { splitTraffic } from "./simulate/splitTraffic";
export type { TrafficSplit } from "./simulate/splitTraffic";
export type * from "./simulate/types";
export type * from "./simulate/traceTypes";
export { printRouteTable } from "./print/printRouteTable";
export { printTrace } from "./print/printTrace";
export { printStatus, type PrintableObject } from "./print/printStatus";
export { printStatusSummary, printConditions } from "./print/printStatusSummary";
export { printIsolationLens } from "./print/printIsolationLens";
export { printTrafficSplit } from "./print/printTrafficSplit";
export { applyEdits } from "./edit/applyEdits";
export { readField } from "./edit/readField";
export { listenerEdits, routeHostnameEdits, matchEdits, backendEdits } from "./edit/formEdits";
export type { ListenerPatch, MatchPatch, HeaderMatchInput, BackendPatch } from "./edit/formEdits";
export { routeStructureEdits } from "./edit/structureEdits";
export type { NewBackend, StructureEdit, StructurePlan } from "./edit/structureEdits";
export { checkEdit } from "./edit/checkEdit";
export type { CheckedEdit } from "./edit/checkEdit";
export type * from "./edit/editOps";
export {
  printDiagnostics,
  printDiagnostic,
  printDiagnosticTotals,
  countBySeverity,
} from "./print/printDiagnostics";
export { escapeTerminal, escapeTerminalOutput } from "./print/escapeTerminal";
// CRD-derived JSON Schemas (Apache-2.0 © The Kubernetes Authors), e.g. for monaco-yaml.
export { getCrdJsonSchema, CRD_SCHEMAS } from "./validate/crdSchemas";
export { getEditorJsonSchema, EDITOR_CRD_SCHEMAS } from "./validate/editorSchemas";
export type { CrdSchema, CrdSchemaVersion, JsonSchema } from "./validate/crdSchemas";
// What-if: requests derived from rules, request mixes, and comparing two configurations.
export { requestForRule, requestForListener, WILDCARD_LABEL } from "./whatif/requestForRule";
export type { RuleRequest, RuleRequestInput } from "./whatif/requestForRule";
export { compareWhatIf, compareRequest, compareMix } from "./whatif/compareWhatIf";
export type { WhatIfSide, WhatIfProbes } from "./whatif/compareWhatIf";
export { compareStatus } from "./whatif/compareStatus";
export { computeMixTraffic } from "./whatif/computeMixTraffic";
export { createMixSampler } from "./whatif/createMixSampler";
export type { MixSampler, MixTally } from "./whatif/createMixSampler";
export { summarizeOutcome, outcomeShares, statusBucket } from "./whatif/summarizeOutcome";
export { describeRequest } from "./whatif/describeRequest";
export { describeBucket } from "./whatif/describeBucket";
// The runtime entry the UI may import (keys, shares, slugs, kind tables); also part of the engine's API.
export {
  displayKey,
  keyOfRef,
  kindOfKey,
  namespaceOfKey,
  objectLabel,
  renamedKey,
  slug,
  listProblems,
  describeRouteParentProblem,
} from "./present";
export type { Problem, ProblemKind } from "./present";
export { formatShare, type FormatShareOptions } from "./present/formatShare";
export type * from "./whatif/types";
export { computeRolloutWeights } from "./whatif/computeRolloutWeights";
export { requestMissingRule } from "./whatif/requestMissingRule";
export type { MissRequest } from "./whatif/requestMissingRule";
// Revisions compared for review and CI (`gwsim diff`): objects, status and traffic.
export { diffRevisions, changedCategories } from "./diff/diffRevisions";
export type { DiffOptions } from "./diff/diffRevisions";
export { printDiffText, printDiffMarkdown, diffToJson, summarizeDiff } from "./diff/printDiff";
export { printDiffGithub } from "./diff/printDiffGithub";
export { probesFromCaseFile } from "./diff/probesFromCaseFile";
export type * from "./diff/diffTypes";
// Readings: named alternatives where the spec is unsettled (AnalyzeOptions.readings, --reading).
export { READINGS, parseReadings, readingValue } from "./readings/readings";
export type { ReadingName, Readings, ReadingSpec } from "./readings/readings";
// The health Argo CD and Flux would show for each Gateway API object, from gwsim's status.
export { predictHealth } from "./health/predictHealth";
export type { GitOpsTool, HealthStatus, HealthPrediction } from "./health/predictHealth";
export { printHealthTable } from "./health/printHealth";
export { buildRequestCaseFile } from "./whatif/buildRequestCaseFile";
export type { ObservedRequest, RequestCaseFile } from "./whatif/buildRequestCaseFile";
// Lint findings (analyze().lint; those not restating status also in .diagnostics), fix-its with
// their diff preview, and the isolation lens (both from analyzeRevision()).
export type { LintFinding } from "./lint/lintTypes";
export { computeFixIts } from "./fixits/computeFixIts";
export { previewFixIt } from "./fixits/previewFixIt";
export type { FixItPreview } from "./fixits/previewFixIt";
export { printUnifiedDiff } from "./fixits/printUnifiedDiff";
export type { FixIt, FixItKind } from "./fixits/fixItTypes";
export { computeIsolationLens } from "./isolation/computeIsolationLens";
export type * from "./isolation/isolationTypes";
export { printGithubAnnotations } from "./lint/printGithubAnnotations";
export { printJUnitReport } from "./lint/printJUnitReport";
export type * from "./policy/policyTypes";
export type * from "./drift/driftTypes";

// ingress-nginx → Gateway API migration (engine/ingress)
export { readIngresses } from "./ingress/readIngresses";
export { buildNginxConfig } from "./ingress/buildNginxConfig";
export type { NginxConfig, NginxLocation, NginxServer } from "./ingress/buildNginxConfig";
export { routeIngressRequest } from "./ingress/routeIngressRequest";
export type { IngressRequest, IngressTrace, IngressOutcome } from "./ingress/routeIngressRequest";
export { convertIngresses } from "./ingress/convertIngresses";
export type { Conversion, MigrationFinding } from "./ingress/convertIngresses";
export { printConversion } from "./ingress/printConversion";
export { printIngressTrace } from "./ingress/printIngressTrace";
export { compareMigration, GATEWAY_API_FILE } from "./ingress/compareMigration";
export type {
  MigrationReport,
  MigrationDifference,
  MigrationRequest,
  SideResult,
  CompareOptions,
} from "./ingress/compareMigration";
export { printMigrationReport } from "./ingress/printMigrationReport";
export { losesConvertedObject } from "./ingress/duplicateIngressFindings";
export type * from "./ingress/ingressTypes";
export { buildMigratedWorkspace } from "./ingress/buildMigratedWorkspace";
// The CLI, the bench and the page's edit engine import the engine here, and with it every module the
// engine worker loads on demand (modules/engineModules.ts).
import "./modules/staticEngineModules";
