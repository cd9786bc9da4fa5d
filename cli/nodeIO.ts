import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { CliIO } from './cliIO';

export function createNodeIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(path, 'utf8'),
    stat: (path) => {
      try {
        const s = statSync(path);
        return s.isDirectory() ? 'dir' : 'file';
      } catch {
        return undefined;
      }
    },
    readDir: (path) => readdirSync(path),
    readStdin: () => readFileSync(0, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, text, 'utf8'),
    cwd: process.cwd(),
  };
}
