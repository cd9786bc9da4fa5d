/**
 * Analysis now follows the text through the controller (controller.ts startAnalysis) under the
 * one latest-wins rule of workerQueries.ts. The workspace's file name stays importable here.
 */
export { ANALYSIS_DEBOUNCE_MS, WORKSPACE_FILE } from "./controller";
