/**
 * What turns a gesture on the canvas, the palette or the inspector into YAML edits: a drawn
 * connection's or a deletion's plan (canvasEdits.ts) and the intents' edit operations
 * (intentToEditOps.ts). Loaded on first use, and fetched after the first graph (AppLayout), since
 * drawing the graph never needs it (loadCanvasEditing.ts).
 */
export { planConnection, planDeletion } from "./canvasEdits";
export { intentsToEditOps } from "./intentToEditOps";
