/**
 * Kebab-case ids for test hooks and DOM ids: "HTTPRoute/team-b/shop" → "httproute-team-b-shop".
 * One definition, so a test id written from a key in one panel matches the same key elsewhere.
 */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
