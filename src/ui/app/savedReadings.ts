/**
 * Restoring the readings of a saved workspace (autosave, journal, named workspace). The record
 * comes from storage another build may have written: a reading this build does not know is
 * reported, and the workspace opens with gwsim's defaults rather than a guess.
 */
import type { Readings } from "../../engine";
import { readingsFromUnknown } from "../../store/readingChoices";

/** Sets the saved readings (defaults when absent); returns a sentence when they could not be used. */
export function applySavedReadings(
  state: { setReadings(readings: Readings): void },
  saved: unknown,
  what: string,
): string | undefined {
  if (saved === undefined) {
    state.setReadings({});
    return undefined;
  }
  const parsed = readingsFromUnknown(saved);
  if (parsed.ok) {
    state.setReadings(parsed.readings);
    return undefined;
  }
  state.setReadings({});
  return `${what} names readings this version of gwsim does not know (${parsed.error}); it opened with gwsim's default readings.`;
}
