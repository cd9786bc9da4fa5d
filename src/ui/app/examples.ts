/** The bundled examples (fixtures/examples/*.yaml), by name without extension. */
const files = import.meta.glob("/fixtures/examples/*.yaml", {
  query: "?raw",
  import: "default",
  eager: true,
});

export const EXAMPLES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [
    path.replace(/^.*\//, "").replace(/\.yaml$/, ""),
    text as string,
  ]),
);

export const DEFAULT_EXAMPLE = "shared-gateway-two-teams";

export function exampleText(name: string): string | undefined {
  return EXAMPLES[name];
}

/** True when the text is exactly one of the examples: replacing it loses nothing. */
export function isUnmodifiedExample(text: string): boolean {
  return text.trim() === "" || Object.values(EXAMPLES).includes(text);
}
