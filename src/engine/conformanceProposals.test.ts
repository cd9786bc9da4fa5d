/**
 * Conformance cases of open upstream proposals (fixtures/conformance/proposals): each runs under
 * the reading it names and must pass; without that reading it must fail, or the case would not
 * be checking the reading at all.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import {
  createCaseEngine,
  parseCaseFile,
  printExpectationResult,
  runConformanceCase,
} from "./index";

const root = fileURLToPath(new URL("../../", import.meta.url));
const testsDir = "fixtures/conformance/proposals/tests";
const readFile = (path: string): string => readFileSync(`${root}${path}`, "utf8");
const engine = createCaseEngine();
const files = readdirSync(`${root}${testsDir}`)
  .filter((f) => f.endsWith(".yaml"))
  .sort();

describe.each(files)("%s", (f) => {
  const parsed = parseCaseFile(`${testsDir}/${f}`, readFile(`${testsDir}/${f}`));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const caseFile = parsed.caseFile;

  test("names a reading, and every expectation passes under it", () => {
    expect(caseFile.readings).toBeDefined();
    const results = runConformanceCase(caseFile, { readFile, engine });
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => !r.pass).map(printExpectationResult)).toEqual([]);
  });

  test("under gwsim's default readings the traffic expectations fail", () => {
    const { readings: _ignored, ...withoutReading } = caseFile;
    const results = runConformanceCase(withoutReading, { readFile, engine });
    const requests = results.filter((r) => r.kind === "request");
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => r.pass)).toEqual([]);
  });
});
