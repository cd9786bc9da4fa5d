/**
 * The readings a workspace follows (engine readings/readings.ts), as the app stores them: only
 * the non-default choices, in the engine's order, so "all defaults" is always `{}` and two equal
 * choices compare equal whatever order they were made in. Saved workspaces and share links come
 * from outside the page, so reading them back is strict: unknown names or values are refused,
 * never dropped silently.
 */
import { READINGS, parseReadings, type ReadingName, type Readings } from "../engine/present";

const READING_NAMES = Object.keys(READINGS) as ReadingName[];

/** The non-default choices of `readings`, in the engine's order. */
export function nonDefaultReadings(readings: Readings): [ReadingName, string][] {
  const out: [ReadingName, string][] = [];
  for (const name of READING_NAMES) {
    const value = readings[name];
    if (value !== undefined && value !== READINGS[name].default) out.push([name, value]);
  }
  return out;
}

/** `readings` without its default choices, keys in the engine's order. */
export function normalizeReadings(readings: Readings): Readings {
  const out: Record<string, string> = {};
  for (const [name, value] of nonDefaultReadings(readings)) out[name] = value;
  return out as Readings;
}

export function sameReadings(a: Readings, b: Readings): boolean {
  const x = nonDefaultReadings(a);
  const y = nonDefaultReadings(b);
  return x.length === y.length && x.every(([n, v], i) => y[i]?.[0] === n && y[i]?.[1] === v);
}

/** `["name=value", …]` for the non-default choices: the CLI's `--reading` arguments. */
export function readingAssignments(readings: Readings): string[] {
  return nonDefaultReadings(readings).map(([name, value]) => `${name}=${value}`);
}

/**
 * The readings an untrusted value (a saved record, a share link) holds: a plain object of known
 * names to known values. Anything else is an error that says what is wrong.
 */
export function readingsFromUnknown(
  value: unknown,
): { ok: true; readings: Readings } | { ok: false; error: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { ok: false, error: "the readings are not a mapping of reading name to value" };
  const assignments: string[] = [];
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== "string")
      return {
        ok: false,
        error: `the reading ${JSON.stringify(name)} has a value that is not text`,
      };
    assignments.push(`${name}=${v}`);
  }
  const { readings, errors } = parseReadings(assignments);
  if (errors.length > 0) return { ok: false, error: errors.join("; ") };
  return { ok: true, readings: normalizeReadings(readings) };
}
