/**
 * The analysis settings a share link carries beside the workspace text (`#w=…&world=closed&
 * readings=name:value,…`): the world and the non-default readings, because the same YAML gives
 * another status and other traces under them, and the person opening the link must see what the
 * sender saw. Only non-default settings are written, so a link made with gwsim's defaults stays
 * as it was. A link may come from anyone: reading it is strict (known names and values, no
 * repeats, bounded length), and a damaged part is an error the caller reports.
 */
import type { Readings, WorldMode } from "../../engine";
import { DEFAULT_WORLD_MODE } from "../../store";
import { nonDefaultReadings, readingsFromUnknown } from "../../store/readingChoices";
import { ShareLinkError } from "./shareLink";

export const SHARED_WORLD_PARAM = "world";
export const SHARED_READINGS_PARAM = "readings";
/** Far above the five readings' names and values; keeps a hostile link cheap to refuse. */
const MAX_READINGS_PARAM = 2000;
const WORLDS: ReadonlySet<string> = new Set<WorldMode>(["open", "auto", "closed"]);

export interface SharedSettings {
  world: WorldMode;
  readings: Readings;
}

/** The extra fragment parameters for these settings (none when they are gwsim's defaults). */
export function encodeSharedSettings(settings: SharedSettings): Record<string, string> {
  const out: Record<string, string> = {};
  if (settings.world !== DEFAULT_WORLD_MODE) out[SHARED_WORLD_PARAM] = settings.world;
  const readings = nonDefaultReadings(settings.readings);
  if (readings.length > 0)
    out[SHARED_READINGS_PARAM] = readings.map(([name, value]) => `${name}:${value}`).join(",");
  return out;
}

/**
 * The settings of a share fragment's parameters (absent ones are gwsim's defaults). Throws
 * ShareLinkError saying what is wrong with a damaged world or readings parameter.
 */
export function decodeSharedSettings(
  world: string | undefined,
  readings: string | undefined,
): SharedSettings {
  if (world !== undefined && !WORLDS.has(world))
    throw new ShareLinkError(
      `its world ${JSON.stringify(world.slice(0, 40))} is not one of open, auto or closed`,
    );
  return {
    world: (world as WorldMode | undefined) ?? DEFAULT_WORLD_MODE,
    readings: readings === undefined ? {} : decodeReadings(readings),
  };
}

function decodeReadings(param: string): Readings {
  if (param.length > MAX_READINGS_PARAM)
    throw new ShareLinkError(`its readings take ${param.length} characters, more than gwsim makes`);
  const pairs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const part of param.split(",")) {
    const colon = part.indexOf(":");
    if (colon <= 0)
      throw new ShareLinkError(
        `its reading ${JSON.stringify(part.slice(0, 80))} is not name:value`,
      );
    const name = part.slice(0, colon);
    if (Object.hasOwn(pairs, name))
      throw new ShareLinkError(`its reading ${JSON.stringify(name)} is given twice`);
    pairs[name] = part.slice(colon + 1);
  }
  const parsed = readingsFromUnknown(pairs);
  if (!parsed.ok) throw new ShareLinkError(parsed.error);
  return parsed.readings;
}
