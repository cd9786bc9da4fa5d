/**
 * Turns the paths on the command line into SourceFiles: files as given, directories searched
 * recursively for *.yaml / *.yml (sorted, so output is stable), and "-" for stdin.
 */
import type { SourceFile } from '../src/engine';
import { InputError, type CliIO } from './cliIO';

export function readInputs(io: CliIO, paths: readonly string[]): SourceFile[] {
  const sources: SourceFile[] = [];
  for (const path of paths) {
    if (path === '-') {
      sources.push({ name: '<stdin>', text: io.readStdin() });
      continue;
    }
    const kind = io.stat(path);
    if (kind === undefined) throw new InputError(`${path}: no such file or directory; check the path (relative paths start at ${io.cwd})`);
    if (kind === 'file') sources.push({ name: path, text: readText(io, path) });
    else {
      const files = findYamlFiles(io, path);
      if (files.length === 0) throw new InputError(`${path}: the directory holds no *.yaml or *.yml files`);
      for (const f of files) sources.push({ name: f, text: readText(io, f) });
    }
  }
  return sources;
}

export function findYamlFiles(io: CliIO, dir: string): string[] {
  const out: string[] = [];
  for (const name of [...io.readDir(dir)].sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = `${dir.replace(/\/+$/, '')}/${name}`;
    const kind = io.stat(path);
    if (kind === 'dir') for (const file of findYamlFiles(io, path)) out.push(file);
    else if (kind === 'file' && /\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

function readText(io: CliIO, path: string): string {
  try {
    return io.readFile(path);
  } catch (e) {
    throw new InputError(`${path}: cannot read the file (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
}
