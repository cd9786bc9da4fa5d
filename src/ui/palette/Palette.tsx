import "./palette.css";
import type { GraphNode, ObjectSummary } from "../../engine";
import { useGwsimStore } from "../../store";
import { applyCanvasEdits, readCurrentField, withEditing } from "../../store/canvasEdits";
import { applyCanvasIntents } from "../canvas/applyCanvasIntents";
import { memo, useId, useRef } from "react";
import { useRovingToolbar } from "../common/useRovingToolbar";
import type { PaletteKind } from "./objectTemplates";
import { loadPaletteTemplates, type PaletteTemplates } from "./paletteTemplates";
import { useOverflowCue } from "./useOverflowCue";

/** Buttons in groups, routes by protocol, so the row stays one line at 1366 px. */
const GROUPS: readonly { label: string; items: readonly { kind: PaletteKind; label: string }[] }[] =
  [
    {
      label: "Add",
      items: [
        { kind: "GatewayClass", label: "GatewayClass" },
        { kind: "Gateway", label: "Gateway" },
        { kind: "ListenerSet", label: "ListenerSet" },
      ],
    },
    {
      label: "Route",
      items: [
        { kind: "HTTPRoute", label: "HTTP" },
        { kind: "GRPCRoute", label: "gRPC" },
        { kind: "TLSRoute", label: "TLS" },
        { kind: "TCPRoute", label: "TCP" },
        { kind: "UDPRoute", label: "UDP" },
      ],
    },
    {
      label: "",
      items: [
        { kind: "Service", label: "Service" },
        { kind: "Namespace", label: "Namespace" },
        { kind: "ReferenceGrant", label: "ReferenceGrant" },
        { kind: "BackendTLSPolicy", label: "BackendTLSPolicy" },
      ],
    },
  ];

const CLUSTER_SCOPED: ReadonlySet<PaletteKind> = new Set(["GatewayClass", "Namespace"]);

/** Runs `use` once the templates are here (at once after the preload); says so if they cannot load. */
function withTemplates(use: (templates: PaletteTemplates) => void): void {
  loadPaletteTemplates().then(use, (error: unknown) =>
    useGwsimStore.getState().setNotice({
      kind: "error",
      message: `Could not load the palette's templates: ${error instanceof Error ? error.message : String(error)}`,
    }),
  );
}

/**
 * Adds objects to the YAML with valid defaults; new namespaced objects go to the selected object's
 * namespace. Its props stay equal while the selection does (the workspace's objects are read at
 * click time), so it is not rendered again when a keystroke's analysis arrives.
 */
export const Palette = memo(function Palette(props: {
  /** The selected object's namespace ("default" when nothing namespaced is selected). */
  namespace: string;
  selectedId: string | undefined;
  /** The selected Gateway, when a Gateway (not a ghost) is selected: listeners are added to it. */
  gateway: GraphNode | undefined;
}) {
  const { namespace, gateway } = props;
  const add = (kind: PaletteKind) =>
    withTemplates(({ paletteEdits }) =>
      // Read at click time (once the editor's code is here): the palette does not re-render on
      // every keystroke.
      withEditing(() => {
        const { analysis } = useGwsimStore.getState();
        const ctx = {
          objects: analysis?.objects ?? NO_OBJECTS,
          namespace,
          readField: readCurrentField,
          ...(analysis
            ? {
                gateways: analysis.gateways,
                routes: analysis.routes,
                attachments: analysis.attachments,
              }
            : {}),
          ...(props.selectedId !== undefined ? { selected: props.selectedId } : {}),
        };
        applyCanvasEdits(paletteEdits(kind, ctx).ops, "canvas");
      }),
    );
  // One tab stop for the row; Left/Right move between the kinds.
  const ref = useRef<HTMLDivElement>(null);
  const onKeyDown = useRovingToolbar(ref);
  // At 1366 px the row scrolls sideways: a fade and a scroll button say where more kinds are.
  const { sides, scroll } = useOverflowCue(ref);
  const toolbarId = useId();
  const overflows = sides.left || sides.right;
  return (
    <div
      className="palette-bar"
      data-testid="palette-bar"
      data-overflow-left={sides.left}
      data-overflow-right={sides.right}
    >
      {overflows ? (
        <ScrollButton side="left" enabled={sides.left} controls={toolbarId} scroll={scroll} />
      ) : null}
      <div
        className="palette"
        id={toolbarId}
        data-testid="palette"
        role="toolbar"
        aria-label="Add objects"
        ref={ref}
        onKeyDown={onKeyDown}
      >
        {GROUPS.map((group) => (
          <span key={group.label || "more"} className="palette-group">
            {group.label ? <span className="palette-title">{group.label}</span> : null}
            {group.items.map(({ kind, label }) => (
              <button
                key={kind}
                type="button"
                className="palette-button"
                data-testid={`palette-add-${kind.toLowerCase()}`}
                aria-label={`Add a ${kind}`}
                title={
                  CLUSTER_SCOPED.has(kind)
                    ? `Add a ${kind}`
                    : kind === "ListenerSet"
                      ? "Add a ListenerSet to the first Gateway"
                      : `Add a ${kind} in namespace ${namespace}`
                }
                onClick={() => add(kind)}
              >
                + {label}
              </button>
            ))}
          </span>
        ))}
        <button
          type="button"
          className="palette-button"
          data-testid="palette-add-listener"
          disabled={!gateway}
          title={
            gateway
              ? `Add a listener to ${gateway.name}`
              : "Select a Gateway to add a listener to it"
          }
          onClick={() => {
            if (!gateway || gateway.details.category !== "gateway") return;
            const { id, details } = gateway;
            withTemplates(({ buildListenerTemplate }) =>
              applyCanvasIntents([
                {
                  type: "addListener",
                  gateway: id,
                  index: details.listeners.length,
                  listener: buildListenerTemplate(details.listeners),
                },
              ]),
            );
          }}
        >
          + listener
        </button>
      </div>
      {overflows ? (
        <ScrollButton side="right" enabled={sides.right} controls={toolbarId} scroll={scroll} />
      ) : null}
    </div>
  );
});

const NO_OBJECTS: readonly ObjectSummary[] = [];

/**
 * Scrolls the palette by most of its width: a pointer's way to the hidden kinds. It is not a tab
 * stop of its own: from the keyboard, the arrow keys move along the row and scroll the focused kind
 * into view, and two more stops before the editor would cost every keyboard user on every pass.
 * Focused anyway (a screen reader's cursor), it stays focusable at the end of the row
 * (aria-disabled, not disabled), so focus is not lost when the row reaches its end.
 */
function ScrollButton(props: {
  side: "left" | "right";
  enabled: boolean;
  controls: string;
  scroll: (direction: -1 | 1) => void;
}) {
  const label =
    props.side === "left" ? "Scroll the palette left" : "Scroll the palette right: more kinds";
  return (
    <button
      type="button"
      className={`palette-scroll palette-scroll--${props.side}`}
      data-testid={`palette-scroll-${props.side}`}
      aria-label={label}
      title={label}
      aria-controls={props.controls}
      aria-disabled={!props.enabled}
      tabIndex={-1}
      onClick={() => props.enabled && props.scroll(props.side === "left" ? -1 : 1)}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path
          d={props.side === "left" ? "M10 3 5 8l5 5" : "M6 3l5 5-5 5"}
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
        />
      </svg>
    </button>
  );
}
