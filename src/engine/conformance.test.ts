/**
 * The upstream Gateway API conformance cases (fixtures/conformance/tests) as one vitest test per
 * expectation, named "<Case> › <expectation>". Expectations listed in
 * conformance/deviations.ts are registered as skipped with their reason; everything else must pass.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { parse } from "yaml";
import {
  DEVIATIONS,
  createCaseEngine,
  parseCaseFile,
  printExpectationResult,
  runConformanceCase,
} from "./index";

const root = fileURLToPath(new URL("../../", import.meta.url));
const testsDir = "fixtures/conformance/tests";
const readFile = (path: string): string => readFileSync(`${root}${path}`, "utf8");
const engine = createCaseEngine();

const files = readdirSync(`${root}${testsDir}`)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

test("every upstream case file is here, parses, and yields every expectation index.yaml counts", () => {
  const index = parse(readFile("fixtures/conformance/index.yaml")) as {
    totals: { tests: number; requests: number; statusExpectations: number };
  };
  expect(files.length).toBe(index.totals.tests);
  let requests = 0;
  let statuses = 0;
  for (const f of files) {
    const parsed = parseCaseFile(`${testsDir}/${f}`, readFile(`${testsDir}/${f}`));
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    if (!parsed.ok) continue;
    for (const state of [parsed.caseFile, ...parsed.caseFile.steps]) {
      requests += state.requests.length;
      statuses += state.status.length;
    }
  }
  expect({ requests, statuses }).toEqual({
    requests: index.totals.requests,
    statuses: index.totals.statusExpectations,
  });
});

const usedDeviations = new Set<string>();

for (const f of files) {
  const parsed = parseCaseFile(`${testsDir}/${f}`, readFile(`${testsDir}/${f}`));
  if (!parsed.ok) continue;
  // Flat test names, "<Case> › <expectation>", so a failure line names both without nesting.
  for (const r of runConformanceCase(parsed.caseFile, { readFile, engine })) {
    const title = `${r.case} › ${r.name}`;
    if (r.skipped !== undefined) {
      usedDeviations.add(r.skipped);
      test.skip(`${title} (skipped: ${r.skipped})`, () => {});
      continue;
    }
    test(title, () => {
      if (!r.pass) expect.fail(`\n${printExpectationResult(r)}\n`);
    });
  }
}

test("every deviation still names an expectation (stale entries must go)", () => {
  expect(DEVIATIONS.filter((d) => !usedDeviations.has(d.reason))).toEqual([]);
});
