/**
 * The world modes (world.ts says what each means), apart from the lookups that apply them: the
 * page's first chunk needs only the default (engine/present), and a module it reaches is placed in
 * that chunk whole, lookups included, when a lazy chunk uses the rest.
 */
export type WorldMode = "open" | "auto" | "closed";

export const WORLD_MODES: readonly WorldMode[] = ["open", "auto", "closed"];
export const DEFAULT_WORLD_MODE: WorldMode = "auto";

/** One line per mode, for `--help` and the toolbar switch. */
export const WORLD_MODE_DESCRIPTIONS: Readonly<Record<WorldMode, string>> = {
  open: "every object the input references but lacks is assumed to exist and be valid",
  auto: "the input is authoritative for each kind and namespace it holds objects of; the rest is assumed",
  closed: "the input is the whole cluster: whatever it lacks is missing",
};

export function isWorldMode(value: unknown): value is WorldMode {
  return value === "open" || value === "auto" || value === "closed";
}
