import {
  closeSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  writeFileSync,
} from "node:fs";
import type { CliIO } from "./cliIO";

/**
 * Largest input file read. The loader refuses YAML documents over 5 MiB anyway; this cap keeps a
 * path such as /dev/zero (or a huge log named *.yaml) from exhausting memory first.
 */
export const MAX_INPUT_FILE_BYTES = 64 * 1024 * 1024;

export function createNodeIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readCapped(path, MAX_INPUT_FILE_BYTES),
    stat: (path) => {
      try {
        const s = statSync(path);
        return s.isDirectory() ? "dir" : s.isFile() ? "file" : "other";
      } catch {
        return undefined;
      }
    },
    realPath: (path) => {
      try {
        return realpathSync(path);
      } catch {
        return undefined;
      }
    },
    readDir: (path) => readdirSync(path),
    readStdin: () => readCapped(0, MAX_INPUT_FILE_BYTES),
    writeFile: (path, text) => writeFileSync(path, text, "utf8"),
    cwd: process.cwd(),
  };
}

/** Reads a file (or fd) in chunks, failing once it passes `cap` bytes instead of reading on. */
export function readCapped(path: string | number, cap: number): string {
  const fd = typeof path === "number" ? path : openSync(path, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > cap)
        throw new Error(`larger than the ${cap / (1024 * 1024)} MiB limit for one input file`);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } finally {
    if (typeof path !== "number") closeSync(fd);
  }
}
