/**
 * Named points on the page's performance timeline (one entry kept per name), so `npm run bench:ui`
 * can say where a keystroke's time goes: store revision, analysis sent/received/applied, markers
 * set, canvas committed. Costs a few microseconds; nothing in the app reads them.
 */
export function markTimeline(name: string): void {
  if (typeof performance === "undefined" || typeof performance.mark !== "function") return;
  performance.clearMarks(name);
  performance.mark(name);
}
