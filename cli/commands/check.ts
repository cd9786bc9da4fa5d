import {
  analyze,
  countBySeverity,
  parseResourceKey,
  predictHealth,
  printDiagnostics,
  printDiagnosticTotals,
  printGithubAnnotations,
  printHealthTable,
  printJUnitReport,
  printStatusSummary,
} from "../../src/engine";
import type { AnalyzeOptions, GitOpsTool, ResourceKey } from "../../src/engine";
import type { Command } from "./command";
import { WORLD_FLAG, WORLD_FLAG_HELP, worldFlag } from "../worldFlag";
import { UsageError } from "../cliIO";
import { boolFlag, parseArgs, stringFlag } from "../parseArgs";
import { readInputs } from "../readInputs";
import { READING_FLAG, READING_FLAG_HELP, readingsFlag } from "../readingsFlag";
import {
  reportWorkspaceCut,
  WORKSPACE_FLAGS,
  WORKSPACE_FLAGS_HELP,
  workspaceLimitsFlag,
} from "../workspaceFlags";

export const check: Command = {
  summary: "validate manifests and show the status a conformant controller would write",
  help: `Usage: gwsim check <paths…> [--format text|json|junit|github] [--health argocd|flux]

Loads Kubernetes manifests (files, directories searched recursively for *.yaml/*.yml, or - for
stdin), reports every problem with its file:line:col, and prints the status a conformant Gateway
API controller would write: per Gateway its listeners with attachedRoutes and conditions, per
route each parent with Accepted and ResolvedRefs, and for routes that are not accepted, the
checks that failed. When the objects carry their own status (a cluster dump, as
\`kubectl get … -o yaml\` prints it), every condition where that status disagrees with gwsim's,
or was written for an older generation, is reported as a warning where the dump wrote it.

Options:
  --format text     problems, then the status summary (the default)
  --format json     {world, diagnostics, objects, status, statusDrift, assumptions} as JSON (same as --json)
  --format junit    a JUnit XML report: one testsuite per file, a failing testcase per error
                    or warning, routes not accepted included (for CI test-result views)
  --format github   GitHub Actions annotations (::error file=…,line=…::…) for pull requests,
                    routes not accepted included
  --json    print that JSON instead of text
  --health argocd|flux
            add the health Argo CD or Flux would show for each Gateway API object once a
            controller writes this status, with the reason (text: a table after the status;
            json: a "health" list). Argo CD waits for ever on a route nobody writes status
            for; Flux's default check calls every Gateway API object Current.
${WORLD_FLAG_HELP}${READING_FLAG_HELP}${WORKSPACE_FLAGS_HELP}  --help    show this help

Objects the input references but lacks and the world assumes get one note (assume.*) each, and
the summary line counts them.

Exit codes: 0 no errors, 1 at least one error diagnostic, 2 usage or input error.
`,
  run(argv, io) {
    const args = parseArgs("check", argv, {
      json: { type: "boolean" },
      format: { type: "string" },
      health: { type: "string" },
      ...WORLD_FLAG,
      ...READING_FLAG,
      ...WORKSPACE_FLAGS,
    });
    const world = worldFlag(args);
    const readings = readingsFlag(args);
    const format = stringFlag(args, "format") ?? (boolFlag(args, "json") ? "json" : "text");
    if (!["text", "json", "junit", "github"].includes(format))
      throw new UsageError(`unknown --format ${format}: use text, json, junit or github`);
    const health = parseHealthTool(stringFlag(args, "health"));
    if (health !== undefined && format !== "text" && format !== "json")
      throw new UsageError(`--health goes with --format text or json, not ${format}`);
    if (args.positionals.length === 0)
      throw new UsageError("give at least one file, directory, or - for stdin");
    const workspaceLimits = workspaceLimitsFlag(args);
    const inputs = readInputs(
      io,
      args.positionals,
      "there is nothing to check",
      workspaceLimits.maxWorkspaceBytes,
    );
    const options: AnalyzeOptions = { world, workspaceLimits };
    if (readings !== undefined) options.readings = readings;
    const analysis = analyze(inputs, options);
    const counts = countBySeverity(analysis.diagnostics);
    reportWorkspaceCut(io, "check", analysis.diagnostics);
    if (format === "github" || format === "junit") {
      // CI reports carry only diagnostics: add the status problems (routes not accepted,
      // references without a grant) as the located findings lint restates them as.
      const restated = analysis.lint
        .filter((f) => f.restatesStatus === true)
        .map((f) => f.diagnostic);
      const all = [...analysis.diagnostics, ...restated];
      io.stdout(
        format === "github"
          ? printGithubAnnotations(all)
          : printJUnitReport(
              inputs.map((f) => f.name),
              all,
            ),
      );
      return countBySeverity(all).error > 0 ? 1 : 0;
    } else if (format === "json") {
      const objects = analysis.objects.map((o) => ({
        kind: o.kind,
        namespace: o.namespace,
        name: o.name,
        file: o.file,
        line: o.line,
      }));
      const status = Object.entries(analysis.status).map(([key, s]) => ({
        ...parseResourceKey(key as ResourceKey),
        status: s,
      }));
      const output = {
        world: analysis.world,
        diagnostics: analysis.diagnostics,
        objects,
        status,
        statusDrift: analysis.statusDrift,
        assumptions: analysis.assumptions,
        ...(health !== undefined ? { health: predictHealth(analysis, health) } : {}),
      };
      io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      const diagnostics = printDiagnostics(analysis.diagnostics);
      const status = printStatusSummary(analysis);
      const healthTable =
        health !== undefined ? printHealthTable(predictHealth(analysis, health)) : "";
      io.stdout([diagnostics, status, healthTable].filter((s) => s !== "").join("\n"));
      io.stdout(
        printDiagnosticTotals(analysis.diagnostics, analysis.objects.length, {
          count: analysis.assumptions.length,
          world: analysis.world,
        }),
      );
    }
    return counts.error > 0 ? 1 : 0;
  },
};

function parseHealthTool(value: string | undefined): GitOpsTool | undefined {
  if (value === undefined || value === "argocd" || value === "flux") return value;
  throw new UsageError(`unknown --health ${value}: use argocd or flux`);
}
