/**
 * Arrow-key movement between canvas nodes, by where they are drawn: Left/Right go to the nearest
 * node in the neighbouring column, Up/Down to the nearest node above or below in the same column
 * (falling back to the nearest one in that direction anywhere). Pure, so it is unit-tested.
 */
import type { Rect } from "./legibleViewport";

export type ArrowKey = "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown";

export interface NavBox extends Rect {
  id: string;
}

export function isArrowKey(key: string): key is ArrowKey {
  return key === "ArrowLeft" || key === "ArrowRight" || key === "ArrowUp" || key === "ArrowDown";
}

/** The node an arrow key moves to from `fromId`, or undefined when there is none that way. */
export function nextNodeInDirection(
  boxes: readonly NavBox[],
  fromId: string,
  key: ArrowKey,
): string | undefined {
  const from = boxes.find((b) => b.id === fromId);
  if (!from) return undefined;
  const c = centre(from);
  const horizontal = key === "ArrowLeft" || key === "ArrowRight";
  const sign = key === "ArrowRight" || key === "ArrowDown" ? 1 : -1;
  let best: { id: string; score: number } | undefined;
  for (const b of boxes) {
    if (b.id === fromId) continue;
    const p = centre(b);
    // Along: distance in the key's direction; across: sideways distance.
    const along = (horizontal ? p.x - c.x : p.y - c.y) * sign;
    const across = Math.abs(horizontal ? p.y - c.y : p.x - c.x);
    // Boxes that overlap the current one along the axis are "beside", not "ahead".
    const overlapsAlong = horizontal
      ? overlaps(b.x, b.width, from.x, from.width)
      : overlaps(b.y, b.height, from.y, from.height);
    if (along <= 0 || overlapsAlong) continue;
    // Same column (Up/Down) or same row band (Left/Right) first: sideways distance costs more.
    const sameLane = horizontal ? true : overlaps(b.x, b.width, from.x, from.width);
    const score = (sameLane ? 0 : 1e6) + along + across * (horizontal ? 1.5 : 3);
    if (!best || score < best.score || (score === best.score && b.id < best.id))
      best = { id: b.id, score };
  }
  return best?.id;
}

/** The node keyboard focus starts on: the top of the leftmost column. */
export function firstNode(boxes: readonly NavBox[]): string | undefined {
  let best: NavBox | undefined;
  for (const b of boxes) {
    if (
      !best ||
      b.x < best.x - COLUMN_SLACK ||
      (Math.abs(b.x - best.x) <= COLUMN_SLACK && b.y < best.y)
    )
      best = b;
  }
  return best?.id;
}

const COLUMN_SLACK = 40;

function centre(r: Rect): { x: number; y: number } {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

function overlaps(a: number, aSize: number, b: number, bSize: number): boolean {
  return a < b + bSize && b < a + aSize;
}
