import type { Diagnostic, Manifest } from '../types';
import type { SourceLocator } from '../load/loadManifests';

export function validateManifests(_manifests: readonly Manifest[], _locator: SourceLocator): Diagnostic[] {
  return [];
}
