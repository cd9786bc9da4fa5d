/**
 * Every fix-it gwsim can offer for a configuration, in a stable order: what the API server would
 * reject or drop first (suggested values, misspelt fields, missing ports), then ReferenceGrants, then listener admission.
 */
import { analyze } from '../analyze';
import type { Analysis } from '../analysisTypes';
import { loadManifests } from '../load/loadManifests';
import { loadValidated } from '../validate/loadValidated';
import type { ParseCache } from '../load/parseCache';
import { indexResources } from '../resolve/indexResources';
import type { SourceFile } from '../types';
import { buildBackendPortFixes } from './buildBackendPortFixes';
import { buildListenerAdmissionFixes } from './buildListenerAdmissionFixes';
import { buildReferenceGrantFixes } from './buildReferenceGrantFixes';
import { buildRenamedFieldFixes } from './buildRenamedFieldFixes';
import { buildSuggestedValueFixes } from './buildSuggestedValueFixes';
import type { FixIt } from './fixItTypes';
import { verifyFixIt } from './verifyFixIt';

/** `parseCache` as for analyze(): the designer passes the one its analysis used. */
export function computeFixIts(sources: readonly SourceFile[], analysis: Analysis = analyze(sources), parseCache?: ParseCache): FixIt[] {
  const index = indexResources(loadValidated(sources, parseCache).manifests, analysis.world);
  // A misspelt field is absent from the typed view (the API server prunes it); moving its value is
  // an edit of the text, so that one fix reads the object as written.
  const written = indexResources(loadManifests(sources, {}, parseCache).manifests, analysis.world);
  const candidates = [
    ...buildSuggestedValueFixes(analysis.diagnostics),
    ...buildRenamedFieldFixes(analysis.diagnostics, written),
    ...buildBackendPortFixes(analysis.routes, index),
    ...buildReferenceGrantFixes(analysis.routes, index.byKey),
    ...buildListenerAdmissionFixes(analysis.explain, index),
  ];
  // Only what re-analysis proves: the generators propose, verifyFixIt decides.
  return candidates.filter((fix) => verifyFixIt(sources, analysis, fix, parseCache));
}
