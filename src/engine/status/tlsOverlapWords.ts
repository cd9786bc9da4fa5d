/**
 * The message of OverlappingTLSConfig (applyListenerConflicts.ts decides who overlaps whom). An
 * on-demand part of the diagnostic words (diagnostics/diagnosticWordsModule.ts): only a Gateway
 * whose terminating listeners overlap asks.
 */
import type { ListenerState } from "./listenerState";

export function describeOverlap(a: ListenerState, b: ListenerState, where: string): string {
  if (!a.hostname)
    return `the listener has no hostname, so it matches every hostname, ${b.hostname ?? ""} of ${where} on port ${a.port} too`;
  if (!b.hostname)
    return `hostname ${a.hostname} is also matched by ${where}, which has no hostname, on port ${a.port}`;
  return `hostname ${a.hostname} overlaps ${b.hostname} of ${where} on port ${a.port}`;
}
