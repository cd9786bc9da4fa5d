/** An ingress-nginx trace as text, laid out like printTrace's Gateway API traces. */
import type { IngressTrace } from "./routeIngressRequest";

export function printIngressTrace(trace: IngressTrace): string {
  const lines: string[] = [];
  lines.push(`Class      ${trace.className}`);
  lines.push(`Server     ${trace.server.name} — ${trace.server.why}`);
  if (trace.candidates.length > 0) {
    lines.push("Locations (in the order nginx.tmpl writes them)");
    for (const c of trace.candidates) {
      const mark = c.matched ? "✓" : "✗";
      const win = trace.location === c.location && c.matched ? "  ← chosen" : "";
      lines.push(
        `  ${mark} location ${c.location}${c.ingress ? ` (Ingress ${c.ingress})` : ""}: ${c.detail}${win}`,
      );
    }
  }
  for (const s of trace.steps) lines.push(`${s.step.padEnd(10)} ${s.detail}`);
  const o = trace.outcome;
  lines.push(
    `Outcome    ${o.kind} · ${o.status}${o.redirect ? ` → ${o.redirect.location}` : ""}${o.backends.length > 0 ? ` → ${o.backends.map((b) => `${b.target}${b.share < 1 ? ` (${Math.round(b.share * 10000) / 100}%)` : ""}`).join(", ")}` : ""}`,
  );
  lines.push(`           ${o.reason}`);
  if (o.request) lines.push(`Backend receives  ${o.request.host} ${o.request.path}`);
  return lines.join("\n");
}
