/**
 * The canvas' colours and metrics (canvas.css, layout/nodeSize.ts) as constants, so the exported
 * diagram looks like the picture on screen without reading any stylesheet.
 */
import type { GraphEdgeKind, GraphStatus } from "../../engine";

export const FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

export const COLOR = {
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
  ghostFill: "#f4f5f7",
  frameStroke: "#b8c0cc",
  frameFill: "#e6ebf2",
  grant: "#7c6fd6",
  grantText: "#5b4fc4",
  grantBorder: "#cfc9f3",
  mirror: "#0e7490",
  mirrorBorder: "#a5d8e3",
  background: "#ffffff",
} as const;

export function statusColor(status: GraphStatus): string {
  switch (status) {
    case "ok":
      return COLOR.ok;
    case "error":
      return COLOR.error;
    case "warning":
      return COLOR.warning;
    default:
      return COLOR.neutral;
  }
}

export interface EdgeStroke {
  color: string;
  width: number;
  dash?: string;
}

/** Mirrors the `.se--*` rules: green solid, red dashed, amber dashed, grey dotted, violet for grants, teal dash-dot for mirrors. */
export function edgeStroke(status: GraphStatus, kind: GraphEdgeKind, stale: boolean): EdgeStroke {
  const thin = kind === "class" || kind === "listenerSet";
  let stroke: EdgeStroke;
  if (kind === "grant") stroke = { color: COLOR.grant, width: 1.75, dash: "2 4" };
  else if (kind === "mirror" && status !== "error")
    stroke = { color: COLOR.mirror, width: 1.75, dash: "10 3 2 3" };
  else if (kind === "mirror") stroke = { color: COLOR.error, width: 2, dash: "10 3 2 3" };
  else if (status === "ok") stroke = { color: "#2f9e5a", width: 1.75 };
  else if (status === "error") stroke = { color: COLOR.error, width: 2, dash: "6 4" };
  else if (status === "warning") stroke = { color: COLOR.warning, width: 1.75, dash: "6 4" };
  else stroke = { color: "#9aa3b1", width: 1.75, dash: "3 4" };
  if (thin && status !== "error") stroke.width = 1.25;
  if (stale) stroke.color = "#b8bec8";
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
