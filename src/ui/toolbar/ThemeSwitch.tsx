/** The toolbar's theme button: System → Light → Dark, saying what "system" currently gives. */
import { THEME_CHOICES, setThemeChoice, useTheme } from "../app/theme";

const WORDS = { system: "System", light: "Light", dark: "Dark" } as const;

export function ThemeSwitch() {
  const { choice, theme } = useTheme();
  const next =
    THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length] ?? "system";
  const shown = choice === "system" ? `System (${WORDS[theme].toLowerCase()})` : WORDS[choice];
  return (
    <button
      type="button"
      className="tb-button theme-switch"
      data-testid="theme-switch"
      data-theme-choice={choice}
      data-theme={theme}
      title={`Colour theme: ${shown}. Click for ${WORDS[next]}.`}
      onClick={() => setThemeChoice(next)}
    >
      <span aria-hidden="true">{theme === "dark" ? "☾" : "☀"}</span>
      <span className="theme-words"> Theme: {shown}</span>
    </button>
  );
}
