/**
 * Resource limits for parsing untrusted YAML. The loader runs in the browser's worker on text a
 * user pasted, so hostile input (alias bombs, huge or absurdly nested documents) must end in a
 * diagnostic quickly instead of exhausting memory or the stack.
 */
export interface LoadLimits {
  /** Largest single YAML document, in UTF-16 code units (≈ bytes for YAML text). */
  maxDocumentBytes: number;
  /** Passed to yaml's toJS: how many alias expansions one document may perform. */
  maxAliasCount: number;
  /**
   * Deepest nesting accepted (brackets, indentation columns, block indicators on a line); the yaml
   * library recurses per level and overflows the stack a few thousand levels down.
   */
  maxNestingDepth: number;
  /**
   * Largest workspace (all files together), in UTF-16 code units, and most documents in it
   * (workspaceLimit.ts): beyond them analysis memory, which grows with the objects, has no bound.
   */
  maxWorkspaceBytes: number;
  maxWorkspaceDocuments: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  maxDocumentBytes: 5 * 1024 * 1024,
  maxAliasCount: 100,
  maxNestingDepth: 1000,
  // Ten times the largest real input we know of (helm template of a whole monorepo: a few MB to
  // tens of MB); the engine's benchmarks go up to 100,000 documents, which is where its cost
  // was last measured (11 s, ~1.5 GB), so no more than that is taken on.
  maxWorkspaceBytes: 64 * 1024 * 1024,
  maxWorkspaceDocuments: 100_000,
};
