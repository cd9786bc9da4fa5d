/**
 * Evaluating this module registers the engine's editor (editEngine.ts). Loaded lazily; a lazy
 * panel whose buttons edit synchronously (fix-its, the rollout's weight edits) imports it so the
 * editor is there before the panel can be used.
 */
import { applyEdits, readField } from "../engine";
import { registerEditEngine } from "./editEngine";

registerEditEngine({ applyEdits, readField });
