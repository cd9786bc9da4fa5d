/**
 * Lint findings, fix-its and the isolation lens for the current text, computed in the engine
 * worker while the panel is open, as a query keyed by the analysed revision (the controller's
 * worker queries: a query the panel no longer watches is cancelled, and its answer dropped).
 * Kept in the panel (not the store): nothing else reads them.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { FixIt } from "../../engine";
import { useGwsimStore } from "../../store";
import { WORKSPACE_FILE, type PlatformChecks } from "../../store/controller";
import { selectAnalysisRevisionWhile } from "../../store/selectors";
import { getEngine } from "../../worker/engineClient";
import { appController } from "../app/appController";

export type { PlatformChecks };

export function usePlatformChecks(enabled: boolean): {
  checks: PlatformChecks | undefined;
  error: string | undefined;
} {
  // Closed, the panel neither re-renders per analysis nor builds a (disabled) query per revision.
  const analysisRevision = useGwsimStore(selectAnalysisRevisionWhile(enabled));
  const query = useQuery({
    ...appController.platformChecksQuery(analysisRevision),
    enabled,
    // The previous revision's findings stay on screen until the new ones arrive (no flicker).
    placeholderData: keepPreviousData,
  });
  const error = query.error
    ? query.error instanceof Error
      ? query.error.message
      : String(query.error)
    : undefined;
  return { checks: query.data, error };
}

/** The unified diff a fix-it would make to the current text. */
export async function previewFix(fix: FixIt): Promise<string> {
  const { text } = useGwsimStore.getState();
  const preview = await getEngine().previewFixIt([{ name: WORKSPACE_FILE, text }], fix);
  if (preview === undefined) return "";
  if (preview.failed.length > 0) return `The fix no longer applies: ${preview.failed.join("; ")}`;
  return preview.diff;
}
