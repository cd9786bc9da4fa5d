/**
 * One object card of the exported diagram as SVG markup: the same header (kind, status pill),
 * name and body rows as GraphNodeView draws on the canvas, at the same size.
 */
import type { GraphListenerRow, GraphNode } from "../../engine";
import { MAX_OTHER_ITEMS } from "../../layout/nodeSize";
import type { GraphFlowNode } from "../canvas/flowTypes";
import { CARD, COLOR, statusColor, statusFill, type DiagramColors } from "./diagramTheme";
import { escapeXml, fitText, num, textWidth } from "./svgText";
import { NODE_STATUS_TEXT as STATUS_TEXT } from "../canvas/nodeStatusText";

/** A text span of one row: muted or bold parts keep their look when the row is cut to fit. */
interface Span {
  text: string;
  muted?: boolean;
  bold?: boolean;
  color?: string;
}

export interface CardBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function cardBox(n: GraphFlowNode): CardBox {
  return { x: n.position.x, y: n.position.y, width: n.data.width, height: n.data.height };
}

/** The vertical centre of a listener row, relative to the card's top (its handle sits there). */
export function listenerRowCentre(index: number): number {
  return CARD.bodyTop + index * CARD.listenerRow + CARD.listenerRow / 2;
}

export function drawDiagramNode(
  n: GraphFlowNode,
  clipId: string,
  c: DiagramColors = COLOR,
): string {
  const { node, stale } = n.data;
  const box = cardBox(n);
  const { x, y, width, height } = box;
  const left = x + CARD.bar + CARD.padX;
  const right = x + width - 1 - CARD.padX;
  // The width estimate errs a few percent wide; text may use most of the right padding before it is cut.
  const textRight = right + CARD.padX - 2;
  const out: string[] = [];
  const ghost = node.ghost;
  out.push(
    `<g data-key="${escapeXml(node.id)}"${stale ? ' opacity="0.55"' : ""}>`,
    `<title>${escapeXml(`${node.kind} ${node.namespace ? `${node.namespace}/` : ""}${node.name}${node.message ? `: ${node.message}` : ""}`)}</title>`,
    `<clipPath id="${clipId}"><rect x="${num(x)}" y="${num(y)}" width="${num(width)}" height="${num(height)}" rx="${CARD.radius}"/></clipPath>`,
    `<rect x="${num(x + 0.5)}" y="${num(y + 0.5)}" width="${num(width - 1)}" height="${num(height - 1)}" rx="${CARD.radius}" fill="${ghost ? c.ghostFill : c.card}" stroke="${c.borderStrong}"${ghost ? ' stroke-dasharray="4 3"' : ""}/>`,
    `<g clip-path="url(#${clipId})">`,
    `<rect x="${num(x)}" y="${num(y)}" width="${CARD.bar}" height="${num(height)}" fill="${stale ? c.stale : statusColor(node.status, c)}"/>`,
  );

  // Header: kind on the left, the status pill on the right.
  const pillText = stale ? "Stale" : STATUS_TEXT[node.status];
  const pillWidth = textWidth(pillText, 10, true) + 12;
  const headMid = y + CARD.headTop + CARD.headHeight / 2;
  out.push(
    `<rect x="${num(right - pillWidth)}" y="${num(headMid - 7.5)}" width="${num(pillWidth)}" height="15" rx="7.5" fill="${stale ? c.stale : statusFill(node.status, c)}"/>`,
    `<text x="${num(right - pillWidth / 2)}" y="${num(headMid + 3.5)}" font-size="10" font-weight="600" fill="${c.onFill}" text-anchor="middle">${escapeXml(pillText)}</text>`,
  );
  const kindLabel = (node.kind === "OtherObjects" ? "Other objects" : node.kind).toUpperCase();
  out.push(
    `<text x="${num(left)}" y="${num(headMid + 3.5)}" font-size="10.5" font-weight="600" letter-spacing="0.4" fill="${c.muted}">${escapeXml(fitText(kindLabel, right - pillWidth - 6 - left, 11.5, true))}</text>`,
  );
  const nameTop = y + CARD.headTop + CARD.headHeight;
  out.push(
    `<text x="${num(left)}" y="${num(nameTop + 16)}" font-size="15" font-weight="600" fill="${ghost ? c.muted : c.text}">${escapeXml(fitText(node.name, textRight - left, 15, true))}</text>`,
  );

  const body = y + CARD.bodyTop;
  if (node.details.category === "gateway" || node.details.category === "listenerSet") {
    const listeners = node.details.listeners;
    listeners.forEach((row, i) =>
      out.push(drawListenerRow(row, x, body + i * CARD.listenerRow, width, c)),
    );
    const rows: Span[][] = [];
    if (listeners.length === 0)
      rows.push([{ text: ghost ? "referenced, not in input" : "no listeners", muted: true }]);
    if (node.reason && listeners.every((l) => l.ready)) rows.push(reasonRow(node, c));
    const top = body + listeners.length * CARD.listenerRow;
    rows.forEach((spans, i) =>
      out.push(drawRow(spans, left, top + i * CARD.row, textRight - left, c)),
    );
  } else {
    bodyRows(node, c).forEach((spans, i) =>
      out.push(drawRow(spans, left, body + i * CARD.row, textRight - left, c)),
    );
  }
  out.push("</g></g>");
  return out.join("");
}

function reasonRow(node: GraphNode, c: DiagramColors): Span[] {
  return [
    {
      text: node.reason ?? "",
      bold: true,
      color: node.status === "warning" ? c.warning : c.error,
    },
  ];
}

function bodyRows(node: GraphNode, c: DiagramColors): Span[][] {
  const d = node.details;
  const reason = node.reason && node.status !== "ok" ? [reasonRow(node, c)] : [];
  switch (d.category) {
    case "class":
      return [
        [
          {
            text:
              d.controllerName ?? (node.ghost ? "referenced, not in input" : "no controllerName"),
            muted: true,
          },
        ],
        ...(node.ghost ? [] : reason),
      ];
    case "route": {
      const accepted = d.parents.filter((p) => p.accepted).length;
      return [
        d.hostnames.length > 0
          ? [{ text: d.hostnames.join(", ") }]
          : [{ text: "any hostname", muted: true }],
        [
          {
            text: `${d.ruleCount} rule${d.ruleCount === 1 ? "" : "s"} · ${accepted}/${d.parents.length} accepted`,
            muted: true,
          },
        ],
        ...reason,
      ];
    }
    case "backend": {
      const ports = d.ports
        .map((p) => (p.name ? `${p.port} (${p.name})` : String(p.port)))
        .join(", ");
      const text = node.ghost
        ? "referenced, not in input"
        : d.ports.length > 0
          ? `ports ${ports}`
          : "no ports";
      return [[{ text, muted: true }], ...(node.ghost ? [] : reason)];
    }
    case "grant":
      return [
        ...d.from.map((f) => [{ text: "from ", muted: true }, { text: f }]),
        ...d.to.map((t) => [{ text: "to ", muted: true }, { text: t }]),
      ];
    case "policy":
      return [
        ...(d.targets.length === 0
          ? [[{ text: "no targets", muted: true }]]
          : d.targets.map((t) => [{ text: "→ ", muted: true }, { text: t }])),
        ...reason,
      ];
    case "other":
      return [
        ...d.items
          .slice(0, MAX_OTHER_ITEMS)
          .map((i) => [{ text: `${i.kind} `, muted: true }, { text: i.name }]),
        ...(d.items.length > MAX_OTHER_ITEMS
          ? [[{ text: `and ${d.items.length - MAX_OTHER_ITEMS} more`, muted: true }]]
          : []),
      ];
    default:
      return [];
  }
}

/** One 22px row at `top`, its spans cut to `maxWidth` in order. */
function drawRow(
  spans: readonly Span[],
  x: number,
  top: number,
  maxWidth: number,
  c: DiagramColors,
): string {
  let room = maxWidth;
  const parts: string[] = [];
  for (const span of spans) {
    if (room <= 0) break;
    const text = fitText(span.text, room, 12.5, span.bold);
    room -= textWidth(text, 12.5, span.bold);
    const color = span.color ?? (span.muted ? c.muted : c.text);
    parts.push(
      `<tspan fill="${color}"${span.bold ? ' font-weight="600"' : ""}>${escapeXml(text)}</tspan>`,
    );
    if (text.endsWith("…")) break;
  }
  return `<text x="${num(x)}" y="${num(top + 15.5)}" font-size="12.5" xml:space="preserve">${parts.join("")}</text>`;
}

/** name · protocol:port · hostname (or the reason it is not ready) · attachedRoutes, as on the canvas. */
function drawListenerRow(
  row: GraphListenerRow,
  cardX: number,
  top: number,
  cardWidth: number,
  c: DiagramColors,
): string {
  const state = row.conflicted ? c.error : row.ready ? c.ok : c.warning;
  const mid = top + CARD.listenerRow / 2;
  const innerLeft = cardX + CARD.bar;
  const innerRight = cardX + cardWidth - 1;
  const tooltip =
    row.message ??
    `${row.name}: ${row.protocol} ${row.port}${row.hostname ? ` ${row.hostname}` : ""}`;
  const out: string[] = [
    `<g><title>${escapeXml(row.reason ? `${row.reason}: ${tooltip}` : tooltip)}</title>`,
    `<line x1="${num(innerLeft)}" y1="${num(top + 0.5)}" x2="${num(innerRight)}" y2="${num(top + 0.5)}" stroke="${c.rowRule}"/>`,
    `<circle cx="${num(innerLeft + CARD.padX + 4)}" cy="${num(mid)}" r="4" fill="${state}"/>`,
  ];
  const count = String(row.attachedRoutes);
  const countWidth = Math.max(18, textWidth(count, 10.5, true) + 8);
  const countX = innerRight - 12 - countWidth;
  out.push(
    `<rect x="${num(countX)}" y="${num(mid - 8)}" width="${num(countWidth)}" height="16" rx="8" fill="${c.rowRule}"/>`,
    `<text x="${num(countX + countWidth / 2)}" y="${num(mid + 3.5)}" font-size="10.5" font-weight="600" fill="${c.text}" text-anchor="middle">${count}</text>`,
  );
  let at = innerLeft + CARD.padX + 10 + 6;
  const name = fitText(row.name, 90, 12, true);
  out.push(
    `<text x="${num(at)}" y="${num(mid + 4)}" font-size="12" font-weight="600" fill="${c.text}">${escapeXml(name)}</text>`,
  );
  at += Math.max(30, textWidth(name, 12, true)) + 6;
  const proto = `${row.protocol}:${row.port}`;
  out.push(
    `<text x="${num(at)}" y="${num(mid + 4)}" font-size="11" fill="${c.muted}">${escapeXml(proto)}</text>`,
  );
  at += textWidth(proto, 11) + 6;
  const notReady = row.conflicted || !row.ready;
  const host = fitText(row.reason ?? row.hostname ?? "*", countX - 6 - at, 12, notReady);
  out.push(
    `<text x="${num(at)}" y="${num(mid + 4)}" font-size="12" fill="${notReady ? state : c.muted}"${notReady ? ' font-weight="600"' : ""}>${escapeXml(host)}</text>`,
    "</g>",
  );
  return out.join("");
}
