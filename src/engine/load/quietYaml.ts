/**
 * Options every engine parse passes to the `yaml` library: it must never write to the console.
 * Left at its default it calls `process.emitWarning` (a stray line on the CLI user's terminal) or
 * `console.warn` (in the browser) for inputs it converts lossily, such as a `!!binary` key. The
 * engine reports such inputs itself, as located diagnostics.
 */
export const QUIET_YAML = { logLevel: "error" } as const;
