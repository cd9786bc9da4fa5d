/**
 * The inspector's structure buttons for a route: add or remove a rule, a match, a backendRef. The
 * engine plans each change (routeStructureEdits) and validates it (CRD limits) before anything is
 * written; a removal that leaves a rule without backends, or the route without rules, first says
 * what that means and asks again. Each change is one undo step.
 */
import { useId, useState } from "react";
import type { ObjectSelector, ObjectSummary, StructureEdit } from "../../engine";
import { useGwsimStore } from "../../store";
import { readCurrentField } from "../../store/canvasEdits";
import { checkFormEdit, commitFormEdit } from "../../store/formEdits";

type Outcome =
  | { kind: "error"; text: string }
  | { kind: "confirm"; text: string }
  | { kind: "note"; text: string };

/** A button that makes one structural edit; errors, confirmations and notes show under it. */
export function StructureButton(props: {
  route: ObjectSelector;
  edit: StructureEdit;
  label: string;
  /** The accessible name when the visible label is terse ("×"). */
  ariaLabel?: string;
  testId: string;
  variant?: "add" | "remove";
}) {
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const id = useId();
  const formEdit = { type: "structure" as const, route: props.route, edit: props.edit };
  const commit = () => {
    const check = commitFormEdit(formEdit);
    if (check.errors.length > 0) setOutcome({ kind: "error", text: check.errors[0] ?? "" });
    else if (check.consequence !== undefined) setOutcome({ kind: "note", text: check.consequence });
    else setOutcome(undefined);
  };
  const onClick = () => {
    const check = checkFormEdit(formEdit);
    if (check.errors.length > 0) setOutcome({ kind: "error", text: check.errors[0] ?? "" });
    // A removal with a surprising effect is said first; an addition is made and then explained.
    else if (check.consequence !== undefined && props.variant === "remove")
      setOutcome({ kind: "confirm", text: check.consequence });
    else commit();
  };
  return (
    <span className={`insp-structure insp-structure--${props.variant ?? "add"}`}>
      <button
        type="button"
        className="insp-structure-button"
        data-testid={props.testId}
        {...(props.ariaLabel ? { "aria-label": props.ariaLabel, title: props.ariaLabel } : {})}
        {...(outcome ? { "aria-describedby": id } : {})}
        onClick={onClick}
      >
        {props.label}
      </button>
      {outcome ? (
        <span
          id={id}
          className={`insp-structure-outcome insp-structure-outcome--${outcome.kind}`}
          role={outcome.kind === "error" ? "alert" : "status"}
          data-testid={`${props.testId}-${outcome.kind}`}
        >
          {outcome.text}
          {outcome.kind === "confirm" ? (
            <span className="insp-structure-confirm">
              <button type="button" data-testid={`${props.testId}-confirm-yes`} onClick={commit}>
                Remove anyway
              </button>
              <button
                type="button"
                data-testid={`${props.testId}-confirm-no`}
                onClick={() => setOutcome(undefined)}
              >
                Keep
              </button>
            </span>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}

/**
 * Adds a backendRef to a rule: a Service picked from the workspace (its port filled in when it has
 * one) or a typed name, a port and an optional weight; validated as you type like the other fields.
 */
export function AddBackendForm(props: {
  route: ObjectSelector;
  ruleIndex: number;
  testId: string;
}) {
  const id = useId();
  const objects = useGwsimStore((s) => s.analysis?.objects);
  const [service, setService] = useState("");
  const [port, setPort] = useState("");
  const [weight, setWeight] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const routeNamespace = props.route.namespace ?? "default";
  const services = (objects ?? []).filter((o) => o.kind === "Service");
  const edit = (draft: { service: string; port: string; weight: string }): StructureEdit => {
    const { namespace, name } = splitService(draft.service.trim(), routeNamespace);
    return {
      action: "addBackend",
      ruleIndex: props.ruleIndex,
      backend: {
        name,
        ...(namespace !== routeNamespace ? { namespace } : {}),
        ...(draft.port.trim() !== "" ? { port: draft.port } : {}),
        ...(draft.weight.trim() !== "" ? { weight: draft.weight } : {}),
      },
    };
  };
  const check = (draft: { service: string; port: string; weight: string }) =>
    draft.service.trim() === ""
      ? undefined
      : checkFormEdit({ type: "structure", route: props.route, edit: edit(draft) }).errors[0];
  const onService = (value: string) => {
    setService(value);
    // A Service of the workspace with ports: take its first port unless one was typed.
    const picked = findService(services, value.trim(), routeNamespace);
    const known = picked ? servicePort(picked) : undefined;
    const nextPort = port === "" && known !== undefined ? String(known) : port;
    setPort(nextPort);
    setError(check({ service: value, port: nextPort, weight }));
  };
  const submit = () => {
    if (service.trim() === "") {
      setError("Name a Service.");
      return;
    }
    const result = commitFormEdit({
      type: "structure",
      route: props.route,
      edit: edit({ service, port, weight }),
    });
    setError(result.errors[0]);
    if (result.errors.length === 0) {
      setService("");
      setPort("");
      setWeight("");
    }
  };
  const errorId = `${id}-error`;
  const invalid = {
    "aria-invalid": error !== undefined,
    ...(error !== undefined ? { "aria-describedby": errorId } : {}),
  };
  return (
    <div className="insp-add-backend" data-testid={props.testId}>
      <div className="insp-edit-row">
        <div className="insp-edit-field">
          <label htmlFor={`${id}-svc`}>new backend</label>
          <input
            id={`${id}-svc`}
            list={`${id}-services`}
            value={service}
            placeholder="Service name"
            spellCheck={false}
            autoComplete="off"
            data-testid={`${props.testId}-name`}
            {...invalid}
            onChange={(e) => onService(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && submit()}
          />
          <datalist id={`${id}-services`}>
            {services.map((s) => (
              <option
                key={s.key}
                value={
                  (s.namespace ?? "default") === routeNamespace
                    ? s.name
                    : `${s.namespace}/${s.name}`
                }
              />
            ))}
          </datalist>
        </div>
        <div className="insp-edit-field insp-edit-field--narrow">
          <label htmlFor={`${id}-port`}>port</label>
          <input
            id={`${id}-port`}
            value={port}
            inputMode="numeric"
            autoComplete="off"
            data-testid={`${props.testId}-port`}
            {...invalid}
            onChange={(e) => {
              setPort(e.target.value);
              setError(check({ service, port: e.target.value, weight }));
            }}
            onKeyDown={(e) => e.key === "Enter" && submit()}
          />
        </div>
        <div className="insp-edit-field insp-edit-field--narrow">
          <label htmlFor={`${id}-weight`}>weight</label>
          <input
            id={`${id}-weight`}
            value={weight}
            inputMode="numeric"
            placeholder="1"
            autoComplete="off"
            data-testid={`${props.testId}-weight`}
            {...invalid}
            onChange={(e) => {
              setWeight(e.target.value);
              setError(check({ service, port, weight: e.target.value }));
            }}
            onKeyDown={(e) => e.key === "Enter" && submit()}
          />
        </div>
      </div>
      <button
        type="button"
        className="insp-structure-button"
        data-testid={`${props.testId}-submit`}
        disabled={error !== undefined}
        onClick={submit}
      >
        + backend
      </button>
      {error !== undefined ? (
        <div className="insp-error" id={errorId} role="alert" data-testid={`${props.testId}-error`}>
          {error}
        </div>
      ) : null}
    </div>
  );
}

/** "shop/web" → namespace shop, name web; "web" → the route's namespace. */
function splitService(value: string, routeNamespace: string): { namespace: string; name: string } {
  const slash = value.indexOf("/");
  if (slash < 0) return { namespace: routeNamespace, name: value };
  return { namespace: value.slice(0, slash), name: value.slice(slash + 1) };
}

function findService(
  services: readonly ObjectSummary[],
  value: string,
  routeNamespace: string,
): ObjectSummary | undefined {
  const { namespace, name } = splitService(value, routeNamespace);
  return services.find((s) => s.name === name && (s.namespace ?? "default") === namespace);
}

function servicePort(service: ObjectSummary): number | undefined {
  const ports = readCurrentField(
    { kind: "Service", namespace: service.namespace ?? "default", name: service.name },
    ["spec", "ports"],
  );
  const first = Array.isArray(ports) ? (ports[0] as unknown) : undefined;
  const port =
    typeof first === "object" && first !== null
      ? (first as Record<string, unknown>)["port"]
      : undefined;
  return typeof port === "number" ? port : undefined;
}
