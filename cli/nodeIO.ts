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
 * Largest file read whole when the caller sets no cut (case files, migrate's requests): a path such
 * as /dev/zero, or a huge log named *.yaml, must not exhaust memory first. Manifests are read with
 * the workspace cap's room instead (readInputs.ts), so `--max-workspace-mib` governs them; this
 * ceiling is then the longest text V8 can hold in one string (2^29 - 24 units).
 */
export const MAX_INPUT_FILE_BYTES = 0x1fffffe8;

export function createNodeIO(): CliIO {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path, cutAfter) => readCapped(path, cutAfter),
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
    readStdin: (cutAfter) => readCapped(0, cutAfter),
    writeFile: (path, text) => writeFileSync(path, text, "utf8"),
    cwd: process.cwd(),
  };
}

/**
 * Reads a file (or fd) in chunks. Past `cutAfter` bytes it stops and returns the first
 * `cutAfter + 1` (see CliIO.readFile); past MAX_INPUT_FILE_BYTES it fails instead of reading on.
 */
export function readCapped(
  path: string | number,
  cutAfter?: number,
  ceiling = MAX_INPUT_FILE_BYTES,
): string {
  const fd = typeof path === "number" ? path : openSync(path, "r");
  const cut = cutAfter !== undefined && cutAfter < ceiling ? cutAfter + 1 : undefined;
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1024 * 1024);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      if (cut !== undefined && total >= cut) return Buffer.concat(chunks, cut).toString("utf8");
      if (total > ceiling)
        throw new Error(`larger than ${formatMiB(ceiling)}, the most gwsim reads of one file`);
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } finally {
    if (typeof path !== "number") closeSync(fd);
  }
}

function formatMiB(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MiB`;
}
