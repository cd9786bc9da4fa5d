/**
 * The Problems panel's rows are the engine's (engine/present/problems.ts): the designer, the
 * canvas and the CLI print the same words. Re-exported here for the store's selectors.
 */
export { listProblems as computeProblems } from "../engine/present";
export type { Problem, ProblemKind } from "../engine/present";
