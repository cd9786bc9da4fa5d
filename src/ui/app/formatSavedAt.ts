/** A named workspace's save time as the Open saved list shows it (the raw text if unreadable). */
export function formatSavedAt(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });
}
