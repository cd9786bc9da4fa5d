/**
 * The canvas picture as one standalone SVG document, for design reviews and wikis: namespace frames,
 * object cards, edges in their status colours with the reason on every rejected one. Everything is
 * inline (presentation attributes, system font, no external reference), so the file opens the same
 * in a browser, an image viewer or a design tool. Input is what the canvas draws: toFlowElements'
 * nodes (with positions and sizes) and edges.
 */
import type { FlowEdge, FlowNode, GraphFlowNode, NamespaceFlowNode } from "../canvas/flowTypes";
import { GRANT_HANDLE, listenerFromHandle } from "../canvas/flowTypes";
import { laneBezier, type Anchor, type Curve } from "../canvas/edgeGeometry";
import {
  FONT_FAMILY,
  FRAME,
  diagramColors,
  edgeStroke,
  type DiagramColors,
  type DiagramTheme,
  type EdgeStroke,
} from "./diagramTheme";
import { cardBox, drawDiagramNode, listenerRowCentre } from "./drawDiagramNode";
import { escapeXml, num, textWidth } from "./svgText";

export interface DiagramInput {
  nodes: readonly FlowNode[];
  edges: readonly FlowEdge[];
  /** Shown above the picture (e.g. the workspace name); omitted when empty. */
  title?: string;
  /** The colours of the canvas' light (default) or dark theme. */
  theme?: DiagramTheme;
}

export interface DiagramSvg {
  svg: string;
  /** The document's size in px (also its viewBox size). */
  width: number;
  height: number;
}

const MARGIN = 24;
const HEADER = 40;
const LABEL_FONT = 11;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function buildDiagramSvg(input: DiagramInput): DiagramSvg {
  const c = diagramColors(input.theme ?? "light");
  const frames = input.nodes.filter((n): n is NamespaceFlowNode => n.type === "namespaceFrame");
  const cards = input.nodes.filter((n): n is GraphFlowNode => n.type === "graphNode");
  const byId = new Map<string, FlowNode>(input.nodes.map((n) => [n.id, n]));

  const bounds: Box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  const grow = (b: Box) => {
    bounds.left = Math.min(bounds.left, b.left);
    bounds.top = Math.min(bounds.top, b.top);
    bounds.right = Math.max(bounds.right, b.right);
    bounds.bottom = Math.max(bounds.bottom, b.bottom);
  };
  for (const n of input.nodes) {
    const box = nodeBox(n);
    grow({ left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height });
  }

  const edgeMarkup: string[] = [];
  const labelMarkup: string[] = [];
  const markers = new Map<string, string>();
  for (const e of input.edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    const data = e.data;
    if (!source || !target || !data) continue;
    const from = sourceAnchor(source, e.sourceHandle);
    const to = targetAnchor(target);
    const curve = laneBezier(from, to, data.lane ?? 0);
    // Edges arcing over the frames (grants) can leave the nodes' box: keep their curve in view.
    grow(curveBox(curve));
    const stroke = edgeStroke(data.status, data.edge.kind, data.stale, c);
    const markerId = markerFor(stroke, markers);
    edgeMarkup.push(
      `<path d="${curve.d}" fill="none" stroke="${stroke.color}" stroke-width="${stroke.width}"${stroke.dash ? ` stroke-dasharray="${stroke.dash}"` : ""} marker-end="url(#${markerId})" data-edge="${escapeXml(e.id)}" data-state="${data.status}"/>`,
    );
    if (data.label) {
      const label = edgeLabel(
        data.label,
        curve.labelX,
        curve.labelY,
        data.status,
        data.edge.kind,
        data.stale,
        c,
      );
      grow(label.box);
      labelMarkup.push(label.markup);
    }
  }

  if (!Number.isFinite(bounds.left))
    Object.assign(bounds, { left: 0, top: 0, right: 320, bottom: 120 });
  const title = input.title?.trim() ?? "";
  const legend = legendOf(
    c,
    input.edges.some((e) => e.data?.edge.kind === "mirror"),
  );
  const headerWidth = (title ? textWidth(title, 15, true) + 24 : 0) + legendWidth(legend);
  bounds.right = Math.max(bounds.right, bounds.left + headerWidth);
  const viewLeft = bounds.left - MARGIN;
  const viewTop = bounds.top - MARGIN - HEADER;
  const width = Math.ceil(bounds.right - bounds.left + 2 * MARGIN);
  const height = Math.ceil(bounds.bottom - bounds.top + 2 * MARGIN + HEADER);

  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${num(viewLeft)} ${num(viewTop)} ${width} ${height}" font-family="${FONT_FAMILY.replace(/'/g, "")}" text-rendering="geometricPrecision">`,
    `<title>${escapeXml(title || "Gateway API topology")}</title>`,
    `<desc>Exported from gwsim. Green: accepted; red dashed: rejected, with the reason on the edge; grey dotted: referenced but not in the input.</desc>`,
    `<defs>${[...markers.values()].join("")}</defs>`,
    `<rect x="${num(viewLeft)}" y="${num(viewTop)}" width="${width}" height="${height}" fill="${c.background}"/>`,
    header(title, viewLeft + MARGIN, viewTop + MARGIN, legend, c),
    '<g data-layer="frames">',
    ...frames.map((f) => drawFrame(f, c)),
    '</g><g data-layer="edges">',
    ...edgeMarkup,
    '</g><g data-layer="nodes">',
    ...cards.map((n, i) => drawDiagramNode(n, `card-${i}`, c)),
    '</g><g data-layer="labels">',
    ...labelMarkup,
    "</g></svg>",
  ];
  return { svg: `${parts.join("\n")}\n`, width, height };
}

function nodeBox(n: FlowNode): { x: number; y: number; width: number; height: number } {
  if (n.type === "graphNode") return cardBox(n);
  return { x: n.position.x, y: n.position.y, width: n.data.width, height: n.data.height };
}

/** Where React Flow puts the edge's source handle: the listener row, the card's right side, or a grant's top. */
function sourceAnchor(n: FlowNode, handle: string | null | undefined): Anchor {
  const box = nodeBox(n);
  if (handle === GRANT_HANDLE) return { x: box.x + box.width / 2, y: box.y, side: "top" };
  const listener = listenerFromHandle(handle);
  if (
    n.type === "graphNode" &&
    (n.data.node.details.category === "gateway" || n.data.node.details.category === "listenerSet")
  ) {
    const index =
      listener === undefined
        ? -1
        : n.data.node.details.listeners.findIndex((l) => l.name === listener);
    // The whole-gateway handle sits beside the name (GraphNodeView puts it at top: 30px).
    return {
      x: box.x + box.width,
      y: box.y + (index >= 0 ? listenerRowCentre(index) : 30),
      side: "right",
    };
  }
  return { x: box.x + box.width, y: box.y + box.height / 2, side: "right" };
}

/** Cards take edges on their left; namespace frames (grant targets) on their top. */
function targetAnchor(n: FlowNode): Anchor {
  const box = nodeBox(n);
  if (n.type === "namespaceFrame") return { x: box.x + box.width / 2, y: box.y, side: "top" };
  return { x: box.x, y: box.y + box.height / 2, side: "left" };
}

/** A cubic stays inside the hull of its control points: a safe (if loose) box for the bounds. */
function curveBox(curve: Curve): Box {
  const xs = curve.points.map((p) => p[0]);
  const ys = curve.points.map((p) => p[1]);
  return {
    left: xs.reduce((a, b) => Math.min(a, b), Infinity),
    top: ys.reduce((a, b) => Math.min(a, b), Infinity),
    right: xs.reduce((a, b) => Math.max(a, b), -Infinity),
    bottom: ys.reduce((a, b) => Math.max(a, b), -Infinity),
  };
}

function markerFor(stroke: EdgeStroke, markers: Map<string, string>): string {
  const id = `arrow-${stroke.color.replace("#", "")}`;
  if (!markers.has(id)) {
    markers.set(
      id,
      `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,1 L9,5 L0,9 z" fill="${stroke.color}"/></marker>`,
    );
  }
  return id;
}

function edgeLabel(
  text: string,
  x: number,
  y: number,
  status: string,
  kind: string,
  stale: boolean,
  c: DiagramColors,
): { markup: string; box: Box } {
  const error = status === "error" && !stale;
  const w = textWidth(text, LABEL_FONT, error) + 12;
  const h = 16;
  let fill = c.card;
  let stroke: string = c.border;
  let color: string = c.text;
  let dash = "";
  if (error) [fill, stroke, color] = [c.errorFill, c.error, c.onFill];
  else if (status === "missing") [color, dash] = [c.muted, ' stroke-dasharray="3 2"'];
  else if (kind === "grant") [stroke, color] = [c.grantBorder, c.grantText];
  else if (kind === "mirror") [stroke, color] = [c.mirrorBorder, c.mirror];
  const box = { left: x - w / 2, top: y - h / 2, right: x + w / 2, bottom: y + h / 2 };
  const markup =
    `<g data-label-state="${escapeXml(status)}"${stale ? ' opacity="0.5"' : ""}>` +
    `<rect x="${num(box.left)}" y="${num(box.top)}" width="${num(w)}" height="${h}" rx="8" fill="${fill}" stroke="${stroke}"${dash}/>` +
    `<text x="${num(x)}" y="${num(y + 3.8)}" font-size="${LABEL_FONT}"${error ? ' font-weight="600"' : ""} fill="${color}" text-anchor="middle">${escapeXml(text)}</text></g>`;
  return { markup, box };
}

function drawFrame(n: NamespaceFlowNode, c: DiagramColors): string {
  const { x, y } = n.position;
  const { width, height, namespace, declared } = n.data;
  return (
    `<g data-namespace="${escapeXml(namespace)}">` +
    `<rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" rx="${FRAME.radius}" fill="${c.frameFill}" fill-opacity="0.35" stroke="${c.frameStroke}" stroke-width="1.5" stroke-dasharray="6 4"/>` +
    `<text x="${num(x + 14)}" y="${num(y + 22)}" font-size="11.5" fill="${c.muted}" xml:space="preserve">namespace <tspan font-weight="700" fill="${c.text}">${escapeXml(namespace)}</tspan>${declared ? "" : '<tspan font-style="italic"> (no Namespace object)</tspan>'}</text></g>`
  );
}

interface LegendItem {
  label: string;
  stroke: EdgeStroke;
}

function legendOf(c: DiagramColors, withMirror: boolean): LegendItem[] {
  const legend: LegendItem[] = [
    { label: "accepted", stroke: edgeStroke("ok", "parent", false, c) },
    { label: "rejected (reason on the edge)", stroke: edgeStroke("error", "parent", false, c) },
    { label: "degraded", stroke: edgeStroke("warning", "parent", false, c) },
    { label: "not in input", stroke: edgeStroke("missing", "parent", false, c) },
    { label: "ReferenceGrant", stroke: edgeStroke("ok", "grant", false, c) },
  ];
  // The mirror swatch only when the picture has a mirror: the legend explains what is drawn.
  if (withMirror)
    legend.push({
      label: "RequestMirror (gets a copy)",
      stroke: edgeStroke("ok", "mirror", false, c),
    });
  return legend;
}

const SWATCH = 26;

function legendWidth(legend: readonly LegendItem[]): number {
  return legend.reduce((sum, item) => sum + SWATCH + 6 + textWidth(item.label, 11) + 16, 0);
}

function header(
  title: string,
  x: number,
  y: number,
  legend: readonly LegendItem[],
  c: DiagramColors,
): string {
  const out: string[] = ['<g data-layer="header">'];
  let at = x;
  const mid = y + 12;
  if (title) {
    out.push(
      `<text x="${num(at)}" y="${num(mid + 5)}" font-size="15" font-weight="700" fill="${c.text}">${escapeXml(title)}</text>`,
    );
    at += textWidth(title, 15, true) + 24;
  }
  for (const item of legend) {
    const s = item.stroke;
    out.push(
      `<line x1="${num(at)}" y1="${num(mid)}" x2="${num(at + SWATCH)}" y2="${num(mid)}" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`,
      `<text x="${num(at + SWATCH + 6)}" y="${num(mid + 4)}" font-size="11" fill="${c.muted}">${escapeXml(item.label)}</text>`,
    );
    at += SWATCH + 6 + textWidth(item.label, 11) + 16;
  }
  out.push("</g>");
  return out.join("");
}
