/**
 * Resource limits for parsing untrusted YAML. The loader runs in the browser's worker on text a
 * user pasted, so hostile input (alias bombs, huge or absurdly nested documents) must end in a
 * diagnostic quickly instead of exhausting memory or the stack.
 */
export interface LoadLimits {
  /** Largest single YAML document, in UTF-8 bytes (utf8Length.ts). */
  maxDocumentBytes: number;
  /** Passed to yaml's toJS: how many alias expansions one document may perform. */
  maxAliasCount: number;
  /**
   * Deepest nesting accepted (brackets, indentation columns, block indicators on a line); the yaml
   * library recurses per level and overflows the stack a few thousand levels down.
   */
  maxNestingDepth: number;
  /**
   * Largest workspace (all files together), in UTF-8 bytes as on disk, and most documents in it
   * (workspaceLimit.ts): beyond them analysis memory, which grows with the objects, has no bound.
   */
  maxWorkspaceBytes: number;
  maxWorkspaceDocuments: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  maxDocumentBytes: 5 * 1024 * 1024,
  maxAliasCount: 100,
  maxNestingDepth: 1000,
  // Real inputs are far below both: the largest corpus file is 430 KB (the HTTPRoute CRD), a
  // helm template of a whole monorepo a few MB to tens of MB. The engine's benchmarks go to
  // 100,000 routes (about 96 MB in 100,002 documents), so 256 MiB and 200,000 documents leave
  // that scale twice over (a first cap of 64 MiB cut the benchmark). What the caps bound: `gwsim
  // check` on 20 MB of routes (70,000 documents, each with a note) took 1.8 GB RSS and 42 s CPU,
  // linear in documents; over the cap, nothing more is taken on.
  maxWorkspaceBytes: 256 * 1024 * 1024,
  maxWorkspaceDocuments: 200_000,
};
