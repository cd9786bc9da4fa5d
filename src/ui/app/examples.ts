/**
 * The bundled examples (fixtures/examples/*.yaml), by name without extension.
 *
 * Only the example a first visit shows is in the page's first chunk; every other example is its
 * own small chunk, fetched from the app's origin when it is opened or when the Examples menu
 * needs its description (loadAllExamples). A first visit shows one example: bundling all thirteen
 * cost about 10 kB gzip of the page's first JavaScript.
 */
import defaultExampleText from "../../../fixtures/examples/shared-gateway-two-teams.yaml?raw";

export const DEFAULT_EXAMPLE = "shared-gateway-two-teams";

const nameOf = (path: string) => path.replace(/^.*\//, "").replace(/\.yaml$/, "");

/** Each example's text, loaded on demand (the default one resolves from the first chunk). */
const loaders: ReadonlyMap<string, () => Promise<string>> = new Map(
  Object.entries(
    import.meta.glob<string>("/fixtures/examples/*.yaml", { query: "?raw", import: "default" }),
  ).map(([path, load]) => [nameOf(path), load]),
);

/** Every example's name, sorted (the menu lists them before their texts are loaded). */
export const EXAMPLE_NAMES: readonly string[] = [...loaders.keys()].sort();

/** The texts loaded so far: isUnmodifiedExample compares against these. */
const loaded = new Map<string, string>([[DEFAULT_EXAMPLE, defaultExampleText]]);
/** Loads in flight, so concurrent callers share one fetch. */
const loading = new Map<string, Promise<string>>();

/** The default example's text, available at once (it is in the first chunk). */
export function defaultExample(): string {
  return defaultExampleText;
}

/** An example's text; undefined when there is no example of that name. */
export async function loadExampleText(name: string): Promise<string | undefined> {
  const known = loaded.get(name);
  if (known !== undefined) return known;
  const load = loaders.get(name);
  if (load === undefined) return undefined;
  let pending = loading.get(name);
  if (pending === undefined) {
    pending = load().then(
      (text) => {
        loaded.set(name, text);
        loading.delete(name);
        return text;
      },
      (error: unknown) => {
        // Not kept: a failed fetch (the app being updated, a flaky connection) is tried again.
        loading.delete(name);
        throw error;
      },
    );
    loading.set(name, pending);
  }
  return pending;
}

/** Every example's text, by name in EXAMPLE_NAMES order. */
export async function loadAllExamples(): Promise<ReadonlyMap<string, string>> {
  const texts = await Promise.all(EXAMPLE_NAMES.map((name) => loadExampleText(name)));
  const all = new Map<string, string>();
  EXAMPLE_NAMES.forEach((name, i) => {
    const text = texts[i];
    if (text !== undefined) all.set(name, text);
  });
  return all;
}

/** True when the text is exactly one of the examples: replacing it loses nothing. */
export async function isUnmodifiedExample(text: string): Promise<boolean> {
  if (text.trim() === "") return true;
  for (const known of loaded.values()) if (known === text) return true;
  return [...(await loadAllExamples()).values()].includes(text);
}
