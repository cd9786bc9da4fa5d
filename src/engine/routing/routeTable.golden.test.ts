/**
 * Routing goldens: each testdata/routing/<case>.in.yaml goes through analyze(); the printed route
 * table must equal <case>.routes.txt. When <case>.requests.yaml exists, each request in it is
 * traced: its hand-written `expect` (status, backend, …) is checked, and the printed traces must
 * equal <case>.traces.txt. An input may open with `# world: closed|open|auto` (default auto). Every golden was reviewed by hand against the spec.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { analyze } from "../analyze";
import { printRouteTable } from "../print/printRouteTable";
import { printTrace } from "../print/printTrace";
import { traceRequest } from "../simulate/traceRequest";
import type { SimRequest } from "../simulate/types";
import { compileRouter } from "./compileRouter";
import { worldDirective } from "../../test-utils/worldDirective";

const DIR = "src/engine/testdata/routing";

interface RequestCase {
  name: string;
  request: SimRequest;
  expect: { status: number; kind?: string; backend?: string; location?: string; grpcCode?: string };
}

describe("routing goldens", () => {
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith(".in.yaml"))
    .sort()) {
    const name = file.replace(/\.in\.yaml$/, "");
    test(name, async () => {
      const text = readFileSync(`${DIR}/${file}`, "utf8");
      const world = worldDirective(text);
      const analysis = analyze([{ name: file, text }], {
        clock: () => "2026-01-01T00:00:00Z",
        ...(world !== undefined ? { world } : {}),
      });
      expect(analysis.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      await expect(printRouteTable(analysis.routeTable)).toMatchFileSnapshot(
        `../testdata/routing/${name}.routes.txt`,
      );
      const requestsFile = `${DIR}/${name}.requests.yaml`;
      if (!existsSync(requestsFile)) return;
      const cases = parse(readFileSync(requestsFile, "utf8")) as RequestCase[];
      const router = compileRouter(analysis);
      const traces: string[] = [];
      for (const c of cases) {
        const trace = traceRequest(router, c.request);
        const o = trace.outcome;
        const got = {
          status: o.status,
          ...(c.expect.kind !== undefined ? { kind: o.kind } : {}),
          ...(c.expect.backend !== undefined ? { backend: o.backend?.target } : {}),
          ...(c.expect.location !== undefined ? { location: o.redirect?.location } : {}),
          ...(c.expect.grpcCode !== undefined ? { grpcCode: o.grpcCode } : {}),
        };
        expect(got, c.name).toEqual(c.expect);
        traces.push(`=== ${c.name}\n${printTrace(trace)}`);
      }
      await expect(traces.join("\n")).toMatchFileSnapshot(`../testdata/routing/${name}.traces.txt`);
    });
  }
});
