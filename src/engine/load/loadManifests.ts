import type { Diagnostic, FieldPath, Manifest, SourceFile, SourceLocation } from '../types';

/** Maps a field path inside a loaded object to where it was written. Internal to the engine. */
export interface SourceLocator {
  locate(manifest: Manifest, path: FieldPath): SourceLocation;
}

export interface LoadResult {
  manifests: Manifest[];
  diagnostics: Diagnostic[];
  locator: SourceLocator;
}

export function loadManifests(_sources: readonly SourceFile[]): LoadResult {
  throw new Error('loadManifests: not yet implemented');
}
