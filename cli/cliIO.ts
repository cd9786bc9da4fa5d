/**
 * Everything the CLI does to the outside world goes through CliIO, so golden tests run the real
 * commands in-process with captured output and an in-memory (or real) file system.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Reads a UTF-8 file; throws with the OS reason when it cannot (or when it is over the size
   * ceiling). With `cutAfter` (the workspace cap's room, in bytes), a longer file comes back as its
   * first `cutAfter + 1` bytes: over the room, so the loader cuts it at its last whole document
   * that fits and reports the rest as not read (the part past the room is never parsed).
   */
  readFile(path: string, cutAfter?: number): string;
  /**
   * What is at the path, following symbolic links: a regular 'file', a 'dir', 'other' (FIFO,
   * socket, device), or undefined when nothing is there (or a symbolic link is broken).
   */
  stat(path: string): PathKind | undefined;
  /** The canonical absolute path, every symbolic link resolved; undefined when it cannot be resolved. */
  realPath(path: string): string | undefined;
  /** Entry names of a directory. */
  readDir(path: string): string[];
  /** Standard input, read like readFile. */
  readStdin(cutAfter?: number): string;
  /** Writes a UTF-8 file (gwsim migrate --out); absent where the CLI may not write. */
  writeFile?(path: string, text: string): void;
  /** Where relative paths start and how they are displayed. */
  cwd: string;
}

export type PathKind = "file" | "dir" | "other";

/** A usage error: exit code 2, message printed with a pointer to --help. */
export class UsageError extends Error {}

/** An input problem (missing file, unreadable YAML, unknown gateway): exit code 2 with a fix. */
export class InputError extends Error {}
