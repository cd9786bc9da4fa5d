/**
 * The real-manifest corpus check behind `npm run corpus`: every file of fixtures/corpus analysed
 * ALONE (a user pastes one file from a GitOps repo), counting the Gateways a controller would
 * serve (Accepted and Programmed) and the route → Gateway (or ListenerSet) parents it would
 * accept, and keeping
 * the reason of every miss and every error diagnostic, so false errors can be told from true
 * ones by reading the list.
 */
import { analyze, parseResourceKey, displayName } from "../../src/engine";
import type { Analysis, Condition, GatewayStatus, SourceFile, WorldMode } from "../../src/engine";

/** How much of the cluster the input stands for (AnalyzeOptions.world). */
export type CorpusWorld = WorldMode;

export interface GatewayOutcome {
  gateway: string;
  served: boolean;
  /** Why not served: the first condition that is not True, then every listener that is not ready. */
  reasons: string[];
  /** The first of those as `Type=Reason` ("" when served, "NoStatus" when nothing reconciles it). */
  reasonCode: string;
}

export interface ParentOutcome {
  route: string;
  parentRefIndex: number;
  gateway: string;
  /** The parent (Gateway or ListenerSet) is in the same file: gwsim can judge the attachment. */
  parentInFile: boolean;
  /** The parent is not in the file and the world assumes it: the status is unknown, not a rejection. */
  unknown: boolean;
  accepted: boolean;
  reason: string;
  /** The route reason ("" when accepted, "Unknown" for an assumed parent, "NoStatus" for none). */
  reasonCode: string;
}

/** A diagnostic of severity error or warning. */
export interface ErrorOutcome {
  code: string;
  line: number;
  message: string;
}

export interface CorpusFileResult {
  file: string;
  gateways: GatewayOutcome[];
  parents: ParentOutcome[];
  errors: ErrorOutcome[];
  warnings: ErrorOutcome[];
}

export interface CorpusTotals {
  files: number;
  gateways: number;
  served: number;
  /** Every route → Gateway or ListenerSet parentRef. */
  parents: number;
  /** Those whose parent is in the same file, and of them the accepted ones: the headline figure. */
  parentsInFile: number;
  acceptedInFile: number;
  /** Parents not in the file whose status the world leaves unknown. */
  unknown: number;
  errors: number;
}

const GATEWAY_GROUP = "gateway.networking.k8s.io";
/** North-south parents: a ListenerSet's listeners are its Gateway's. */
const GATEWAY_PARENT_KINDS: ReadonlySet<string> = new Set(["Gateway", "ListenerSet"]);

export function analyzeCorpusFile(source: SourceFile, world: CorpusWorld): CorpusFileResult {
  return corpusFileResult(source, analyze([source], { world }));
}

/** The outcomes of one file's analysis (already run, e.g. by a test that also checks it). */
export function corpusFileResult(source: SourceFile, analysis: Analysis): CorpusFileResult {
  const gateways: GatewayOutcome[] = [];
  for (const object of analysis.objects) {
    if (object.kind !== "Gateway" || object.apiVersion.split("/")[0] !== GATEWAY_GROUP) continue;
    const status = analysis.status[object.key] as GatewayStatus | undefined;
    gateways.push(gatewayOutcome(displayName(object), status));
  }
  const parents: ParentOutcome[] = [];
  for (const e of analysis.explain) {
    if (
      !GATEWAY_PARENT_KINDS.has(e.parentRef.kind ?? "Gateway") ||
      (e.parentRef.group ?? GATEWAY_GROUP) !== GATEWAY_GROUP
    )
      continue;
    const route = parseResourceKey(e.route);
    const kind = e.parentRef.kind ?? "Gateway";
    const gateway = `${kind === "Gateway" ? "" : `${kind} `}${e.parentRef.namespace ?? route.namespace ?? ""}/${e.parentRef.name}`;
    const reason = e.accepted
      ? ""
      : e.noStatusReason
        ? `no status: ${e.noStatusReason}`
        : `${e.reason}: ${e.message}`;
    parents.push({
      route: `${route.kind} ${displayName(route)}`,
      parentRefIndex: e.parentRefIndex,
      gateway,
      parentInFile: e.parent !== undefined,
      unknown: e.unknownParent === true,
      accepted: e.accepted,
      reason,
      reasonCode: e.accepted
        ? ""
        : e.unknownParent === true
          ? "Unknown"
          : e.noStatusReason !== undefined
            ? "NoStatus"
            : e.reason,
    });
  }
  const outcome = (severity: string) =>
    analysis.diagnostics
      .filter((d) => d.severity === severity)
      .map((d) => ({ code: d.code, line: d.line, message: d.message }));
  return {
    file: source.name,
    gateways,
    parents,
    errors: outcome("error"),
    warnings: outcome("warning"),
  };
}

function gatewayOutcome(gateway: string, status: GatewayStatus | undefined): GatewayOutcome {
  if (!status)
    return {
      gateway,
      served: false,
      reasons: ["no status (no controller reconciles it)"],
      reasonCode: "NoStatus",
    };
  const reasons: string[] = [];
  let reasonCode = "";
  for (const type of ["Accepted", "Programmed"]) {
    const c = status.conditions.find((x) => x.type === type);
    if (!c) reasons.push(`${type} missing`);
    else if (c.status !== "True") reasons.push(describe(c));
    if (reasonCode === "" && c?.status !== "True") reasonCode = `${type}=${c?.reason ?? "missing"}`;
  }
  const served = reasons.length === 0;
  for (const l of status.listeners) {
    const bad = l.conditions.filter((c) =>
      c.type === "Conflicted"
        ? c.status === "True"
        : c.status !== "True" && c.type !== "OverlappingTLSConfig",
    );
    if (bad.length > 0) reasons.push(`listener ${l.name}: ${bad.map(describe).join("; ")}`);
  }
  return { gateway, served, reasons, reasonCode };
}

function describe(c: Condition): string {
  return `${c.type}=${c.status} ${c.reason}: ${c.message}`;
}

export function totalCorpus(results: readonly CorpusFileResult[]): CorpusTotals {
  const t: CorpusTotals = {
    files: results.length,
    gateways: 0,
    served: 0,
    parents: 0,
    parentsInFile: 0,
    acceptedInFile: 0,
    unknown: 0,
    errors: 0,
  };
  for (const r of results) {
    t.gateways += r.gateways.length;
    t.served += r.gateways.filter((g) => g.served).length;
    t.parents += r.parents.length;
    t.parentsInFile += r.parents.filter((p) => p.parentInFile).length;
    t.acceptedInFile += r.parents.filter((p) => p.parentInFile && p.accepted).length;
    t.unknown += r.parents.filter((p) => p.unknown).length;
    t.errors += r.errors.length;
  }
  return t;
}
