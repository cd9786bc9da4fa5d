/**
 * The edits an inspector form makes, as EditOps for applyEdits: one setField per changed scalar,
 * removeField for a cleared optional one, list items set, appended or removed one at a time. So a
 * form edit is as small as a hand edit: every other line (comments, quoting, key order) stays.
 *
 * They read the current text to know what exists (removing a field that is not there would fail)
 * and to keep a listener coherent when its protocol changes (the CRD's own rules: TLS settings
 * only on HTTPS/TLS listeners, a hostname not on TCP/UDP ones).
 */
import type { FieldPath } from "../types";
import type { EditOp, ObjectSelector } from "./editOps";
import { readField } from "./readField";

/** A field's new value: undefined leaves it alone, null or '' removes it. */
type Change<T> = T | null | undefined;

export interface ListenerPatch {
  port?: number | string;
  protocol?: string;
  hostname?: Change<string>;
  /** tls.mode */
  tlsMode?: Change<string>;
  /** allowedRoutes.namespaces.from */
  allowedRoutesFrom?: Change<string>;
  /** allowedRoutes.kinds, as kind names in the Gateway API group; [] or null removes the restriction. */
  allowedKinds?: Change<readonly string[]>;
}

const TLS_PROTOCOLS: ReadonlySet<string> = new Set(["HTTPS", "TLS"]);
const NO_HOSTNAME_PROTOCOLS: ReadonlySet<string> = new Set(["TCP", "UDP"]);

/** Edits to the listener named `listenerName` of a Gateway or ListenerSet; [] when it is not there. */
export function listenerEdits(
  text: string,
  owner: ObjectSelector,
  listenerName: string,
  patch: ListenerPatch,
): EditOp[] {
  const listeners = readField(text, owner, ["spec", "listeners"]);
  const index = Array.isArray(listeners)
    ? listeners.findIndex((l) => isRecord(l) && l["name"] === listenerName)
    : -1;
  if (index < 0 || !Array.isArray(listeners)) return [];
  const current = listeners[index] as Record<string, unknown>;
  const base: FieldPath = ["spec", "listeners", index];
  const ops = new FieldOps(text, owner);
  if (patch.port !== undefined) ops.set([...base, "port"], asNumber(patch.port));
  if (patch.protocol !== undefined && patch.protocol !== current["protocol"]) {
    ops.set([...base, "protocol"], patch.protocol);
    const tls = isRecord(current["tls"]) ? current["tls"] : undefined;
    if (!TLS_PROTOCOLS.has(patch.protocol)) ops.remove([...base, "tls"]);
    else if (!tls && patch.tlsMode !== "Passthrough") {
      // HTTPS, and TLS in Terminate mode, need a certificate: name one the user can then create.
      ops.set([...base, "tls"], {
        mode: "Terminate",
        certificateRefs: [{ name: `${listenerName}-cert` }],
      });
    }
    if (NO_HOSTNAME_PROTOCOLS.has(patch.protocol) && patch.hostname === undefined)
      ops.remove([...base, "hostname"]);
  }
  if (patch.hostname !== undefined) ops.setOrRemove([...base, "hostname"], patch.hostname);
  if (patch.tlsMode !== undefined) {
    ops.setOrRemove([...base, "tls", "mode"], patch.tlsMode);
    // Passthrough hands the TLS stream on unopened: the CRD forbids certificates on it.
    if (patch.tlsMode === "Passthrough") ops.remove([...base, "tls", "certificateRefs"]);
  }
  if (patch.allowedRoutesFrom !== undefined)
    ops.setOrRemove([...base, "allowedRoutes", "namespaces", "from"], patch.allowedRoutesFrom);
  if (patch.allowedKinds !== undefined) {
    const kinds = patch.allowedKinds ?? [];
    if (kinds.length === 0) ops.remove([...base, "allowedRoutes", "kinds"]);
    else
      ops.setList(
        [...base, "allowedRoutes", "kinds"],
        kinds.map((kind) => ({ kind })),
        (item, want) =>
          isRecord(item) &&
          isRecord(want) &&
          item["kind"] === want["kind"] &&
          (item["group"] ?? "gateway.networking.k8s.io") === "gateway.networking.k8s.io",
      );
  }
  return ops.ops;
}

/** spec.hostnames becomes `hostnames`; an empty list removes the field (the route matches any host). */
export function routeHostnameEdits(
  text: string,
  route: ObjectSelector,
  hostnames: readonly string[],
): EditOp[] {
  const ops = new FieldOps(text, route);
  if (hostnames.length === 0) ops.remove(["spec", "hostnames"]);
  else ops.setList(["spec", "hostnames"], hostnames);
  return ops.ops;
}

export interface HeaderMatchInput {
  type?: string;
  name: string;
  value: string;
}

export interface MatchPatch {
  pathType?: Change<string>;
  pathValue?: Change<string>;
  method?: Change<string>;
  headers?: readonly HeaderMatchInput[];
  /** queryParams, written like headers (type omitted when Exact). */
  queryParams?: readonly HeaderMatchInput[];
}

/**
 * Edits one match of an HTTPRoute rule. A rule without matches (the default, PathPrefix "/") gets
 * its first match written out when `matchIndex` is 0.
 */
export function matchEdits(
  text: string,
  route: ObjectSelector,
  ruleIndex: number,
  matchIndex: number,
  patch: MatchPatch,
): EditOp[] {
  const ops = new FieldOps(text, route);
  const base: FieldPath = ["spec", "rules", ruleIndex, "matches", matchIndex];
  const exists = readField(text, route, base) !== undefined;
  if (!exists) {
    // A new match is written whole, in one op: the path's type and value belong together.
    const match: Record<string, unknown> = {};
    if (patch.pathType || patch.pathValue)
      match["path"] = { type: patch.pathType || "PathPrefix", value: patch.pathValue || "/" };
    if (patch.method) match["method"] = patch.method;
    if (patch.headers && patch.headers.length > 0)
      match["headers"] = patch.headers.map(headerMatch);
    if (patch.queryParams && patch.queryParams.length > 0)
      match["queryParams"] = patch.queryParams.map(headerMatch);
    if (Object.keys(match).length > 0) ops.set(base, match);
    return ops.ops;
  }
  if (patch.pathType !== undefined) ops.setOrRemove([...base, "path", "type"], patch.pathType);
  if (patch.pathValue !== undefined) ops.setOrRemove([...base, "path", "value"], patch.pathValue);
  if (patch.method !== undefined) ops.setOrRemove([...base, "method"], patch.method);
  if (patch.headers !== undefined) {
    if (patch.headers.length === 0) ops.remove([...base, "headers"]);
    else ops.setList([...base, "headers"], patch.headers.map(headerMatch));
  }
  if (patch.queryParams !== undefined) {
    if (patch.queryParams.length === 0) ops.remove([...base, "queryParams"]);
    else ops.setList([...base, "queryParams"], patch.queryParams.map(headerMatch));
  }
  return ops.ops;
}

function headerMatch(h: HeaderMatchInput): Record<string, unknown> {
  return {
    ...(h.type && h.type !== "Exact" ? { type: h.type } : {}),
    name: h.name,
    value: h.value,
  };
}

export interface BackendPatch {
  name?: string;
  port?: Change<number | string>;
  weight?: Change<number | string>;
}

/** Edits one backendRef of a rule: its Service name, port and weight (cleared weight = default 1). */
export function backendEdits(
  text: string,
  route: ObjectSelector,
  ruleIndex: number,
  backendIndex: number,
  patch: BackendPatch,
): EditOp[] {
  const base: FieldPath = ["spec", "rules", ruleIndex, "backendRefs", backendIndex];
  if (readField(text, route, base) === undefined) return [];
  const ops = new FieldOps(text, route);
  if (patch.name !== undefined) ops.set([...base, "name"], patch.name);
  if (patch.port !== undefined) ops.setOrRemove([...base, "port"], asNumber(patch.port));
  if (patch.weight !== undefined) ops.setOrRemove([...base, "weight"], asNumber(patch.weight));
  return ops.ops;
}

/** Collects ops against one object, skipping no-ops: a value set to what it already is, a removal of what is not there. */
class FieldOps {
  readonly ops: EditOp[] = [];
  constructor(
    private readonly text: string,
    private readonly target: ObjectSelector,
  ) {}

  set(path: FieldPath, value: unknown): void {
    const next = value;
    if (sameValue(readField(this.text, this.target, path), next)) return;
    this.ops.push({ op: "setField", target: this.target, path, value: next });
  }

  remove(path: FieldPath): void {
    if (readField(this.text, this.target, path) === undefined) return;
    this.ops.push({ op: "removeField", target: this.target, path });
  }

  setOrRemove(path: FieldPath, value: unknown): void {
    if (value === null || value === "") this.remove(path);
    else if (value !== undefined) this.set(path, value);
  }

  /**
   * Makes the list at `path` equal `items`, item by item: kept items stay byte-identical, changed
   * ones are set in place, extra ones appended, missing ones removed from the end.
   */
  setList(
    path: FieldPath,
    items: readonly unknown[],
    same: (a: unknown, b: unknown) => boolean = sameValue,
  ): void {
    const current = readField(this.text, this.target, path);
    if (!Array.isArray(current)) {
      this.set(path, items);
      return;
    }
    items.forEach((item, i) => {
      if (i < current.length && same(current[i], item)) return;
      this.ops.push({ op: "setField", target: this.target, path: [...path, i], value: item });
    });
    for (let i = current.length - 1; i >= items.length; i--)
      this.ops.push({ op: "removeField", target: this.target, path: [...path, i] });
  }
}

/** A number typed as text: "8080" is written as 8080; anything else reaches validation as typed. */
function asNumber<T>(value: T): T | number {
  if (typeof value === "string" && /^-?\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
