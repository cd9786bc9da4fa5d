/**
 * The case-file format of fixtures/conformance/README.md, as plain data. The same format serves
 * upstream's conformance cases and users' own request assertions (`gwsim test`).
 */

import type { WorldMode } from "../resolve/world";
import type { Readings } from "../readings/readings";
import type { BackendBehavior } from "../simulate/types";

/** A status entry: kept as written, because the status matcher reads the fields it knows. */
export interface StatusExpectation {
  kind: string;
  namespace?: string;
  name: string;
  [field: string]: unknown;
}

export interface CaseRequest {
  /** tcp/udp: a raw connection (or datagram) to the Gateway's address on `port`, answered by an echo backend. */
  scheme: "http" | "https" | "tls" | "ws" | "tcp" | "udp";
  /** Required for tls, tcp and udp (no default port). */
  port?: number;
  host?: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  protocol?: string;
  sni?: string;
  clientCertificate?: string;
  grpc?: { service: string; method: string };
}

export interface ExpectedForwardedRequest {
  host?: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  absentHeaders?: string[];
  sni?: string;
  clientCertificate?: string;
}

export interface ExpectedResponse {
  headers?: Record<string, string>;
  headersOneOf?: Record<string, string[]>;
  absentHeaders?: string[];
  ignoreWhitespace?: boolean;
}

export interface ExpectedRedirect {
  scheme?: string;
  host?: string;
  port?: number;
  path?: string;
}

export interface RequestExpect {
  status?: number | number[];
  grpcCode?: string;
  backend?: string;
  backendNamespace?: string;
  /** "ns/svc" → percent; the key "none" is the share answered 500 for lack of a valid backend. */
  backends?: Record<string, number>;
  request?: ExpectedForwardedRequest;
  response?: ExpectedResponse;
  redirect?: ExpectedRedirect;
  mirroredTo?: string[];
  mirrorPercent?: Record<string, number>;
  repeat?: number;
  backendNameInHeader?: string;
  connectionRejected?: boolean;
  requestFails?: boolean;
  clientCertificateRequested?: boolean;
  backendTLS?: boolean;
  websocketEcho?: unknown;
}

/** A mesh (GAMMA) request's client and target: `mesh: {from, service, port}` (parseCaseMesh.ts). */
export interface CaseMeshClient {
  /** The client Pod's namespace. */
  from: string;
  /** "namespace/name" of the Service called (a bare name: in the client's namespace). */
  service: string;
  /** The Service port called. */
  port: number;
}

export interface RequestCase {
  name: string;
  /** "namespace/name" of the Gateway receiving the request; absent for a mesh request. */
  gateway?: string;
  /** Set for a mesh request (no Gateway): who calls which Service on which port. */
  mesh?: CaseMeshClient;
  request: CaseRequest;
  backendResponseHeaders?: Record<string, string>;
  backendBehavior?: BackendBehavior;
  expect: RequestExpect;
}

export interface ObjectId {
  kind: string;
  namespace?: string;
  name: string;
}

export interface CaseStep {
  description: string;
  /** Paths resolved against the case file's folder. */
  apply: string[];
  delete: ObjectId[];
  status: StatusExpectation[];
  requests: RequestCase[];
}

export interface CaseFile {
  /** Path of the case file, as given to the parser. */
  file: string;
  name: string;
  description?: string;
  features: string[];
  skipIfSupported: string[];
  /** Paths resolved against the case file's folder; empty when the caller supplies manifests. */
  manifests: string[];
  status: StatusExpectation[];
  requests: RequestCase[];
  steps: CaseStep[];
  /** The world the case runs in (top-level `world:`); unset means the runner's default (auto). */
  world?: WorldMode;
  /** Non-default readings the case runs under (top-level `readings: {name: value}`). */
  readings?: Readings;
}

export type ExpectationKind = "status" | "request";

export interface ExpectationResult {
  case: string;
  /** 0 for the state after `manifests`, then 1, 2… for each step. */
  step: number;
  kind: ExpectationKind;
  name: string;
  pass: boolean;
  /** Set when a deviation (deviations.ts) excludes the expectation; `pass` is then false. */
  skipped?: string;
  /** Everything that failed, one line each; empty on a pass. */
  message: string;
  expected: unknown;
  got: unknown;
  /** For request expectations: the request as sent, in one line. */
  sent?: string;
  /** The printed request trace, for failed request expectations when the engine can print one. */
  trace?: string;
}
