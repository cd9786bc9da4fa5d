/**
 * Turns the paths on the command line into SourceFiles: files as given, directories searched
 * recursively for *.yaml / *.yml (sorted, so output is stable), and "-" for stdin.
 *
 * CI runs gwsim on trees anyone can send a pull request to, so a directory walk stays inside the
 * tree it was given: a symbolic link is followed only when its real path stays under the root
 * (a link to /etc/passwd or /proc/self/environ is skipped, never read), a directory reached twice
 * (a link loop) is read once, and FIFOs, sockets and devices are skipped; each skip is a warning
 * on stderr. A path named on the command line is read as given: the user chose it.
 */
import type { SourceFile } from "../src/engine";
import { InputError, type CliIO } from "./cliIO";
import { DEFAULT_LOAD_LIMITS, escapeTerminal } from "../src/engine";

/**
 * `nothingTo` ends the empty-input error with what the command cannot do without objects
 * ("there is nothing to check", "there is no Ingress to convert"): each command says its own.
 */
export function readInputs(
  io: CliIO,
  paths: readonly string[],
  nothingTo: string,
  maxBytes: number = DEFAULT_LOAD_LIMITS.maxWorkspaceBytes,
): SourceFile[] {
  const sources: SourceFile[] = [];
  let read = 0;
  // Past the workspace cap the loader reads no further file (src/engine/load/workspaceLimit.ts),
  // so none is read from disk either: a tree of 10,000 large files costs what the cap allows.
  // Each stays in the list, empty, so the loader's diagnostic counts and names it as not read.
  // A file longer than the room left is read only up to it (and a byte more, so the loader sees it
  // is over): `--max-workspace-mib` is the cap on one file too. Bytes are counted as the loader
  // counts them (UTF-8), so both agree on where the cap falls.
  const readText = (path: string): string => {
    if (read > maxBytes) return "";
    const text = readFileText(io, path, maxBytes - read);
    read += Buffer.byteLength(text, "utf8");
    return text;
  };
  for (const path of paths) {
    if (path === "-") {
      const text = read > maxBytes ? "" : io.readStdin(maxBytes - read);
      read += Buffer.byteLength(text, "utf8");
      sources.push({ name: "<stdin>", text });
      continue;
    }
    const kind = io.stat(path);
    if (kind === undefined)
      throw new InputError(
        `${path}: no such file or directory; check the path (relative paths start at ${io.cwd})`,
      );
    if (kind !== "dir") sources.push({ name: path, text: readText(path) });
    else {
      const { files, skipped } = findYamlFiles(io, path);
      if (files.length === 0) throw new InputError(noYamlFiles(path, skipped));
      for (const f of files) sources.push({ name: f, text: readText(f) });
    }
  }
  if (sources.every((s) => isBlankYaml(s.text))) {
    const names = sources.map((s) => s.name);
    const shown =
      names.length <= 3
        ? names.join(", ")
        : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
    throw new InputError(
      `the input is empty: ${shown} ${names.length === 1 ? "holds" : "hold"} no YAML documents, so ${nothingTo}`,
    );
  }
  return sources;
}

/** Only blanks, comments and document markers: nothing a loader could turn into an object. */
function isBlankYaml(text: string): boolean {
  return text
    .split("\n")
    .every((line) => /^\s*(?:#.*)?$/.test(line) || /^(?:---|\.\.\.)\s*(?:#.*)?$/.test(line));
}

const YAML_FILE = /\.ya?ml$/;

/**
 * *.yaml / *.yml files under `dir`, depth first in name order, staying inside `dir` (see the
 * module comment). Skipped entries are reported through `io.stderr`.
 */
export interface YamlWalk {
  files: string[];
  /** Entries skipped with a warning (links out of the tree, loops, FIFOs…). */
  skipped: number;
}

export function findYamlFiles(io: CliIO, dir: string): YamlWalk {
  const walked: YamlWalk = { files: [], skipped: 0 };
  const out = walked.files;
  const root = io.realPath(dir);
  if (root === undefined) return walked;
  const visited = new Set<string>([root]);
  const warn = (path: string, why: string): void => {
    walked.skipped++;
    io.stderr(`gwsim: warning: ${escapeTerminal(path)}: skipped: ${escapeTerminal(why)}\n`);
  };
  const walk = (current: string): void => {
    let names: string[];
    try {
      names = [...io.readDir(current)].sort();
    } catch (e) {
      const why = `cannot read the directory (${e instanceof Error ? e.message : String(e)})`;
      if (current === dir) throw new InputError(`${dir}: ${why}`, { cause: e });
      warn(current, why);
      return;
    }
    for (const name of names) {
      if (name.startsWith(".") || name === "node_modules") continue;
      const path = `${current.replace(/\/+$/, "")}/${name}`;
      const kind = io.stat(path);
      if (kind !== "dir" && !YAML_FILE.test(name)) continue;
      const real = io.realPath(path);
      // Node decodes directory entries as UTF-8 and puts U+FFFD for bytes that are not: such a
      // name no longer names the file, whose stat then fails like a broken link's.
      if ((kind === undefined || real === undefined) && name.includes("\uFFFD"))
        warn(path, "its name is not valid UTF-8, so gwsim cannot open it (rename the file)");
      // Listed but not there: a link to nothing, or a file removed since the directory was read.
      else if (kind === undefined || real === undefined)
        warn(path, "nothing is there (a broken symbolic link, or a file removed while gwsim read)");
      else if (!isInside(real, root))
        warn(
          path,
          `a symbolic link to ${real}, outside ${dir}; gwsim reads only files inside the directories it is given`,
        );
      else if (kind === "other") warn(path, "not a regular file (a FIFO, socket or device)");
      else if (kind === "file") out.push(path);
      else if (visited.has(real))
        warn(
          path,
          `it leads to ${real}, a directory already read (a symbolic link loop, or a second link to it)`,
        );
      else {
        // Depth is bounded: every directory is entered once, and paths have a length limit.
        visited.add(real);
        walk(path);
      }
    }
  };
  walk(dir);
  return walked;
}

/** The error for a directory without a YAML file to read, pointing at the warnings when some were skipped. */
export function noYamlFiles(dir: string, skipped: number): string {
  const note = skipped > 0 ? ` gwsim could read (${skipped} skipped: see the warnings above)` : "";
  return `${dir}: the directory holds no *.yaml or *.yml files${note}`;
}

function isInside(path: string, root: string): boolean {
  if (path === root) return true;
  const prefix = root.endsWith("/") ? root : `${root}/`;
  return path.startsWith(prefix);
}

function readFileText(io: CliIO, path: string, cutAfter: number): string {
  try {
    return io.readFile(path, cutAfter);
  } catch (e) {
    throw new InputError(
      `${path}: cannot read the file (${e instanceof Error ? e.message : String(e)})`,
      { cause: e },
    );
  }
}
