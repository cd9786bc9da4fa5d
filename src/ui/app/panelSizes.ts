/**
 * Heights of the resizable bottom panels (Simulator, Platform), remembered in localStorage per
 * browser (a layout preference, not part of any workspace). Pure helpers plus one storage key.
 */

export type DockedPanelId = "simulator" | "platform";
export type PanelSizes = Readonly<Record<DockedPanelId, number>>;

export const PANEL_SIZES_KEY = "gwsim.panelSizes.v1";
export const MIN_PANEL_HEIGHT = 96;
/** Fits a 1366×768 screen with both panels open and the graph still readable above them. */
export const DEFAULT_PANEL_SIZES: PanelSizes = { simulator: 300, platform: 220 };

export function clampPanelHeight(height: number, max: number): number {
  const top = Math.max(MIN_PANEL_HEIGHT, max);
  if (!Number.isFinite(height)) return MIN_PANEL_HEIGHT;
  return Math.round(Math.min(top, Math.max(MIN_PANEL_HEIGHT, height)));
}

/** Stored sizes, each checked; anything missing or malformed falls back to its default. */
export function parsePanelSizes(raw: string | null | undefined): PanelSizes {
  let value: unknown;
  try {
    value = raw ? JSON.parse(raw) : undefined;
  } catch {
    value = undefined;
  }
  const read = (id: DockedPanelId): number => {
    const v =
      typeof value === "object" && value !== null && Object.hasOwn(value, id)
        ? (value as Record<string, unknown>)[id]
        : undefined;
    return typeof v === "number" && Number.isFinite(v)
      ? clampPanelHeight(v, 2000)
      : DEFAULT_PANEL_SIZES[id];
  };
  return { simulator: read("simulator"), platform: read("platform") };
}

export function loadPanelSizes(): PanelSizes {
  try {
    return parsePanelSizes(globalThis.localStorage?.getItem(PANEL_SIZES_KEY));
  } catch {
    return DEFAULT_PANEL_SIZES; // storage unavailable (privacy mode, sandboxed frame)
  }
}

export function savePanelSizes(sizes: PanelSizes): void {
  try {
    globalThis.localStorage?.setItem(PANEL_SIZES_KEY, JSON.stringify(sizes));
  } catch {
    // Not remembered this time; the layout still works.
  }
}

/** The separator's keyboard steps (WAI-ARIA window splitter): arrows move 16 px, Page keys 80. */
export function heightAfterKey(key: string, height: number, max: number): number | undefined {
  const step = { ArrowUp: 16, ArrowDown: -16, PageUp: 80, PageDown: -80 }[key];
  if (step !== undefined) return clampPanelHeight(height + step, max);
  if (key === "Home") return MIN_PANEL_HEIGHT;
  if (key === "End") return clampPanelHeight(max, max);
  return undefined;
}
