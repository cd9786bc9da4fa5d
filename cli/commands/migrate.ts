import {
  compareMigration,
  losesConvertedObject,
  parseCaseFile,
  printMigrationReport,
  type MigrationRequest,
} from "../../src/engine";
import type { Command } from "./command";
import { InputError, UsageError, type CliIO } from "../cliIO";
import { boolFlag, parseArgs, stringFlag } from "../parseArgs";
import { readInputs } from "../readInputs";

export const migrate: Command = {
  summary:
    "convert ingress-nginx Ingresses to Gateway API and list the requests that would behave differently",
  help: `Usage: gwsim migrate <paths…> [--out FILE] [--json] [--requests CASEFILE]

Reads Ingress and IngressClass objects (networking.k8s.io/v1; v1beta1 with a warning) and writes
the Gateway API configuration that replaces them: one Gateway per IngressClass, HTTPRoutes per
host in ingress-nginx's location order, canaries as weighted backendRefs and header rules,
rewrites as URLRewrite, ssl-redirect as a 308 RequestRedirect route, ReferenceGrants for
certificates in other namespaces. The YAML goes to stdout (the report then goes to stderr), or to
FILE with --out. The report starts with what gwsim check says about loading the input (a second
definition of an Ingress replaces the first, as kubectl apply does: only the last is converted).

Then it proves the conversion: for every Ingress path it sends the requests that tell the two
apart (the path, with a trailing slash, one element deeper, a sibling sharing its prefix, each
host and one label deeper under a wildcard, each canary header and cookie value, plain HTTP on
TLS hosts) through a model of ingress-nginx and through the Gateway API simulator, and lists
every request whose status, backend or forwarded path differs, with both traces and why.

Options:
  --out FILE          write the Gateway API YAML to FILE
  --json              print {gatewayApi, diagnostics, notSimulated, findings,
                      equivalence: {requests, same, different}}; diagnostics are what
                      gwsim check reports about loading the same input
  --requests CASEFILE also send the requests of a gwsim case file (their expectations are not read)
  --help              show this help

Exit codes: 0 every request behaves the same and every annotation is simulated, 1 a request
differs, an annotation is not simulated, the input has an error or an Ingress defined twice
(only one is converted), 2 usage or input error.
`,
  run(argv, io) {
    const args = parseArgs("migrate", argv, {
      out: { type: "string" },
      json: { type: "boolean" },
      requests: { type: "string" },
    });
    if (args.positionals.length === 0)
      throw new UsageError(
        "give at least one file, directory, or - for stdin holding Ingress objects",
      );
    const inputs = readInputs(io, args.positionals, "there is no Ingress to convert");
    if (
      !inputs.some(
        (s) => /^kind:\s*Ingress\s*$/m.test(s.text) || /"kind"\s*:\s*"Ingress"/.test(s.text),
      )
    ) {
      throw new InputError(
        `no Ingress in ${args.positionals.join(", ")}; migrate converts networking.k8s.io Ingress objects`,
      );
    }
    const casefile = stringFlag(args, "requests");
    const requests = casefile === undefined ? [] : readCaseRequests(io, casefile);
    const report = compareMigration(inputs, { requests });
    const out = stringFlag(args, "out");
    if (out !== undefined) {
      if (!io.writeFile) throw new InputError(`${out}: cannot write files here`);
      io.writeFile(out, report.gatewayApi);
    }
    if (boolFlag(args, "json")) {
      const json = {
        gatewayApi: report.gatewayApi,
        diagnostics: report.inputDiagnostics,
        notSimulated: report.notSimulated,
        findings: report.findings,
        equivalence: {
          requests: report.equivalence.requests,
          same: report.equivalence.same,
          different: report.equivalence.different.map((d) => ({
            request: d.request,
            ingress: d.ingress,
            gatewayApi: d.gatewayApi,
            why: d.why,
          })),
        },
      };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else if (out !== undefined) {
      io.stdout(printMigrationReport(report));
    } else {
      io.stdout(report.gatewayApi);
      io.stderr(printMigrationReport(report));
    }
    return report.equivalence.different.length > 0 ||
      report.notSimulated.length > 0 ||
      report.gatewayApiErrors.length > 0 ||
      report.inputDiagnostics.some((d) => d.severity === "error" || losesConvertedObject(d))
      ? 1
      : 0;
  },
};

/** The requests of a case file (top level and steps), http and https only. */
function readCaseRequests(io: CliIO, path: string): MigrationRequest[] {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    throw new InputError(
      `${path}: cannot read the case file (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const parsed = parseCaseFile(path, text);
  if (!parsed.ok) throw new InputError(parsed.errors.join("\n"));
  const cases = [...parsed.caseFile.requests, ...parsed.caseFile.steps.flatMap((s) => s.requests)];
  return cases.flatMap((c) => {
    const r = c.request;
    // Ingress serves requests through a Gateway; a mesh request (a Pod calling a Service) has none.
    if (c.mesh !== undefined) return [];
    if (r.scheme !== "http" && r.scheme !== "https") return [];
    return [
      {
        scheme: r.scheme,
        host: r.host ?? "",
        path: r.path ?? "/",
        ...(r.method ? { method: r.method } : {}),
        ...(r.headers ? { headers: r.headers } : {}),
      },
    ];
  });
}
