/**
 * The Export menu's diagram actions: the graph as the canvas draws it (same positions, sizes and
 * stale handling), as an SVG file or rendered by the browser into a PNG. Nothing leaves the page:
 * the SVG becomes a blob: URL, the PNG is drawn on a canvas in this document.
 */
import type { GwsimState } from "../../store";
import { selectStaleKeys } from "../../store/selectors";
import { mergeStaleGraph } from "../canvas/mergeStaleGraph";
import { toFlowElements } from "../canvas/toFlowElements";
import { buildDiagramSvg, type DiagramSvg } from "./buildDiagramSvg";
import type { DiagramTheme } from "./diagramTheme";

export const PNG_SCALE = 2;
/** Chromium refuses canvases beyond 16384 px a side or about 268 M pixels; stay well inside. */
const MAX_CANVAS_SIDE = 16_000;
const MAX_CANVAS_PIXELS = 120_000_000;

/** The picture on screen as a standalone SVG; undefined while there is no analysis to draw. */
export function diagramOf(
  state: GwsimState,
  title?: string,
  theme: DiagramTheme = "light",
): DiagramSvg | undefined {
  const staleKeys = selectStaleKeys(state);
  const graph = mergeStaleGraph(state.analysis?.graph, state.lastGoodAnalysis?.graph, staleKeys);
  if (!graph) return undefined;
  const { nodes, edges } = toFlowElements({
    graph,
    positions: state.positions,
    autoPositions: state.autoPositions,
    selected: undefined,
    stale: new Set<string>(staleKeys),
  });
  return buildDiagramSvg({ nodes, edges, theme, ...(title === undefined ? {} : { title }) });
}

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download synchronously; the URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function svgBlob(diagram: DiagramSvg): Blob {
  return new Blob([diagram.svg], { type: "image/svg+xml" });
}

/** The scale actually used: PNG_SCALE unless that would exceed what a canvas can hold. */
export function pngScale(width: number, height: number): number {
  const bySide = MAX_CANVAS_SIDE / Math.max(width, height);
  const byArea = Math.sqrt(MAX_CANVAS_PIXELS / (width * height));
  return Math.min(PNG_SCALE, bySide, byArea);
}

/** Draws the SVG (which paints its own background) onto a canvas at `pngScale` and encodes it as PNG. */
export async function renderDiagramPng(
  diagram: DiagramSvg,
): Promise<{ blob: Blob; width: number; height: number }> {
  const scale = pngScale(diagram.width, diagram.height);
  const width = Math.max(1, Math.round(diagram.width * scale));
  const height = Math.max(1, Math.round(diagram.height * scale));
  const url = URL.createObjectURL(svgBlob(diagram));
  try {
    const image = new Image(diagram.width, diagram.height);
    image.decoding = "async";
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d");
    if (!context) throw new Error("the browser gave no 2D canvas");
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob)
      throw new Error("the browser could not encode the PNG (the picture may be too large)");
    return { blob, width, height };
  } finally {
    URL.revokeObjectURL(url);
  }
}
