/**
 * `--world open|auto|closed`, shared by every command: how much of the cluster the input is
 * (src/engine/resolve/world.ts). Default auto, as in the engine and the designer.
 */
import {
  DEFAULT_WORLD_MODE,
  WORLD_MODES,
  WORLD_MODE_DESCRIPTIONS,
  isWorldMode,
  type WorldMode,
} from "../src/engine";
import { UsageError } from "./cliIO";
import { stringFlag, type FlagSpec, type ParsedArgs } from "./parseArgs";

export const WORLD_FLAG: Record<string, FlagSpec> = { world: { type: "string" } };

export const WORLD_FLAG_HELP = `  --world auto      ${WORLD_MODE_DESCRIPTIONS.auto} (the default)
  --world open      ${WORLD_MODE_DESCRIPTIONS.open}
  --world closed    ${WORLD_MODE_DESCRIPTIONS.closed}
`;

/** The --world value, or undefined when not given (callers that have their own default use it). */
export function worldFlagGiven(args: ParsedArgs): WorldMode | undefined {
  const value = stringFlag(args, "world");
  if (value === undefined) return undefined;
  if (!isWorldMode(value))
    throw new UsageError(`unknown --world ${value}: use ${WORLD_MODES.join(", ")}`);
  return value;
}

export function worldFlag(args: ParsedArgs): WorldMode {
  return worldFlagGiven(args) ?? DEFAULT_WORLD_MODE;
}
