import type { GraphNode } from "../../engine";

/** The status pill's words, on the canvas card and in the exported diagram alike. */
export const NODE_STATUS_TEXT: Record<GraphNode["status"], string> = {
  ok: "OK",
  warning: "Degraded",
  error: "Rejected",
  unknown: "No status",
  missing: "Not in input",
};
