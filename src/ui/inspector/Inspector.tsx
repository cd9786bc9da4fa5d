/**
 * The selected object: what it is, the status the engine computed for it, and (for routes) the
 * route × listener checks behind that status. Rename is the one edit made here.
 */
import "./inspector.css";
import { useEffect, useState } from "react";
import type { GraphNode } from "../../engine";
import { renamedKey } from "../../engine/present";
import { useGwsimStore } from "../../store";
import { inspectorModelFor, type InspectorModel } from "../../store/canvasSelectors";
import { selectAnalysis, selectSelected } from "../../store/selectors";
import { useShownAnalysis } from "../common/shownAnalysis";
// As the canvas pills say a status without a reason (e.g. a vendor policy gwsim writes no status for).
import { NODE_STATUS_TEXT } from "../canvas/nodeStatusText";
import { applyCanvasIntents } from "../canvas/applyCanvasIntents";
import { ConditionList } from "./ConditionList";
import { EditForms } from "./EditForms";
import { ExplainMatrix } from "./ExplainMatrix";
import { RuleRequestButtons } from "../simulator/RuleRequestButtons";
import { PolicySection } from "./PolicySection";
import { StatusDriftSection } from "./StatusDriftSection";
// Its edits are synchronous: the engine's editor comes with this code (store/editEngine.ts).
import "../../store/editEngineModule";

/** The categories policies commonly target: their inspector says so when none applies. */
const POLICY_TARGET_CATEGORIES: ReadonlySet<string> = new Set([
  "class",
  "gateway",
  "listenerSet",
  "route",
  "backend",
]);

export function Inspector() {
  // The selection at once; the analysis as the panels show it, a frame after the graph.
  const model = inspectorModelFor(useShownAnalysis(selectAnalysis), useGwsimStore(selectSelected));
  const open = model !== undefined;
  useEffect(() => {
    if (!open) return;
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [open]);
  if (!model) return null;
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      <InspectorHeader model={model} />
      <div className="insp-body">
        {model.object ? <RenameField key={model.key} model={model} /> : null}
        {model.node ? <KeyFields node={model.node} /> : null}
        {model.node && model.object ? <EditForms node={model.node} /> : null}
        {/* From a cluster dump: where the controller's status differs, ahead of gwsim's own reasoning. */}
        <StatusDriftSection objectKey={model.key} />
        {/* Short lists: shown before the status sections, which can run long on routes. */}
        <PolicySection
          objectKey={model.key}
          showEmpty={POLICY_TARGET_CATEGORIES.has(model.node?.details.category ?? "other")}
        />
        <StatusSection model={model} />
        <HealthSection model={model} />
        {model.node?.details.category === "route" ? <RuleRequestButtons route={model.key} /> : null}
      </div>
    </aside>
  );
}

/**
 * Escape closes the inspector, unless it is meant for what has focus: a text field (which cancels
 * its edit), the YAML editor, an open menu or a dialog.
 */
function closeOnEscape(e: KeyboardEvent): void {
  if (e.key !== "Escape" || e.defaultPrevented) return;
  const target = e.target instanceof Element ? e.target : null;
  if (
    target?.closest(
      'input, textarea, select, .monaco-editor, [role="menu"], [role="dialog"], dialog',
    )
  )
    return;
  useGwsimStore.getState().select(undefined, "inspector");
}

function InspectorHeader({ model }: { model: InspectorModel }) {
  const kind = model.node?.kind ?? model.object?.kind ?? "";
  const name = model.node?.name ?? model.object?.name ?? "";
  const namespace = model.node?.namespace ?? model.object?.namespace;
  return (
    <header className="insp-header">
      <div className="insp-kind">{kind}</div>
      <h2 className="insp-title" data-testid="inspector-title">
        {namespace ? <span className="insp-ns">{namespace}/</span> : null}
        {name}
      </h2>
      {model.node?.status && model.node.status !== "ok" ? (
        <div className={`insp-status insp-status--${model.node.status}`} title={model.node.message}>
          {model.node.reason ?? NODE_STATUS_TEXT[model.node.status]}
          {/* Routes repeat the message per parentRef below; say it once. */}
          {model.node.message && model.parents.length === 0 ? (
            <div className="insp-status-message">{model.node.message}</div>
          ) : null}
        </div>
      ) : null}
      <button
        type="button"
        className="insp-close"
        aria-label="Close inspector"
        onClick={() => useGwsimStore.getState().select(undefined, "inspector")}
      >
        ×
      </button>
    </header>
  );
}

function RenameField({ model }: { model: InspectorModel }) {
  const current = model.object?.name ?? "";
  const [draft, setDraft] = useState(current);
  const valid = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(draft) && draft.length <= 253;
  const submit = () => {
    if (!valid || draft === current) return;
    applyCanvasIntents([{ type: "rename", key: model.key, name: draft }], "inspector");
    // Keep the renamed object selected: its key changes with its name.
    useGwsimStore.getState().select(renamedKey(model.key, draft), "inspector");
  };
  return (
    <form
      className="insp-rename"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor="insp-rename-input">metadata.name</label>
      <div className="insp-rename-row">
        <input
          id="insp-rename-input"
          data-testid="inspector-rename"
          value={draft}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" disabled={!valid || draft === current}>
          Rename
        </button>
      </div>
      {!valid ? (
        <div className="insp-error">
          A name is lowercase letters, digits, '-' and '.', starting and ending alphanumeric.
        </div>
      ) : null}
      {model.object ? (
        <div className="insp-muted">
          {model.object.file}, lines {model.object.line}–{model.object.endLine}
        </div>
      ) : null}
    </form>
  );
}

function KeyFields({ node }: { node: GraphNode }) {
  const d = node.details;
  const rows: [string, string][] = [];
  switch (d.category) {
    case "class":
      rows.push(["controllerName", d.controllerName ?? "—"]);
      break;
    case "gateway":
      rows.push(["gatewayClassName", d.className || "—"]);
      break;
    case "listenerSet":
      rows.push(["parent Gateway", d.gateway ?? "not resolved"]);
      break;
    case "route":
      rows.push(["hostnames", d.hostnames.join(", ") || "any"], ["rules", String(d.ruleCount)]);
      break;
    case "backend":
      rows.push([
        "ports",
        d.ports.map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port))).join(", ") || "—",
      ]);
      break;
    case "grant":
      rows.push(["from", d.from.join("; ")], ["to", d.to.join("; ")]);
      break;
    case "policy":
      // Each targetRef is listed, with whether it resolved, in the Targets section.
      if (d.targets.length === 0) rows.push(["targetRefs", "—"]);
      break;
    case "other":
      rows.push(["objects", d.items.map((i) => `${i.kind} ${i.name}`).join("; ")]);
      break;
  }
  if (node.ghost) rows.push(["in input", "no: referenced only"]);
  if (rows.length === 0) return null;
  return (
    <section className="insp-section">
      <h3>Fields</h3>
      <dl className="insp-fields">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const TOOL_NAMES = { argocd: "Argo CD", flux: "Flux" } as const;

/** What a GitOps tool would show for this object once a controller writes gwsim's status. */
function HealthSection({ model }: { model: InspectorModel }) {
  if (model.health.length === 0) return null;
  return (
    <section className="insp-section" data-testid="inspector-health">
      <h3>Health</h3>
      <dl className="insp-fields insp-health-fields">
        {model.health.map((h) => (
          <div key={h.tool} data-testid={`inspector-health-${h.tool}`} data-health={h.status}>
            <dt>{TOOL_NAMES[h.tool]}</dt>
            <dd>
              <span className={`insp-health insp-health--${h.status.toLowerCase()}`}>
                {h.toolStatus === h.status ? h.status : `${h.status} (${h.toolStatus})`}
              </span>
              <div className="insp-muted">{h.reason}</div>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function StatusSection({ model }: { model: InspectorModel }) {
  const d = model.node?.details;
  return (
    <>
      {model.readings.length > 0 ? (
        <section className="insp-section" data-testid="inspector-readings">
          <h3>Decided by a non-default reading</h3>
          <ul className="insp-readings">
            {model.readings.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {d?.category !== "route" && d?.category !== "policy" && model.object ? (
        <section className="insp-section">
          <h3>Conditions</h3>
          <ConditionList conditions={model.conditions} testId="inspector-conditions" />
        </section>
      ) : null}
      {(d?.category === "gateway" || d?.category === "listenerSet") && d.listeners.length > 0 ? (
        <section className="insp-section">
          <h3>Listeners</h3>
          {d.listeners.map((row) => {
            const st = model.listeners.find((l) => l.name === row.name);
            return (
              <div
                key={row.name}
                className="insp-listener"
                data-testid={`inspector-listener-${row.name}`}
              >
                <div className="insp-listener-head">
                  <strong>{row.name}</strong> {row.protocol}:{row.port} {row.hostname ?? "*"}
                  <span className="insp-badge" title="attachedRoutes">
                    {row.attachedRoutes} route{row.attachedRoutes === 1 ? "" : "s"}
                  </span>
                </div>
                <ConditionList conditions={st?.conditions ?? []} />
              </div>
            );
          })}
        </section>
      ) : null}
      {model.parents.length > 0 ? (
        <section className="insp-section">
          <h3>Parents</h3>
          {model.parents.map(({ explain, conditions }) => (
            <div key={explain.parentRefIndex} className="insp-parent">
              <div className={`insp-parent-head ${explain.accepted ? "insp-ok" : "insp-bad"}`}>
                parentRefs[{explain.parentRefIndex}] → {explain.parentRef.kind ?? "Gateway"}{" "}
                {explain.parentRef.namespace ?? model.object?.namespace}/{explain.parentRef.name}
                {explain.parentRef.sectionName
                  ? ` (sectionName ${explain.parentRef.sectionName})`
                  : ""}
                <span className="insp-badge">{explain.accepted ? "Accepted" : explain.reason}</span>
              </div>
              {explain.message ? <div className="insp-muted">{explain.message}</div> : null}
              <ExplainMatrix explain={explain} />
              <ConditionList conditions={conditions} />
            </div>
          ))}
        </section>
      ) : d?.category === "route" ? (
        <section className="insp-section">
          <h3>Parents</h3>
          <div className="insp-muted">This route has no parentRefs the engine could evaluate.</div>
        </section>
      ) : null}
      {model.ancestors.length > 0 ? (
        <section className="insp-section">
          <h3>Ancestors</h3>
          {model.ancestors.map((a) => (
            <div key={a.label}>
              <div className="insp-listener-head">{a.label}</div>
              <ConditionList conditions={a.conditions} />
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
