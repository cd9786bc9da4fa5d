import type { Manifest } from '../types';

export interface ResourceIndex {
  manifests: readonly Manifest[];
}

export function indexResources(manifests: readonly Manifest[]): ResourceIndex {
  return { manifests };
}
