/**
 * The door every stage after validation comes through: load (text → raw objects), then validate
 * (raw objects → typed views with located diagnostics). Only the typed manifests leave; the raw
 * parse stays inside load/ and validate/.
 */
import { loadManifests, type LoadLimits, type SourceLocator } from "../load/loadManifests";
import type { ParseCache } from "../load/parseCache";
import type { Diagnostic, Manifest, SourceFile } from "../types";
import { validateManifests } from "./validateManifests";

export interface ValidatedLoad {
  /** Typed views (validateSchema.ts), in input order. */
  manifests: Manifest[];
  /** What the loader found (syntax, limits, duplicates), then what validation found. */
  loadDiagnostics: Diagnostic[];
  validationDiagnostics: Diagnostic[];
  locator: Required<SourceLocator>;
  /**
   * The objects as written, before validation prunes what the API server would drop. Only the
   * renamed-field fix-it reads them (it moves a misspelt field's value, which the typed view lacks).
   */
  written: Manifest[];
}

export function loadValidated(
  sources: readonly SourceFile[],
  cache?: ParseCache,
  limits: Partial<LoadLimits> = {},
): ValidatedLoad {
  const loaded = loadManifests(sources, limits, cache);
  // Validation results are kept for the next load only when it can hand on the same objects.
  const validated = validateManifests(loaded.manifests, loaded.locator, cache !== undefined);
  return {
    manifests: validated.manifests,
    loadDiagnostics: loaded.diagnostics,
    validationDiagnostics: validated.diagnostics,
    locator: loaded.locator,
    written: loaded.manifests,
  };
}
