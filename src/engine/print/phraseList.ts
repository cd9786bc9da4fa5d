/**
 * Lists in wording, kept readable. Its own module: the status stage runs it on every workspace,
 * while the rest of print/ (capValue.ts and the printers) loads only where wording is capped or
 * printed.
 */
/**
 * The most items a sentence lists: a route's status naming every listener of a Gateway with
 * thousands of ListenerSet listeners, or a trace's assumed objects, would otherwise be one
 * unreadable line or page. The data (status fields, trace lists) keeps every item.
 */
export const MAX_LISTED = 10;

/** The items joined, or the first MAX_LISTED and "…and N more". */
export function phraseList(items: readonly string[], separator: string): string {
  if (items.length <= MAX_LISTED) return items.join(separator);
  return `${items.slice(0, MAX_LISTED).join(separator)}${separator}…and ${items.length - MAX_LISTED} more`;
}
