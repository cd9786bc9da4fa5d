/**
 * Light or dark: the user's choice from the toolbar (persisted in localStorage), or the system's
 * (prefers-color-scheme) while the choice is "system". The resolved theme is set as data-theme on
 * <html>, where app.css re-values its colour variables; Monaco follows through bindMonacoTheme.
 */
import { useSyncExternalStore } from "react";

export type ThemeChoice = "system" | "light" | "dark";
export type Theme = "light" | "dark";

export const THEME_CHOICES: readonly ThemeChoice[] = ["system", "light", "dark"];
const STORAGE_KEY = "gwsim.theme";

const listeners = new Set<() => void>();
let choice: ThemeChoice = "system";
let media: MediaQueryList | undefined;

function storage(): Storage | undefined {
  // localStorage throws on access in some privacy modes and sandboxed frames.
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

function isChoice(value: unknown): value is ThemeChoice {
  return value === "system" || value === "light" || value === "dark";
}

export function resolveTheme(c: ThemeChoice, systemDark: boolean): Theme {
  if (c === "system") return systemDark ? "dark" : "light";
  return c;
}

export function currentTheme(): Theme {
  return resolveTheme(choice, media?.matches ?? false);
}

export function currentChoice(): ThemeChoice {
  return choice;
}

function apply(): void {
  const theme = currentTheme();
  document.documentElement.dataset["theme"] = theme;
  for (const listener of listeners) listener();
}

/** Called once before the first render, so the page never flashes the other theme. */
export function initTheme(): void {
  let stored: string | null | undefined;
  try {
    stored = storage()?.getItem(STORAGE_KEY);
  } catch {
    stored = undefined;
  }
  choice = isChoice(stored) ? stored : "system";
  media = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : undefined;
  media?.addEventListener("change", apply);
  apply();
}

export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  try {
    storage()?.setItem(STORAGE_KEY, next);
  } catch {
    // Not persisted (storage full or refused): the choice still holds for this session.
  }
  apply();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The choice and the theme it resolves to, re-rendering on either change. */
export function useTheme(): { choice: ThemeChoice; theme: Theme } {
  const c = useSyncExternalStore(subscribe, currentChoice);
  const theme = useSyncExternalStore(subscribe, currentTheme);
  return { choice: c, theme };
}

/** Monaco's built-in themes for ours; call with monaco.editor.setTheme. Returns the unsubscribe. */
export function bindMonacoTheme(setTheme: (name: "vs" | "vs-dark") => void): () => void {
  const update = () => setTheme(currentTheme() === "dark" ? "vs-dark" : "vs");
  update();
  return subscribe(update);
}
