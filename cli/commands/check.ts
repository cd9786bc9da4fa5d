import { analyze, lintSources, parseResourceKey, printDiagnostics, printGithubAnnotations, printJUnitReport } from '../../src/engine';
import type { ResourceKey } from '../../src/engine';
import type { Command } from './command';
import { WORLD_FLAG, WORLD_FLAG_HELP, worldFlag } from '../worldFlag';
import { UsageError } from '../cliIO';
import { boolFlag, parseArgs, stringFlag } from '../parseArgs';
import { readInputs } from '../readInputs';
import { countBySeverity, plural } from '../format/countBySeverity';
import { printStatusSummary } from '../format/printStatusSummary';

export const check: Command = {
  summary: 'validate manifests and show the status a conformant controller would write',
  help: `Usage: gwsim check <paths…> [--format text|json|junit|github]

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
${WORLD_FLAG_HELP}  --help    show this help

Objects the input references but lacks and the world assumes get one note (assume.*) each, and
the summary line counts them.

Exit codes: 0 no errors, 1 at least one error diagnostic, 2 usage or input error.
`,
  run(argv, io) {
    const args = parseArgs('check', argv, { json: { type: 'boolean' }, format: { type: 'string' }, ...WORLD_FLAG });
    const world = worldFlag(args);
    const format = stringFlag(args, 'format') ?? (boolFlag(args, 'json') ? 'json' : 'text');
    if (!['text', 'json', 'junit', 'github'].includes(format)) throw new UsageError(`unknown --format ${format}: use text, json, junit or github`);
    if (args.positionals.length === 0) throw new UsageError('give at least one file, directory, or - for stdin');
    const inputs = readInputs(io, args.positionals);
    const analysis = analyze(inputs, { world });
    const counts = countBySeverity(analysis.diagnostics);
    if (format === 'github' || format === 'junit') {
      // CI reports carry only diagnostics: add the status problems (routes not accepted,
      // references without a grant) as the located findings lint restates them as.
      const restated = lintSources(inputs, { world }).filter((f) => f.restatesStatus === true).map((f) => f.diagnostic);
      const all = [...analysis.diagnostics, ...restated];
      io.stdout(format === 'github' ? printGithubAnnotations(all) : printJUnitReport(inputs.map((f) => f.name), all));
      return countBySeverity(all).error > 0 ? 1 : 0;
    } else if (format === 'json') {
      const objects = analysis.objects.map((o) => ({ kind: o.kind, namespace: o.namespace, name: o.name, file: o.file, line: o.line }));
      const status = Object.entries(analysis.status).map(([key, s]) => ({ ...parseResourceKey(key as ResourceKey), status: s }));
      const output = { world: analysis.world, diagnostics: analysis.diagnostics, objects, status, statusDrift: analysis.statusDrift, assumptions: analysis.assumptions };
      io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    } else {
      const diagnostics = printDiagnostics(analysis.diagnostics);
      const status = printStatusSummary(analysis);
      io.stdout([diagnostics, status].filter((s) => s !== '').join('\n'));
      const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
      if (counts.info > 0) parts.push(plural(counts.info, 'note'));
      const assumed = analysis.assumptions.length > 0 ? `; ${plural(analysis.assumptions.length, 'object')} assumed (${analysis.world} world)` : '';
      io.stdout(`${parts.join(', ')} in ${plural(analysis.objects.length, 'object')}${assumed}\n`);
    }
    return counts.error > 0 ? 1 : 0;
  },
};
