/**
 * Where each node's connection handles are, in the node's own coordinates, given up front to
 * React Flow (`handles` on the node). Without them React Flow must mount every node once to
 * measure its handles before it can draw an edge or leave off-screen nodes out
 * (onlyRenderVisibleElements): at 1,000 objects that first mount of every card was most of the
 * time from import to a usable graph. With them it mounts only the nodes on screen.
 *
 * The numbers are what the browser lays out from canvas.css and React Flow's style.css
 * (box-sizing: border-box everywhere), so an edge ends exactly where it did when React Flow measured
 * the DOM; e2e/first-load.spec.ts compares them with the drawn handles of every example.
 * - Card (`.gn`): a 1 px border with a 4 px status border on the left; handles are 10 × 10
 *   (`.gn .gn-handle`) and centred on the padding box's edge (React Flow's translate(±50%)).
 *   So "in" sits at x = 4 − 5, "out" at x = (width − 1) − 5, both at mid-height; on gateways and
 *   ListenerSets "out" sits beside the name instead (GraphNodeView: top 30 px, below the 1 px border).
 * - Listener rows (`.gn-listener`, 26 px, 1 px top border) start below the 6 px padding, 16 px head
 *   and 22 px name; their handle is centred on the row's middle and 6 px outside the card
 *   (`.gn .gn-handle--listener { right: -6px }`).
 * - A ReferenceGrant's "grant" handle is centred on the top border of the padding box.
 * - Namespace frames keep React Flow's 6 × 6 handle on the top edge of the frame's node box.
 *
 * The layout (src/layout/nodeSize.ts) uses its own, rounder anchor for listener rows; it only
 * orders routes and is not where edges are drawn.
 */
import type { GraphNode } from "../../engine";
import { GRANT_HANDLE, IN_HANDLE, OUT_HANDLE, listenerHandle } from "./flowTypes";
import { Position, type NodeHandle } from "@xyflow/react";

const CARD_HANDLE = 10;
const BORDER = 1;
const STATUS_BORDER = 4;
/** GraphNodeView's `style={{ top: 30 }}` for the whole-gateway handle. */
const GATEWAY_OUT_TOP = 30;
/** Padding-top (6) + head (16) + name (22) + the 1 px border: where the first listener row starts. */
const FIRST_LISTENER_ROW = BORDER + 6 + 16 + 22;
const LISTENER_ROW = 26;
const LISTENER_ROW_BORDER = 1;
/** `.gn .gn-handle--listener { right: -6px }`, measured from the padding box's right edge. */
const LISTENER_HANDLE_OUTSET = 6;
const FRAME_HANDLE = 6;

/** The handles GraphNodeView draws for `node` at its drawn size. */
export function graphNodeHandles(
  node: GraphNode,
  size: { width: number; height: number },
): NodeHandle[] {
  const { width, height } = size;
  const half = CARD_HANDLE / 2;
  const card = (
    id: string,
    type: "source" | "target",
    position: Position,
    centre: { x: number; y: number },
  ): NodeHandle => ({
    id,
    type,
    position,
    x: centre.x - half,
    y: centre.y - half,
    width: CARD_HANDLE,
    height: CARD_HANDLE,
  });
  const d = node.details;
  const listenerNode = d.category === "gateway" || d.category === "listenerSet";
  const handles: NodeHandle[] = [
    card(IN_HANDLE, "target", Position.Left, { x: STATUS_BORDER, y: height / 2 }),
  ];
  if (listenerNode)
    for (const [i, l] of d.listeners.entries())
      handles.push(
        card(listenerHandle(l.name), "source", Position.Right, {
          x: width - BORDER + LISTENER_HANDLE_OUTSET,
          y:
            FIRST_LISTENER_ROW +
            i * LISTENER_ROW +
            LISTENER_ROW_BORDER +
            (LISTENER_ROW - LISTENER_ROW_BORDER) / 2,
        }),
      );
  handles.push(
    card(OUT_HANDLE, "source", Position.Right, {
      x: width - BORDER,
      y: listenerNode ? BORDER + GATEWAY_OUT_TOP : height / 2,
    }),
  );
  if (d.category === "grant")
    handles.push(
      card(GRANT_HANDLE, "source", Position.Top, {
        x: STATUS_BORDER + (width - STATUS_BORDER - BORDER) / 2,
        y: BORDER,
      }),
    );
  return handles;
}

/** NamespaceFrame's one handle, where grant edges arrive. */
export function frameHandles(size: { width: number; height: number }): NodeHandle[] {
  return [
    {
      id: IN_HANDLE,
      type: "target",
      position: Position.Top,
      x: size.width / 2 - FRAME_HANDLE / 2,
      y: -FRAME_HANDLE / 2,
      width: FRAME_HANDLE,
      height: FRAME_HANDLE,
    },
  ];
}
