/**
 * The drift stage as one on-demand engine module (modules/engineModules.ts): it only has work when
 * an object carries a controller's status (hasControllerStatus), which the default example and
 * most hand-written workspaces do not.
 */
export { compareControllerStatus } from "./compareControllerStatus";
export { driftDiagnostics } from "./driftDiagnostics";
