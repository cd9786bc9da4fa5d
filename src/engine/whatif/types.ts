/**
 * What-if contract: saved requests and request mixes are compared between two configurations
 * (two analyses). Plain data, so the worker can post every result.
 */
import type { ResourceKey } from "../api/keys";
import type { OutcomeKind, SimRequest } from "../simulate/types";

/** A request the user saved, with a name they chose. */
export interface RequestProbe {
  id: string;
  name: string;
  request: SimRequest;
}

/** One kind of request in a mix and its relative weight (e.g. 80 browse, 15 API, 5 canary). */
export interface MixTemplate {
  name: string;
  request: SimRequest;
  weight: number;
}

export interface RequestMix {
  id: string;
  name: string;
  templates: MixTemplate[];
}

/**
 * Where traffic ends: a backend target ("namespace/name:port"), "none" (a share answered 500 for
 * lack of a valid backend), or "status:<code> <kind>" when no backend is involved (404, redirect…).
 */
export type TrafficBucket = string;

export interface BucketShare {
  bucket: TrafficBucket;
  /** Exact probability in [0, 1]. */
  share: number;
}

/** The deterministic essentials of one request's outcome, for comparing configurations. */
export interface OutcomeSummary {
  kind: OutcomeKind;
  status: number;
  route?: ResourceKey;
  ruleIndex?: number;
  /** "namespace/gateway/listener" that took the request. */
  listener?: string;
  /** Exact shares per bucket, in the rule's backend order; one "status:" bucket when nothing is forwarded. */
  shares: BucketShare[];
  redirect?: string;
  /** What the backend receives after filters, "GET host/path", when the request is forwarded. */
  backendRequest?: string;
  /** One line: "shop-v1 90% · shop-v2 10%", "404 not found", "302 → https://…". */
  text: string;
}

export interface RequestChange {
  id: string;
  name: string;
  /** "GET shop.example.com/api". */
  label: string;
  before: OutcomeSummary;
  after: OutcomeSummary;
  changed: boolean;
  /** "GET shop.example.com/api moves from shop-v1 to shop-v2". */
  sentence: string;
}

/** Exact expected traffic of a mix: per bucket, per rule, and per backendRef of a rule. */
export interface MixTraffic {
  buckets: BucketShare[];
  rules: { route: ResourceKey; ruleIndex: number; share: number }[];
  /** Per backendRef (route, ruleIndex, backendIndex) with the traffic it receives. */
  backendRefs: {
    route: ResourceKey;
    ruleIndex: number;
    backendIndex: number;
    target: string;
    share: number;
  }[];
  /** Per template: where it lands. */
  templates: { name: string; weight: number; outcome: OutcomeSummary }[];
}

export interface MixChange {
  id: string;
  name: string;
  before: MixTraffic;
  after: MixTraffic;
  changed: boolean;
  /** Per bucket whose share differs: "shop-v1 72% → 40%". */
  deltas: { bucket: TrafficBucket; before: number; after: number }[];
  sentence: string;
}

export interface StatusChange {
  object: ResourceKey;
  /** "parentRefs[0] infra/shared Accepted", "listener http attachedRoutes". */
  field: string;
  before: string;
  after: string;
  /** The condition's message on each side (why, in words), when the field is a condition. */
  beforeMessage?: string;
  afterMessage?: string;
  sentence: string;
}

export interface WhatIfReport {
  statusChanges: StatusChange[];
  requests: RequestChange[];
  mixes: MixChange[];
}
