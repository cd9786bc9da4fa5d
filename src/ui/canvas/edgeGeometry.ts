/**
 * The curve of one edge, shared by the canvas (StatusEdge) and the exported diagram so both bend
 * alike. Edges between the same two nodes (one per rule, one per parentRef) would otherwise lie
 * exactly on top of each other with their labels stacked, so each gets a lane: its control points
 * move up or down by a lane's height, which moves the curve's middle (where the label sits) by
 * 3/4 of that, so neighbouring labels stay LANE_GAP apart.
 */
export type Side = "left" | "right" | "top" | "bottom";

export interface Anchor {
  x: number;
  y: number;
  side: Side;
}

export interface Curve {
  d: string;
  points: [number, number][];
  labelX: number;
  labelY: number;
}

/** Vertical distance between the labels of neighbouring lanes (a label is about 18 px high). */
export const LANE_GAP = 24;

/** React Flow's default bezier (curvature 0.25), bent into `lane` (0 = the plain curve; ±0.5, ±1… for parallel edges). */
export function laneBezier(from: Anchor, to: Anchor, lane = 0): Curve {
  const shift = (lane * LANE_GAP) / 0.75;
  const c1 = control(from, to);
  const c2 = control(to, from);
  c1[1] += shift;
  c2[1] += shift;
  const labelX = from.x * 0.125 + c1[0] * 0.375 + c2[0] * 0.375 + to.x * 0.125;
  const labelY = from.y * 0.125 + c1[1] * 0.375 + c2[1] * 0.375 + to.y * 0.125;
  return {
    d: `M${num(from.x)},${num(from.y)} C${num(c1[0])},${num(c1[1])} ${num(c2[0])},${num(c2[1])} ${num(to.x)},${num(to.y)}`,
    points: [[from.x, from.y], c1, c2, [to.x, to.y]],
    labelX,
    labelY,
  };
}

function control(at: Anchor, other: Anchor): [number, number] {
  const offset = (distance: number) =>
    distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
  switch (at.side) {
    case "left":
      return [at.x - offset(at.x - other.x), at.y];
    case "right":
      return [at.x + offset(other.x - at.x), at.y];
    case "top":
      return [at.x, at.y - offset(at.y - other.y)];
    case "bottom":
      return [at.x, at.y + offset(other.y - at.y)];
  }
}

function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * Lanes for edges that join the same two nodes (in either direction): centred on 0, in input
 * order (rules and parentRefs come in YAML order, so rule 0 sits above rule 1). Edges alone
 * between their nodes get no entry.
 */
export function parallelLanes(
  edges: readonly { id: string; source: string; target: string }[],
): Map<string, number> {
  const groups = new Map<string, string[]>();
  for (const e of edges) {
    const pair =
      e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    const list = groups.get(pair);
    if (list) list.push(e.id);
    else groups.set(pair, [e.id]);
  }
  const lanes = new Map<string, number>();
  for (const ids of groups.values()) {
    if (ids.length < 2) continue;
    ids.forEach((id, i) => lanes.set(id, i - (ids.length - 1) / 2));
  }
  return lanes;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The node's id, so the edge's own ends can be skipped without copying the list per edge. */
  id?: string;
}

/** How far (in lanes, each way) an edge may bend to get around a node before it gives up. */
const MAX_DETOUR_LANES = 8;
const SAMPLES = 32;
/** Clearance kept from a node's border, so a curve does not graze it. */
const CLEARANCE = 6;

/** Finds the boxes that may lie in a region (BoxGrid), so a large graph is not scanned per edge. */
export interface BoxIndex {
  near(left: number, top: number, right: number, bottom: number): readonly Box[];
}

/** The region of the canvas an edge's lane search looks at (bounds inclusive). */
interface LaneRegion {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/**
 * Where clearLane looks for nodes in an edge's way: the curve's hull across, its ends' heights
 * widened by the largest detour up and down. Only boxes overlapping it can change the lane.
 */
function laneRegion(from: Anchor, to: Anchor, lane: number): LaneRegion {
  const reach = ((MAX_DETOUR_LANES + Math.abs(lane)) * LANE_GAP) / 0.75 + CLEARANCE;
  const xs = laneBezier(from, to, lane).points.map((p) => p[0]);
  return {
    minX: xs.reduce((a, x) => Math.min(a, x), Infinity),
    maxX: xs.reduce((a, x) => Math.max(a, x), -Infinity),
    minY: Math.min(from.y, to.y) - reach,
    maxY: Math.max(from.y, to.y) + reach,
  };
}

/** True when a box overlaps a region (what clearLane's filter keeps). */
function boxInRegion(b: Box, r: LaneRegion): boolean {
  return b.right >= r.minX && b.left <= r.maxX && b.bottom >= r.minY && b.top <= r.maxY;
}

/**
 * The lane for an edge that should not run underneath the nodes in `obstacles` (nodes other than
 * its own ends): `lane` when that curve is clear, else the nearest lane either side that is, else
 * `lane` (the obstacle sits too close to an end for any bend to clear it).
 */
export function clearLane(
  from: Anchor,
  to: Anchor,
  lane: number,
  obstacles: readonly Box[] | BoxIndex,
  ends: readonly string[] = [],
): number {
  return routeLane(from, to, lane, obstacles, ends).lane;
}

/**
 * clearLane's answer, and the curves it tried on the way. Only a box that takes in a sample of one
 * of those curves (within the clearance) can change the answer: that is what crossing means here.
 */
export function routeLane(
  from: Anchor,
  to: Anchor,
  lane: number,
  obstacles: readonly Box[] | BoxIndex,
  ends: readonly string[] = [],
): { lane: number; tried: Curve[] } {
  const first = laneBezier(from, to, lane);
  const tried = [first];
  if (Array.isArray(obstacles) && obstacles.length === 0) return { lane, tried };
  // Only nodes near the curve's widest possible bend can be in its way.
  const region = laneRegion(from, to, lane);
  const candidates = isBoxIndex(obstacles)
    ? obstacles.near(region.minX, region.minY, region.maxX, region.maxY)
    : obstacles;
  const near = candidates.filter(
    (b) => boxInRegion(b, region) && (b.id === undefined || !ends.includes(b.id)),
  );
  if (near.length === 0 || !crosses(first, near)) return { lane, tried };
  for (let step = 1; step <= MAX_DETOUR_LANES; step++) {
    for (const direction of [-1, 1]) {
      const candidate = lane + direction * step;
      const curve = laneBezier(from, to, candidate);
      tried.push(curve);
      if (!crosses(curve, near)) return { lane: candidate, tried };
    }
  }
  return { lane, tried };
}

/** True when the curve runs through the box or within the clearance of it (clearLane's test). */
export function curveCrossesBox(curve: Curve, box: Box): boolean {
  return crosses(curve, [box]);
}

/**
 * The bounds of some curves' control points, a hair wider than exact: a cubic Bézier stays inside
 * its control points' hull, so every sample curveCrossesBox takes lies within them (the margin
 * covers the rounding of a sample computed from those points).
 */
export function curvesBounds(curves: readonly Curve[]): Box {
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (const curve of curves)
    for (const [x, y] of curve.points) {
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      if (y > bottom) bottom = y;
    }
  const margin =
    1e-6 * (1 + Math.max(Math.abs(left), Math.abs(right), Math.abs(top), Math.abs(bottom)));
  return { left: left - margin, top: top - margin, right: right + margin, bottom: bottom + margin };
}

/**
 * False when no curve within `bounds` (curvesBounds) can cross the box: a cheap test that spares
 * curveCrossesBox's samples for boxes far from the curves. True says only "maybe".
 */
export function mayCrossBox(bounds: Box, box: Box): boolean {
  return (
    bounds.right > box.left - CLEARANCE &&
    bounds.left < box.right + CLEARANCE &&
    bounds.bottom > box.top - CLEARANCE &&
    bounds.top < box.bottom + CLEARANCE
  );
}

function isBoxIndex(obstacles: readonly Box[] | BoxIndex): obstacles is BoxIndex {
  return !Array.isArray(obstacles);
}

function crosses(curve: Curve, boxes: readonly Box[]): boolean {
  const [p0, p1, p2, p3] = curve.points as [
    [number, number],
    [number, number],
    [number, number],
    [number, number],
  ];
  for (let i = 1; i < SAMPLES; i++) {
    const t = i / SAMPLES;
    const u = 1 - t;
    const x = u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0];
    const y = u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1];
    for (const b of boxes)
      if (
        x > b.left - CLEARANCE &&
        x < b.right + CLEARANCE &&
        y > b.top - CLEARANCE &&
        y < b.bottom + CLEARANCE
      )
        return true;
  }
  return false;
}
