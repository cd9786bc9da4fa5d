/**
 * What the mesh parents' pass of a route found that the Gateway parents' pass did not
 * (RouteResolution.meshView, resolveRoute.ts), reported once. In the on-demand diagnostic words
 * (diagnostics/diagnosticWordsModule.ts): only a route whose backendRef a ReferenceGrant refused
 * for its Gateway parents has a mesh view, so nearly every input is analysed without it (the
 * first such input of a session costs one retry).
 */
import type { Manifest } from "../types";
import type { RouteResolution } from "./resolveRoute";
import { recordAssumption, reportDiagnostic, type StatusContext } from "./statusContext";

export function reportMeshView(ctx: StatusContext, m: Manifest, resolution: RouteResolution): void {
  const view = resolution.meshView as NonNullable<RouteResolution["meshView"]>;
  const seen = new Set<string>();
  const key = (path: (string | number)[], text: string) => `${path.join("\u0000")}\u0000${text}`;
  for (const n of resolution.readingNotes) seen.add(key(n.path, n.message));
  for (const p of resolution.refProblems) if (p.missing) seen.add(key(p.path, p.missing));
  const noteOf = (a: RouteResolution["assumptions"][number]) =>
    key(a.path, `${a.note.code} ${a.note.kind} ${a.note.namespace} ${a.note.name ?? ""}`);
  for (const a of resolution.assumptions) seen.add(noteOf(a));
  for (const n of view.readingNotes)
    if (!seen.has(key(n.path, n.message)))
      reportDiagnostic(ctx, "reading.applied", m, n.path, n.message);
  for (const p of view.refProblems)
    if (p.missing && !seen.has(key(p.path, p.missing)))
      reportDiagnostic(
        ctx,
        "ref.not-found",
        m,
        p.path,
        `${p.missing} is not in the input, so the route reports ${p.reason} for it to its Service parents.`,
      );
  // Each reference is counted once: both passes assume alike what they both reach.
  for (const a of view.assumptions)
    if (!seen.has(noteOf(a))) recordAssumption(ctx, a.note, m, a.path);
}
