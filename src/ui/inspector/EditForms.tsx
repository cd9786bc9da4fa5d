/**
 * The inspector's edit forms: what people change most on a listener (port, protocol, hostname, TLS
 * mode, allowedRoutes) and on a route (hostnames, each rule's matches and backends). Every field
 * is validated as you type by the engine (CRD limits and gwsim's checks, store/formEdits); the
 * message shows under the field and nothing is written while it stands. A valid value is written
 * on Enter or when the field loses focus (a select: at once), as one minimal YAML edit.
 */
import { memo, useEffect, useId, useMemo, useState } from "react";
import { flushSync } from "react-dom";
import type { GraphNode, ObjectSelector } from "../../engine";
import { useGwsimStore } from "../../store";
import { readFieldOfText } from "../../store/canvasEdits";
import { checkFormEdit, commitFormEdit, type FormEdit } from "../../store/formEdits";
import { sameFormData, sameFormTarget } from "./formTarget";
import { AddBackendForm, StructureButton } from "./StructureControls";
import { IdleFollower } from "../common/idleFollower";
import { whenIdle } from "../common/whenIdle";

const PROTOCOLS = ["HTTP", "HTTPS", "TLS", "TCP", "UDP"];
const TLS_MODES = ["Terminate", "Passthrough"];
const FROM = ["Same", "All", "Selector", "None"];
const PATH_TYPES = ["PathPrefix", "Exact", "RegularExpression"];
const METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];

function selectorOf(node: GraphNode): ObjectSelector {
  return node.namespace === undefined
    ? { kind: node.kind, name: node.name }
    : { kind: node.kind, namespace: node.namespace, name: node.name };
}

type Row = Record<string, unknown>;
const asRows = (v: unknown): Row[] =>
  Array.isArray(v)
    ? v.filter((x): x is Row => typeof x === "object" && x !== null && !Array.isArray(x))
    : [];
const str = (v: unknown): string =>
  typeof v === "string" || typeof v === "number" ? String(v) : "";
const rec = (v: unknown): Row =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Row) : {};

/**
 * Rendered again only for another object or a new text: each analysis brings a new graph node
 * for the selected object (its status changed), but the forms read only the YAML, so redrawing
 * their ~40 fields when a keystroke's answer arrives would show nothing new.
 *
 * A new text reaches the fields once the page is idle (useTextWhenIdle): a keystroke in the editor
 * first shows the typed character, the squiggles and the graph, and the forms (one parse of the
 * object's document and its fields' DOM, a few milliseconds at 300 documents) follow after the
 * frame that shows them, instead of in a task of their own between the keystroke and the engine's
 * answer (a deferred value's render was queued ahead of the answer and ran first).
 */
export const EditForms = memo(function EditForms({ node }: { node: GraphNode }) {
  // Re-read the fields whenever the text changes (typing in the editor, undo).
  const text = useTextWhenIdle();
  return useMemo(() => <FormsFor node={node} text={text} />, [node, text]);
}, sameFormTarget);

/** How long the forms may trail the text while the page is never idle (a long typing burst). */
const FORMS_MAX_DELAY_MS = 300;
/** Where requestIdleCallback is missing: late enough to come after the frame showing the change. */
const FORMS_FALLBACK_DELAY_MS = 100;

/**
 * The workspace text, changed only when the main thread is idle (one render per burst of typing,
 * of the latest text). Listens to the store outside React, so a keystroke renders nothing here;
 * the idle render is synchronous, done inside the idle period rather than queued as a task.
 */
function useTextWhenIdle(): string {
  const [shown, setShown] = useState(() => useGwsimStore.getState().text);
  const [follower] = useState(
    () =>
      new IdleFollower(
        shown,
        (show) => whenIdle(show, FORMS_MAX_DELAY_MS, FORMS_FALLBACK_DELAY_MS),
        (text: string) => flushSync(() => setShown(text)),
      ),
  );
  useEffect(() => {
    // A change between the first render and this subscription is not missed.
    follower.follow(useGwsimStore.getState().text);
    const unsubscribe = useGwsimStore.subscribe((s, p) => {
      if (s.text !== p.text) follower.follow(s.text);
    });
    return () => {
      unsubscribe();
      follower.dispose();
    };
  }, [follower]);
  return shown;
}

function FormsFor({ node, text }: { node: GraphNode; text: string }) {
  if (node.ghost) return null;
  const d = node.details;
  if (d.category === "gateway" || d.category === "listenerSet")
    return <ListenerForms node={node} text={text} />;
  if (d.category === "route") return <RouteForms node={node} text={text} />;
  return null;
}

function ListenerForms({ node, text }: { node: GraphNode; text: string }) {
  const owner = selectorOf(node);
  const listeners = asRows(readFieldOfText(text, owner, ["spec", "listeners"]));
  if (listeners.length === 0) return null;
  return (
    <section className="insp-section insp-edit" data-testid="inspector-edit-listeners">
      <h3>Edit listeners</h3>
      {listeners.map((l) => (
        <ListenerForm key={str(l["name"])} owner={owner} listener={l} />
      ))}
    </section>
  );
}

/** One listener's fields: rendered again only when its own YAML says something new. */
const ListenerForm = memo(function ListenerForm({
  owner,
  listener: l,
}: {
  owner: ObjectSelector;
  listener: Row;
}) {
  const name = str(l["name"]);
  const edit = (patch: Extract<FormEdit, { type: "listener" }>["patch"]): FormEdit => ({
    type: "listener",
    owner,
    listener: name,
    patch,
  });
  const protocol = str(l["protocol"]);
  const tls = rec(l["tls"]);
  const allowed = rec(l["allowedRoutes"]);
  const kinds = asRows(allowed["kinds"]).map((k) => str(k["kind"]));
  return (
    <fieldset key={name} className="insp-edit-group" data-testid={`edit-listener-${name}`}>
      <legend>{name}</legend>
      <EditField
        label="port"
        value={str(l["port"])}
        inputMode="numeric"
        toEdit={(v) => edit({ port: v })}
        testId={`edit-listener-${name}-port`}
      />
      <EditField
        label="protocol"
        value={protocol}
        options={PROTOCOLS}
        toEdit={(v) => edit({ protocol: v })}
        testId={`edit-listener-${name}-protocol`}
      />
      {protocol !== "TCP" && protocol !== "UDP" ? (
        <EditField
          label="hostname"
          value={str(l["hostname"])}
          placeholder="any host"
          toEdit={(v) => edit({ hostname: v.trim() })}
          testId={`edit-listener-${name}-hostname`}
        />
      ) : null}
      {protocol === "HTTPS" || protocol === "TLS" ? (
        <EditField
          label="TLS mode"
          value={str(tls["mode"])}
          options={TLS_MODES}
          emptyOption="Terminate (default)"
          toEdit={(v) => edit({ tlsMode: v })}
          testId={`edit-listener-${name}-tls-mode`}
        />
      ) : null}
      <EditField
        label="routes from"
        value={str(rec(allowed["namespaces"])["from"])}
        options={FROM}
        emptyOption="Same (default)"
        toEdit={(v) => edit({ allowedRoutesFrom: v })}
        testId={`edit-listener-${name}-from`}
      />
      <EditField
        label="route kinds"
        value={kinds.join(", ")}
        placeholder="by protocol"
        toEdit={(v) => edit({ allowedKinds: splitList(v) })}
        testId={`edit-listener-${name}-kinds`}
      />
    </fieldset>
  );
}, sameFormData);

function RouteForms({ node, text }: { node: GraphNode; text: string }) {
  const route = selectorOf(node);
  // One read (one parse of the route's document per text) for both hostnames and rules.
  const spec = rec(readFieldOfText(text, route, ["spec"]));
  const hostnames = spec["hostnames"];
  const rules = asRows(spec["rules"]);
  const hasHostnames =
    node.kind === "HTTPRoute" || node.kind === "GRPCRoute" || node.kind === "TLSRoute";
  return (
    <section className="insp-section insp-edit" data-testid="inspector-edit-route">
      <h3>Edit route</h3>
      {hasHostnames ? (
        <EditField
          label="hostnames"
          value={(Array.isArray(hostnames) ? hostnames.map(str) : []).join(", ")}
          placeholder="any host"
          toEdit={(v) => ({ type: "hostnames", route, hostnames: splitList(v) })}
          testId="edit-route-hostnames"
        />
      ) : null}
      {rules.map((rule, r) => (
        <RuleForm key={r} route={route} kind={node.kind} ruleIndex={r} rule={rule} />
      ))}
      <StructureButton
        route={route}
        edit={{ action: "addRule" }}
        label="+ rule"
        ariaLabel="Add a rule"
        testId="edit-route-add-rule"
      />
    </section>
  );
}

/** One rule's fields: rendered again only when its own YAML says something new. */
const RuleForm = memo(function RuleForm({
  route,
  kind,
  ruleIndex: r,
  rule,
}: {
  route: ObjectSelector;
  kind: string;
  ruleIndex: number;
  rule: Row;
}) {
  return (
    <fieldset key={r} className="insp-edit-group" data-testid={`edit-rule-${r}`}>
      <legend>rule {r}</legend>
      <div className="insp-structure-bar">
        <StructureButton
          route={route}
          edit={{ action: "removeRule", ruleIndex: r }}
          label="Remove rule"
          ariaLabel={`Remove rule ${r}`}
          variant="remove"
          testId={`edit-rule-${r}-remove`}
        />
      </div>
      {kind === "HTTPRoute" ? (
        <>
          <MatchForms route={route} ruleIndex={r} matches={asRows(rule["matches"])} />
          <StructureButton
            route={route}
            edit={{ action: "addMatch", ruleIndex: r }}
            label="+ match"
            ariaLabel={`Add a match to rule ${r}`}
            testId={`edit-rule-${r}-add-match`}
          />
        </>
      ) : null}
      {asRows(rule["backendRefs"]).map((b, i) => {
        const edit = (patch: Extract<FormEdit, { type: "backend" }>["patch"]): FormEdit => ({
          type: "backend",
          route,
          ruleIndex: r,
          backendIndex: i,
          patch,
        });
        return (
          <div key={i} className="insp-edit-row" data-testid={`edit-rule-${r}-backend-${i}`}>
            <EditField
              label={`backend ${i}`}
              value={str(b["name"])}
              toEdit={(v) => edit({ name: v.trim() })}
              testId={`edit-rule-${r}-backend-${i}-name`}
            />
            <EditField
              label="port"
              value={str(b["port"])}
              inputMode="numeric"
              narrow
              toEdit={(v) => edit({ port: v })}
              testId={`edit-rule-${r}-backend-${i}-port`}
            />
            <EditField
              label="weight"
              value={str(b["weight"])}
              inputMode="numeric"
              narrow
              placeholder="1"
              toEdit={(v) => edit({ weight: v })}
              testId={`edit-rule-${r}-backend-${i}-weight`}
            />
            <StructureButton
              route={route}
              edit={{ action: "removeBackend", ruleIndex: r, backendIndex: i }}
              label="×"
              ariaLabel={`Remove backend ${i} of rule ${r}`}
              variant="remove"
              testId={`edit-rule-${r}-backend-${i}-remove`}
            />
          </div>
        );
      })}
      {asRows(rule["backendRefs"]).length === 0 ? (
        <p className="insp-muted" data-testid={`edit-rule-${r}-no-backends`}>
          No backendRefs: requests this rule matches{" "}
          {kind === "HTTPRoute"
            ? "get HTTP 500"
            : kind === "GRPCRoute"
              ? "get gRPC UNAVAILABLE"
              : "are refused"}
          .
        </p>
      ) : null}
      <AddBackendForm route={route} ruleIndex={r} testId={`edit-rule-${r}-add-backend`} />
    </fieldset>
  );
}, sameFormData);

function MatchForms({
  route,
  ruleIndex,
  matches,
}: {
  route: ObjectSelector;
  ruleIndex: number;
  matches: Row[];
}) {
  // A rule without matches matches PathPrefix "/": shown as such; editing it writes the match out.
  const rows = matches.length > 0 ? matches : [{ path: { type: "PathPrefix", value: "/" } }];
  return (
    <>
      {rows.map((m, i) => {
        const path = rec(m["path"]);
        const headers = asRows(m["headers"]);
        const edit = (patch: Extract<FormEdit, { type: "match" }>["patch"]): FormEdit => ({
          type: "match",
          route,
          ruleIndex,
          matchIndex: i,
          patch,
        });
        const prefix = `edit-rule-${ruleIndex}-match-${i}`;
        const query = asRows(m["queryParams"]);
        return (
          <div key={i} className="insp-edit-match" data-testid={prefix}>
            {matches.length > 0 ? (
              <div className="insp-structure-bar">
                <StructureButton
                  route={route}
                  edit={{ action: "removeMatch", ruleIndex, matchIndex: i }}
                  label="Remove match"
                  ariaLabel={`Remove match ${i} of rule ${ruleIndex}`}
                  variant="remove"
                  testId={`${prefix}-remove`}
                />
              </div>
            ) : null}
            <div className="insp-edit-row">
              <EditField
                label={`match ${i} path`}
                value={str(path["type"]) || "PathPrefix"}
                options={PATH_TYPES}
                toEdit={(v) => edit({ pathType: v, pathValue: str(path["value"]) || "/" })}
                testId={`${prefix}-path-type`}
              />
              <EditField
                label="value"
                value={str(path["value"]) || (path["type"] === undefined ? "/" : "")}
                toEdit={(v) => edit({ pathValue: v, pathType: str(path["type"]) || "PathPrefix" })}
                testId={`${prefix}-path-value`}
              />
            </div>
            <div className="insp-edit-row">
              <EditField
                label="method"
                value={str(m["method"])}
                options={METHODS}
                emptyOption="any"
                toEdit={(v) => edit({ method: v })}
                testId={`${prefix}-method`}
              />
              <EditField
                label="headers"
                value={headers.map((h) => `${str(h["name"])}: ${str(h["value"])}`).join("; ")}
                placeholder="name: value; …"
                toEdit={(v) => edit({ headers: parseHeaders(v, headers) })}
                testId={`${prefix}-headers`}
              />
            </div>
            <EditField
              label="query params"
              value={query.map((q) => `${str(q["name"])}=${str(q["value"])}`).join("; ")}
              placeholder="name=value; …"
              toEdit={(v) => edit({ queryParams: parseQuery(v, query) })}
              testId={`${prefix}-query`}
            />
          </div>
        );
      })}
    </>
  );
}

/** "a, b c" → ["a", "b", "c"]. */
function splitList(v: string): string[] {
  return v.split(/[\s,]+/).filter((x) => x !== "");
}

/** "x-canary: true; x-env: prod" → header matches; an existing header keeps its match type. */
function parseHeaders(
  v: string,
  existing: Row[],
): { type?: string; name: string; value: string }[] {
  return v
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const colon = part.indexOf(":");
      const name = (colon < 0 ? part : part.slice(0, colon)).trim();
      const value = colon < 0 ? "" : part.slice(colon + 1).trim();
      const type = str(existing.find((h) => h["name"] === name)?.["type"]);
      return { ...(type ? { type } : {}), name, value };
    });
}

/** "version=2; debug=on" → query param matches; an existing one keeps its match type. */
function parseQuery(v: string, existing: Row[]): { type?: string; name: string; value: string }[] {
  return v
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const eq = part.indexOf("=");
      const name = (eq < 0 ? part : part.slice(0, eq)).trim();
      const value = eq < 0 ? "" : part.slice(eq + 1).trim();
      const type = str(existing.find((q) => q["name"] === name)?.["type"]);
      return { ...(type ? { type } : {}), name, value };
    });
}

interface EditFieldProps {
  label: string;
  value: string;
  toEdit: (draft: string) => FormEdit;
  testId: string;
  options?: readonly string[];
  /** For selects: the option that means "not set" (removes the field). */
  emptyOption?: string;
  placeholder?: string;
  inputMode?: "numeric";
  narrow?: boolean;
}

/** One field: keyed by its current value, so an edit elsewhere (the YAML, undo) resets the draft. */
function EditField(props: EditFieldProps) {
  return <EditFieldInner key={props.value} {...props} />;
}

function EditFieldInner({
  label,
  value,
  toEdit,
  testId,
  options,
  emptyOption,
  placeholder,
  inputMode,
  narrow,
}: EditFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | undefined>(undefined);
  const check = (next: string) =>
    setError(next === value ? undefined : checkFormEdit(toEdit(next)).errors[0]);
  const commit = (next: string) => {
    if (next === value) return;
    setError(commitFormEdit(toEdit(next)).errors[0]);
  };
  const errorId = `${id}-error`;
  const common = {
    id,
    "data-testid": testId,
    "aria-invalid": error !== undefined,
    ...(error !== undefined ? { "aria-describedby": errorId } : {}),
  };
  return (
    <div className={`insp-edit-field${narrow ? " insp-edit-field--narrow" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select
          {...common}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            commit(e.target.value);
          }}
        >
          {emptyOption !== undefined || !options.includes(draft) ? (
            <option value="">{emptyOption ?? "—"}</option>
          ) : null}
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          value={draft}
          spellCheck={false}
          autoComplete="off"
          {...(placeholder ? { placeholder } : {})}
          {...(inputMode ? { inputMode } : {})}
          onChange={(e) => {
            setDraft(e.target.value);
            check(e.target.value);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit(draft);
            if (e.key === "Escape") {
              setDraft(value);
              setError(undefined);
            }
          }}
          onBlur={() => {
            if (error === undefined) commit(draft);
          }}
        />
      )}
      {error !== undefined ? (
        <div className="insp-error" id={errorId} role="alert" data-testid={`${testId}-error`}>
          {error}
        </div>
      ) : null}
    </div>
  );
}
