/**
 * The repeatable `--reading name=value` flag: a non-default reading of an unsettled spec point
 * (src/engine/readings/readings.ts), validated here so a typo is a usage error, not a no-op.
 */
import { READINGS, parseReadings, type Readings } from "../src/engine";
import { UsageError } from "./cliIO";
import { listFlag, type FlagSpec, type ParsedArgs } from "./parseArgs";

export const READING_FLAG: Record<string, FlagSpec> = {
  reading: { type: "string", multiple: true },
};

export const READING_FLAG_HELP = `  --reading NAME=VALUE
                        follow another reading where the spec is unsettled (repeatable);
                        what it changes is reported as a reading.applied note. Readings:
${Object.entries(READINGS)
  .map(
    ([name, spec]) =>
      `                          ${name}=${spec.values.join("|")} (default ${spec.default})`,
  )
  .join("\n")}
`;

export function readingsFlag(args: ParsedArgs): Readings | undefined {
  const given = listFlag(args, "reading");
  if (given.length === 0) return undefined;
  const { readings, errors } = parseReadings(given);
  if (errors.length > 0) throw new UsageError(`--reading: ${errors.join("; ")}`);
  return readings;
}
