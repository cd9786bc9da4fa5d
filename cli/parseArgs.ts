/**
 * A small strict argv parser: every flag must be declared, values may follow as the next word or
 * after "=", and `--` ends the flags. Errors are UsageErrors that name the flag and the command.
 */
import { UsageError } from "./cliIO";

export interface FlagSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  /** Takes every following word up to the next option (`--manifests a.yaml dir/`). */
  variadic?: boolean;
  short?: string;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | string[] | boolean | undefined>;
}

export function parseArgs(
  command: string,
  argv: readonly string[],
  spec: Record<string, FlagSpec>,
): ParsedArgs {
  const flags: ParsedArgs["flags"] = {};
  const positionals: string[] = [];
  const byShort = new Map(
    Object.entries(spec).flatMap(([name, s]) => (s.short ? [[s.short, name] as const] : [])),
  );
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? "";
    if (word === "--") {
      for (const rest of argv.slice(i + 1)) positionals.push(rest);
      break;
    }
    if (word === "-" || !word.startsWith("-")) {
      positionals.push(word);
      continue;
    }
    const eq = word.indexOf("=");
    const rawName = eq >= 0 ? word.slice(0, eq) : word;
    const name = rawName.startsWith("--") ? rawName.slice(2) : byShort.get(rawName.slice(1));
    // Own keys only: `--__proto__` or `--toString` must be unknown options, not Object.prototype.
    const flag = name === undefined || !Object.hasOwn(spec, name) ? undefined : spec[name];
    if (name === undefined || !flag) {
      throw new UsageError(`unknown option ${rawName} for \`gwsim ${command}\``);
    }
    if (flag.type === "boolean") {
      if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      flags[name] = true;
      continue;
    }
    if (flag.variadic) {
      const prev = flags[name];
      const values = Array.isArray(prev) ? [...prev] : [];
      if (eq >= 0) values.push(word.slice(eq + 1));
      while (i + 1 < argv.length && (argv[i + 1] === "-" || !(argv[i + 1] ?? "").startsWith("-")))
        values.push(argv[++i] ?? "");
      if (values.length === 0) throw new UsageError(`option --${name} needs at least one path`);
      flags[name] = values;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = word.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined) throw new UsageError(`option --${name} needs a value`);
    if (flag.multiple) {
      const prev = flags[name];
      flags[name] = [...(Array.isArray(prev) ? prev : []), value];
    } else {
      if (flags[name] !== undefined) throw new UsageError(`option --${name} was given twice`);
      flags[name] = value;
    }
  }
  return { positionals, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === "string" ? v : undefined;
}

export function listFlag(args: ParsedArgs, name: string): string[] {
  const v = args.flags[name];
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}

export function boolFlag(args: ParsedArgs, name: string): boolean {
  return args.flags[name] === true;
}

/**
 * A whole number in [min, max]. Out-of-range values are usage errors, never clamped or passed on:
 * `--port 99999999999` is a typo, not port 65535.
 */
export function intFlag(
  args: ParsedArgs,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const v = stringFlag(args, name);
  if (v === undefined) return undefined;
  const flag = name.length === 1 ? `-${name}` : `--${name}`;
  const range = `from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}`;
  const shown = JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (!/^\d+$/.test(v))
    throw new UsageError(`option ${flag} needs a whole number ${range}; got ${shown}`);
  const n = Number(v);
  if (n < min || n > max) throw new UsageError(`option ${flag} must be ${range}; got ${shown}`);
  return n;
}
