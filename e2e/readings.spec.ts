/**
 * Issue 14, readings in the app: the Readings control beside the world switch chooses another
 * reading where the spec is unsettled; the outcome changes, and the Problems panel, the inspector
 * and the trace say which reading decided, in the engine's words. The choice persists across a
 * reload and travels in share links.
 */
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { parseCaseFile } from "../src/engine/conformance/parseCaseFile";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";
import { SimulatorPanel } from "./pages/SimulatorPanel";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

/** A rule whose only backendRef has weight 0: 500 by gwsim's default, forwarded under all-traffic. */
const LONE_ZERO_WEIGHT = readFileSync(
  new URL("../src/engine/testdata/readings/lone-zero-weight.yaml", import.meta.url),
  "utf8",
);

const READING = "reading loneBackendZeroWeight=all-traffic";

test("choosing a reading changes the outcome, every view names it, and it persists and travels in a share link", async ({
  page,
  app,
  api,
  browser,
}) => {
  // A reload and a second browser context, each with a full analysis: long on a loaded machine.
  test.slow();
  const canvas = new CanvasPage(page);
  const sim = new SimulatorPanel(page);
  await app.open();
  await api.setText(LONE_ZERO_WEIGHT);
  await api.waitForAnalysis();
  await canvas.ready();
  const button = page.getByTestId("readings-button");
  await expect(page.getByTestId("readings-badge")).toHaveCount(0);

  // gwsim's default: the lone weight-0 backend gets nothing, the rule answers 500.
  await sim.open("request");
  await sim.compose({ gateway: "default/gw", path: "/" });
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-status", "500");
  await expect(page.getByTestId("trace-backend-svc-reading")).toHaveCount(0);

  // The control: each reading with its question and values, gwsim's default marked.
  await button.click();
  const panel = page.getByTestId("readings-panel");
  await expect(panel).toBeVisible();
  // The whole panel lies inside the window (it opens leftwards from the button's right edge).
  const box = await panel.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport).toBeTruthy();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(viewport!.width);
  const lone = page.getByTestId("reading-loneBackendZeroWeight");
  await expect(lone).toContainText(
    "the only backendRef of a rule has weight 0: it gets no traffic (500), or all of it",
  );
  await expect(lone.getByLabel(/no-traffic/)).toBeChecked();
  await expect(lone.locator("label", { hasText: "no-traffic" })).toContainText("(gwsim's default)");
  await expect(panel.locator("fieldset")).toHaveCount(7);
  await page.getByTestId("world-switch").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/readings-panel-default-light.png` });

  await page.getByTestId("reading-loneBackendZeroWeight-all-traffic").check();
  await expect(page.getByTestId("readings-badge")).toHaveText("1 non-default");
  await expect(button).toHaveAttribute("title", /loneBackendZeroWeight=all-traffic/);
  await page.screenshot({ path: `${SCREENS}/readings-panel-light.png` });
  const axe = await new AxeBuilder({ page }).exclude(".monaco-editor").analyze();
  expect(
    axe.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`),
  ).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(button).toBeFocused();

  // The shown trace follows the new revision: forwarded, and the backend step names the reading.
  await expect(sim.outcome).toHaveAttribute("data-status", "200");
  await expect(page.getByTestId("trace-backend-svc-reading")).toContainText(READING);
  await expect(app.problem(READING)).toHaveCount(1);
  await canvas.clickNode("HTTPRoute/default/r");
  await expect(page.getByTestId("inspector-readings")).toContainText(READING);
  await page.screenshot({ path: `${SCREENS}/readings-trace-inspector-light.png` });
  await page
    .getByTestId("readings-control")
    .screenshot({ path: `${SCREENS}/readings-badge-light.png` });

  // Saved with the workspace: a reload keeps the reading.
  await page.evaluate(() => window.__gwsim!.flushAutosave!());
  await page.reload();
  await app.open();
  await api.waitForAnalysis();
  await expect(page.getByTestId("readings-badge")).toHaveText("1 non-default");
  await expect(app.problem(READING)).toHaveCount(1);

  // Carried in a share link: the person opening it sees the same reading and outcome.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("export").click();
  await page.getByTestId("export-share-link").click();
  await expect(page.getByTestId("notice")).toContainText("A share link is on the clipboard");
  const link = await page.evaluate(() => window.__gwsim!.lastShareLink ?? "");
  expect(link).toMatch(/#w=[A-Za-z0-9_-]+&readings=loneBackendZeroWeight:all-traffic$/);

  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    colorScheme: "dark",
  });
  try {
    const other = await context.newPage();
    await other.goto(link);
    await other.waitForFunction(() => window.__gwsim !== undefined);
    await other.evaluate(() => window.__gwsim!.waitForAnalysis());
    await expect(other.getByTestId("readings-badge")).toHaveText("1 non-default");
    await expect(
      other.getByTestId("problems-panel").locator('[data-testid^="problem-"][data-kind]', {
        hasText: READING,
      }),
    ).toHaveCount(1);
    await other.getByTestId("readings-button").click();
    await expect(other.getByTestId("reading-loneBackendZeroWeight-all-traffic")).toBeChecked();
    await other.screenshot({ path: `${SCREENS}/readings-panel-dark.png` });
    await other
      .getByTestId("readings-control")
      .screenshot({ path: `${SCREENS}/readings-badge-dark.png` });
    const darkAxe = await new AxeBuilder({ page: other }).exclude(".monaco-editor").analyze();
    expect(
      darkAxe.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`),
    ).toEqual([]);
  } finally {
    await context.close();
  }

  // Back to gwsim's defaults: the badge goes, and the trace answers 500 again.
  await button.click();
  await page.getByTestId("readings-reset").click();
  await expect(page.getByTestId("readings-badge")).toHaveCount(0);
  await expect(app.problem(READING)).toHaveCount(0);
});

test("Export as gwsim test writes a saved mesh request in the mesh form and the readings in force, and gwsim test reads it back", async ({
  page,
  app,
  api,
}) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await app.openExample("mesh-route-with-service-parent");
  await api.waitForAnalysis();
  await page.getByTestId("readings-button").click();
  await page.getByTestId("reading-backendPortNotInService-unchecked").check();
  await page.keyboard.press("Escape");
  await sim.open("request");
  await sim.compose({ path: "/jason", headers: { "end-user": "jason" } });
  await page.getByTestId("sim-save-name").fill("jason goes to v2");
  await page.getByTestId("sim-save").click();
  await expect(page.getByTestId("sim-saved")).toContainText("jason goes to v2");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("sim-saved-export").click(),
  ]);
  await expect(page.getByTestId("notice")).toContainText("Downloaded 1 saved requests");
  await expect(page.getByTestId("notice")).not.toContainText("Left out");
  const text = readFileSync(await download.path(), "utf8");
  expect(text).toContain("readings:\n  backendPortNotInService: unchecked\n");
  expect(text).toContain(
    "mesh:\n      from: bookinfo\n      service: bookinfo/reviews\n      port: 9080\n",
  );

  // gwsim test reads it back as written (running it is covered by the unit round trip in
  // src/engine/whatif/meshRequests.test.ts: the engine's JSON schemas do not load in Playwright).
  const parsed = parseCaseFile("saved.cases.yaml", text);
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  expect(parsed.caseFile.readings).toEqual({ backendPortNotInService: "unchecked" });
  expect(parsed.caseFile.requests.map((r) => [r.name, r.mesh, r.expect])).toEqual([
    [
      "jason goes to v2",
      { from: "bookinfo", service: "bookinfo/reviews", port: 9080 },
      {
        status: 200,
        backend: "bookinfo/reviews-v2",
        request: { method: "GET", path: "/jason", headers: { "end-user": "jason" } },
      },
    ],
  ]);
});
