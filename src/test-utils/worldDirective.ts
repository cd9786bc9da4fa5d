/**
 * Golden inputs may open with a comment line `# world: closed` (or open/auto): the world the
 * golden runs in. Goldens about closed-world behaviour (a missing Secret, a missing Service) say
 * so, so the default auto world does not hide what they cover.
 */
import { isWorldMode, type WorldMode } from "../engine/resolve/world";

export function worldDirective(text: string): WorldMode | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith("#")) return undefined;
    const match = /^# world: (\w+)\b/.exec(line);
    if (match && isWorldMode(match[1])) return match[1];
  }
  return undefined;
}
