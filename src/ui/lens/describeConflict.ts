/**
 * How the designer's lens names the earlier selector an assumption contradicts (a refused cell,
 * a NetworkPolicy peer that cannot hold), as the CLI lens does: the listener it belongs to when
 * it is a listener of the table, otherwise what it is, and always where it is written.
 */
import type { IsolationConflict, IsolationListener } from "../../engine";
import { displayKey } from "../../engine/present";

export function describeConflict(
  conflict: IsolationConflict,
  listeners: readonly IsolationListener[],
): string {
  const listener = listeners.find((l) => l.id === conflict.listener);
  const what =
    listener === undefined
      ? conflict.site
      : `${displayKey(listener.gateway)} · ${listener.listener}`;
  return `✗ conflicts with ${what} (${conflict.file}:${conflict.line}:${conflict.column})`;
}
