/**
 * Lint findings, fix-its and the isolation lens for the current text, computed in the engine
 * worker when the panel is open and the analysed revision changes. Kept in the panel (not the
 * store): nothing else reads them. An answer overtaken by a newer request is dropped.
 */
import { useEffect, useState } from 'react';
import type { FixIt, IsolationLens, LintFinding } from '../../engine';
import { useGwsimStore } from '../../store';
import { WORKSPACE_FILE } from '../../store/analysisSync';
import { getEngine } from '../../worker/engineClient';

export interface PlatformChecks {
  revision: number;
  findings: LintFinding[];
  fixIts: FixIt[];
  lens: IsolationLens;
}

export function usePlatformChecks(enabled: boolean): { checks: PlatformChecks | undefined; error: string | undefined } {
  const analysisRevision = useGwsimStore((s) => s.analysisRevision);
  const [checks, setChecks] = useState<PlatformChecks | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const { revision, text } = useGwsimStore.getState();
    const sources = [{ name: WORKSPACE_FILE, text }];
    getEngine()
      .platformChecks(revision, sources)
      .then((result) => {
        if (!current) return;
        setChecks(result);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (current) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      current = false;
    };
  }, [enabled, analysisRevision]);
  return { checks, error };
}

/** The unified diff a fix-it would make to the current text. */
export async function previewFix(fix: FixIt): Promise<string> {
  const { text } = useGwsimStore.getState();
  const preview = await getEngine().previewFixIt([{ name: WORKSPACE_FILE, text }], fix);
  if (preview === undefined) return '';
  if (preview.failed.length > 0) return `The fix no longer applies: ${preview.failed.join('; ')}`;
  return preview.diff;
}
