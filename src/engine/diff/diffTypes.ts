/**
 * The contract of `diffRevisions`: what a change from one revision of the manifests (base) to
 * another (head) does to the objects, to the status a controller writes, and to traffic. Plain
 * data: the CLI prints it, JSON serialises it, the worker could post it.
 */
import type { SimRequest } from "../simulate/types";
import type { SourceLocation } from "../types";
import type { OutcomeSummary } from "../whatif/types";

/** An object of one revision and where it is written there. */
export interface DiffObject {
  kind: string;
  /** null for cluster-scoped kinds. */
  namespace: string | null;
  name: string;
  file: string;
  line: number;
}

export interface FieldChange {
  /** Dotted field path: "spec.rules[1].backendRefs[0].weight". */
  path: string;
  /** The value as compact JSON, "(absent)" when the field is not there. */
  before: string;
  after: string;
  /** Where the field (or, when removed, its nearest remaining parent) is in the head revision. */
  at: SourceLocation;
}

export interface ChangedObject extends DiffObject {
  /** Changed leaf fields, in document order; at most MAX_FIELD_CHANGES (fieldsTruncated says so). */
  fields: FieldChange[];
  fieldsTruncated: boolean;
}

export interface StatusDiff {
  kind: string;
  /** null for cluster-scoped kinds. */
  namespace: string | null;
  name: string;
  /** Which part of the status: "Accepted" (the object's own), "listener http attachedRoutes", "parent Gateway infra/shared ResolvedRefs". */
  scope: string;
  /** "True (Accepted)", "2", or "(absent)". */
  before: string;
  after: string;
  /** The condition's message on each side: the reason in words. */
  beforeMessage?: string;
  afterMessage?: string;
  /** Where the object is in the head revision (its first changed line when it changed), when it is there. */
  at?: SourceLocation;
}

/** Where a compared request comes from. */
export type ProbeOrigin =
  { source: "case-file"; file: string } | { source: "derived"; from: string[] };

export interface DiffProbe {
  name: string;
  origin: ProbeOrigin;
  request: SimRequest;
}

export interface RequestDiff {
  probe: DiffProbe;
  /** "GET shop.example.com/api". */
  label: string;
  before: OutcomeSummary;
  after: OutcomeSummary;
  /** One sentence: "90/10 becomes 50/50", "moves from … to …". */
  why: string;
  /** The printed request traces on each side. */
  beforeTrace: string;
  afterTrace: string;
  /** The rule that decides the request in the head revision (or the one that decided it in base, when it is still there). */
  at?: SourceLocation;
}

export interface RevisionDiff {
  objects: { added: DiffObject[]; removed: DiffObject[]; changed: ChangedObject[] };
  status: StatusDiff[];
  requests: RequestDiff[];
  /** How many requests were sent to both revisions: from case files, and derived from the rules. */
  compared: { caseFile: number; derived: number };
}

export type DiffCategory = "objects" | "status" | "traffic";
