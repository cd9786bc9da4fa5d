/**
 * Predicted GitOps health as a text table for `gwsim check --health argocd|flux`: one row per
 * Gateway API object with the health, the tool's own word when it differs, and the reason.
 */
import { describeHealthObject, type HealthPrediction } from "./predictHealth";

const TOOL_NAMES = { argocd: "Argo CD", flux: "Flux" } as const;

export function printHealthTable(predictions: readonly HealthPrediction[]): string {
  if (predictions.length === 0) return "";
  const tool = predictions[0]?.tool ?? "argocd";
  const rows = predictions.map((p) => [
    describeHealthObject(p),
    p.toolStatus === p.status ? p.status : `${p.status} (${p.toolStatus})`,
    p.reason,
  ]);
  const widths = [0, 1].map((i) =>
    rows.reduce(
      (max, r) => Math.max(max, r[i]?.length ?? 0),
      i === 0 ? "object".length : "health".length,
    ),
  );
  const line = (cells: readonly string[]) =>
    `  ${(cells[0] ?? "").padEnd(widths[0] ?? 0)}  ${(cells[1] ?? "").padEnd(widths[1] ?? 0)}  ${cells[2] ?? ""}`.trimEnd();
  return `Health as ${TOOL_NAMES[tool]} would show it\n${[line(["object", "health", "reason"]), ...rows.map(line)].join("\n")}\n`;
}
