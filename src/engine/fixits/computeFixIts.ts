/**
 * Every fix-it gwsim can offer for a configuration, in a stable order: what the API server would
 * reject or drop first (suggested values, misspelt fields, missing ports), then ReferenceGrants, then listener admission.
 */
import type { AnalyzedRevision } from "../analyze";
import { indexResources } from "../resolve/indexResources";
import { buildBackendPortFixes } from "./buildBackendPortFixes";
import { buildListenerAdmissionFixes } from "./buildListenerAdmissionFixes";
import { buildReferenceGrantFixes } from "./buildReferenceGrantFixes";
import { buildRenamedFieldFixes } from "./buildRenamedFieldFixes";
import { buildSuggestedValueFixes } from "./buildSuggestedValueFixes";
import type { FixIt } from "./fixItTypes";
import { verifyFixIt } from "./verifyFixIt";

/**
 * Reads the analysed revision (its analysis, its index, the objects as written); only the proof of
 * each candidate analyses again, and that analyses the edited text.
 */
export function computeFixIts(revision: AnalyzedRevision): FixIt[] {
  const { analysis, index } = revision;
  // A misspelt field is absent from the typed view (the API server prunes it); moving its value is
  // an edit of the text, so that one fix reads the object as written.
  const written = indexResources(revision.written, analysis.world);
  const candidates = [
    ...buildSuggestedValueFixes(analysis.diagnostics),
    ...buildRenamedFieldFixes(analysis.diagnostics, written),
    ...buildBackendPortFixes(analysis.routes, index),
    ...buildReferenceGrantFixes(analysis.routes, index.byKey),
    ...buildListenerAdmissionFixes(analysis.explain, index),
  ];
  // Only what re-analysis proves: the generators propose, verifyFixIt decides.
  return candidates.filter((fix) => verifyFixIt(revision, fix));
}
