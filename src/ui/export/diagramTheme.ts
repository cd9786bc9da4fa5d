/**
 * The canvas' colours and metrics (canvas.css, layout/nodeSize.ts) as constants, so the exported
 * diagram looks like the picture on screen without reading any stylesheet.
 */
import type { GraphEdgeKind, GraphStatus } from "../../engine";

export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Every colour the diagram uses; one palette per theme, like the canvas' CSS variables. */
export interface DiagramColors {
  text: string;
  muted: string;
  border: string;
  borderStrong: string;
  rowRule: string;
  ok: string;
  error: string;
  warning: string;
  neutral: string;
  stale: string;
  /** A card's and an edge label's fill. */
  card: string;
  ghostFill: string;
  frameStroke: string;
  frameFill: string;
  grant: string;
  grantText: string;
  grantBorder: string;
  mirror: string;
  mirrorBorder: string;
  edgeOk: string;
  edgeMuted: string;
  edgeStale: string;
  background: string;
  /** Status pills and red edge labels: fills dark enough for white text in both themes. */
  okFill: string;
  errorFill: string;
  warningFill: string;
  /** Text on those fills. */
  onFill: string;
}

export type DiagramTheme = "light" | "dark";

/** canvas.css / app.css, light theme. */
export const COLOR: DiagramColors = {
  text: "#1d2430",
  muted: "#5d6776",
  border: "#d9dde3",
  borderStrong: "#c3c9d2",
  rowRule: "#eef0f3",
  ok: "#15803d",
  error: "#c42b1c",
  warning: "#b45309",
  neutral: "#8a93a3",
  stale: "#454c59",
  card: "#ffffff",
  ghostFill: "#f4f5f7",
  frameStroke: "#b8c0cc",
  frameFill: "#e6ebf2",
  grant: "#7c6fd6",
  grantText: "#5b4fc4",
  grantBorder: "#cfc9f3",
  mirror: "#0e7490",
  mirrorBorder: "#a5d8e3",
  edgeOk: "#2f9e5a",
  edgeMuted: "#9aa3b1",
  edgeStale: "#b8bec8",
  background: "#ffffff",
  okFill: "#15803d",
  errorFill: "#c42b1c",
  warningFill: "#b45309",
  onFill: "#ffffff",
};

/** app.css, dark theme: the dark canvas' text, edge and status colours. */
export const DARK_COLOR: DiagramColors = {
  text: "#e4e8ee",
  muted: "#a4adba",
  border: "#343b46",
  borderStrong: "#4a5260",
  rowRule: "#2a303a",
  ok: "#5ccf8a",
  error: "#ff8a80",
  warning: "#f2b45a",
  neutral: "#7f8998",
  stale: "#4f5866",
  card: "#1f242c",
  ghostFill: "#1c2128",
  frameStroke: "#4f5968",
  frameFill: "#465060",
  grant: "#a095f0",
  grantText: "#c2baff",
  grantBorder: "#4d4587",
  mirror: "#4cc6e0",
  mirrorBorder: "#1f5d6b",
  edgeOk: "#4cbf7a",
  edgeMuted: "#6c7685",
  edgeStale: "#4f5866",
  background: "#111418",
  okFill: "#1b7a3e",
  errorFill: "#b3261e",
  warningFill: "#9a4b08",
  onFill: "#ffffff",
};

export function diagramColors(theme: DiagramTheme): DiagramColors {
  return theme === "dark" ? DARK_COLOR : COLOR;
}

/** A status pill's fill (white text on it). */
export function statusFill(status: GraphStatus, c: DiagramColors = COLOR): string {
  switch (status) {
    case "ok":
      return c.okFill;
    case "error":
      return c.errorFill;
    case "warning":
      return c.warningFill;
    default:
      return c.neutral;
  }
}

/** A card's status bar and a listener's dot. */
export function statusColor(status: GraphStatus, c: DiagramColors = COLOR): string {
  switch (status) {
    case "ok":
      return c.ok;
    case "error":
      return c.error;
    case "warning":
      return c.warning;
    default:
      return c.neutral;
  }
}

export interface EdgeStroke {
  color: string;
  width: number;
  dash?: string;
}

/** Mirrors the `.se--*` rules: green solid, red dashed, amber dashed, grey dotted, violet for grants, teal dash-dot for mirrors. */
export function edgeStroke(
  status: GraphStatus,
  kind: GraphEdgeKind,
  stale: boolean,
  c: DiagramColors = COLOR,
): EdgeStroke {
  const thin = kind === "class" || kind === "listenerSet";
  let stroke: EdgeStroke;
  if (kind === "grant") stroke = { color: c.grant, width: 1.75, dash: "2 4" };
  else if (kind === "mirror" && status !== "error")
    stroke = { color: c.mirror, width: 1.75, dash: "10 3 2 3" };
  else if (kind === "mirror") stroke = { color: c.error, width: 2, dash: "10 3 2 3" };
  else if (status === "ok") stroke = { color: c.edgeOk, width: 1.75 };
  else if (status === "error") stroke = { color: c.error, width: 2, dash: "6 4" };
  else if (status === "warning") stroke = { color: c.warning, width: 1.75, dash: "6 4" };
  else stroke = { color: c.edgeMuted, width: 1.75, dash: "3 4" };
  if (thin && status !== "error") stroke.width = 1.25;
  if (stale) stroke.color = c.edgeStale;
  return stroke;
}

/** Card metrics, as the DOM lays them out (1px border, 4px status bar, 10px padding). */
export const CARD = {
  radius: 6,
  bar: 4,
  padX: 10,
  headTop: 7,
  headHeight: 16,
  nameHeight: 22,
  bodyTop: 45,
  row: 22,
  listenerRow: 26,
} as const;

export const FRAME = { radius: 10 } as const;
