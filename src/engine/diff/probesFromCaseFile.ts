/**
 * The requests of a case file (the `gwsim test` format) as probes for diffRevisions: the
 * top-level `requests` and those of every step, sent as written. Steps' apply/delete are not
 * replayed: the revisions compared are the manifests given, so each request is named with its
 * step for the reader.
 */
import type { CaseFile } from "../conformance/caseTypes";
import { toSimRequest } from "../conformance/toSimRequest";
import type { DiffProbe } from "./diffTypes";

export function probesFromCaseFile(caseFile: CaseFile): DiffProbe[] {
  const origin = { source: "case-file" as const, file: caseFile.file };
  const probes: DiffProbe[] = caseFile.requests.map((rc) => ({
    name: `${caseFile.name} › ${rc.name}`,
    origin,
    request: toSimRequest(rc),
  }));
  caseFile.steps.forEach((step, i) => {
    for (const rc of step.requests)
      probes.push({
        name: `${caseFile.name} › step ${i + 1} › ${rc.name}`,
        origin,
        request: toSimRequest(rc),
      });
  });
  return probes;
}
