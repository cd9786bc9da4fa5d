import {
  createCaseEngine,
  parseCaseFile,
  printCaseProblem,
  printCaseResult,
  runConformanceCase,
} from "../../src/engine";
import { InputError, UsageError, type CliIO } from "../cliIO";
import { listFlag, parseArgs } from "../parseArgs";
import { findYamlFiles, noYamlFiles } from "../readInputs";
import type { Command } from "./command";
import { WORLD_FLAG, WORLD_FLAG_HELP, worldFlagGiven } from "../worldFlag";

export const testCommand: Command = {
  summary: "run request and status assertions (case files) against manifests",
  help: `Usage: gwsim test <case files or directories…> [--manifests <paths…>]

Runs case files in the format of fixtures/conformance/README.md: each names the manifests to load
(paths relative to the case file), the status a controller must write, and requests with what
must happen to them (status code, backend, weighted split, redirect, headers…). Steps apply and
delete objects cumulatively.

Prints one line per case, the details of every failed expectation (expected vs got, and the
trace of the request through the Gateway), then "N passed, N failed" counting expectations.

Options:
  --manifests <paths…>  manifests (files or directories) for case files without a manifests:
                        list, e.g. your own repository's deploy/ folder. Put it after the case files.
${WORLD_FLAG_HELP}                    (for case files without a top-level world: key, which wins)
  --help                show this help

Exit codes: 0 every expectation passed, 1 any failed, 2 usage or input error.
`,
  run(argv, io) {
    const args = parseArgs("test", argv, {
      manifests: { type: "string", variadic: true },
      ...WORLD_FLAG,
    });
    const world = worldFlagGiven(args);
    if (args.positionals.length === 0)
      throw new UsageError("give at least one case file or directory of case files");
    const caseFiles = expandPaths(io, args.positionals, "case file");
    const manifests = expandPaths(io, listFlag(args, "manifests"), "manifest");
    const engine = createCaseEngine();
    const readFile = confinedReader(io, [...args.positionals, ...manifests], manifests);
    let passed = 0;
    let failed = 0;
    for (const file of caseFiles) {
      const parsed = parseCaseFile(file, readCaseFile(io, file));
      if (!parsed.ok) {
        io.stdout(printCaseProblem(file, undefined, parsed.errors));
        failed++;
        continue;
      }
      for (const w of parsed.warnings) io.stderr(`warning: ${w}\n`);
      const caseFile = parsed.caseFile;
      if (caseFile.manifests.length === 0 && manifests.length === 0) {
        io.stdout(
          printCaseProblem(file, caseFile.name, [
            "the case file lists no manifests; add a manifests: list or pass --manifests <paths…>",
          ]),
        );
        failed++;
        continue;
      }
      const results = runConformanceCase(caseFile, {
        readFile,
        engine,
        extraManifests: caseFile.manifests.length === 0 ? manifests : [],
        ...(world !== undefined ? { world } : {}),
      });
      io.stdout(printCaseResult(caseFile, file, results));
      passed += results.filter((r) => r.pass).length;
      failed += results.filter((r) => !r.pass && r.skipped === undefined).length;
    }
    io.stdout(`${passed} passed, ${failed} failed\n`);
    return failed > 0 ? 1 : 0;
  },
};

function expandPaths(io: CliIO, paths: readonly string[], what: string): string[] {
  return paths.flatMap((p) => {
    const kind = io.stat(p);
    if (kind === undefined)
      throw new InputError(
        `${p}: no such ${what} file or directory; check the path (relative paths start at ${io.cwd})`,
      );
    if (kind !== "dir") return [p];
    const found = findYamlFiles(io, p);
    if (found.files.length === 0) throw new InputError(noYamlFiles(p, found.skipped));
    return found.files;
  });
}

/**
 * Case files come in pull requests: the manifests one names must live inside the working directory
 * or a tree named on the command line, so a case file cannot make CI read (and print pieces of)
 * ~/.kube/config, /etc/passwd or a symbolic link that leads out of the repository. Paths the user
 * gave with --manifests are theirs and always readable.
 */
function confinedReader(
  io: CliIO,
  namedOnCommandLine: readonly string[],
  explicitManifests: readonly string[],
): (path: string) => string {
  const roots = [
    io.realPath("."),
    ...namedOnCommandLine.map((p) => io.realPath(io.stat(p) === "dir" ? p : parentOf(p))),
  ].filter((r): r is string => r !== undefined);
  const trusted = new Set(
    explicitManifests.map((p) => io.realPath(p)).filter((r): r is string => r !== undefined),
  );
  return (path) => {
    const real = io.realPath(path);
    // Unresolvable: let readFile report the OS reason (no such file, permission denied).
    if (real === undefined) return io.readFile(path);
    if (!trusted.has(real) && !roots.some((root) => isInside(real, root))) {
      throw new Error(
        `it resolves to ${real}, outside the working directory and the trees named on the command line; case files may only name manifests inside them, so move the file into the repository or run gwsim from a directory that holds it`,
      );
    }
    return io.readFile(real);
  };
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash > 0 ? path.slice(0, slash) : slash === 0 ? "/" : ".";
}

function isInside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith("/") ? root : `${root}/`);
}

function readCaseFile(io: CliIO, file: string): string {
  try {
    return io.readFile(file);
  } catch (e) {
    throw new InputError(
      `${file}: cannot read the case file (${e instanceof Error ? e.message : String(e)})`,
      { cause: e },
    );
  }
}
