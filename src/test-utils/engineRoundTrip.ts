/**
 * For UI unit tests that must prove a canvas gesture's YAML against the real engine (analyse,
 * apply the edit, analyse again). The UI itself reaches the engine only through the worker and the
 * store; tests may check its output directly.
 */
export { analyze, applyEdits, readField } from "../engine";
