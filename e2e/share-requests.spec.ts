/**
 * Issue 12, defect 9 (remainder): saved requests travel in share links and open listed, never
 * sent; Recent is kept per named workspace, so switching workspaces shows each one's own Recent.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { SimulatorPanel } from "./pages/SimulatorPanel";

const SAME_ORIGIN = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/;

async function saveRequest(page: Page, name: string): Promise<void> {
  await page.getByTestId("sim-save-name").fill(name);
  await page.getByTestId("sim-save").click();
  await expect(page.getByTestId("sim-saved")).toContainText(name);
}

async function saveAs(page: Page, name: string): Promise<void> {
  await page.getByTestId("save-as").click();
  await page.getByTestId("save-as-name").fill(name);
  await page.getByTestId("save-as-confirm").click();
  await expect(page.getByTestId("notice")).toContainText(`Saved as “${name}”`);
}

async function openSaved(page: Page, name: string): Promise<void> {
  await page.getByTestId("open-saved").click();
  await page
    .locator(`[data-testid="saved-item"][data-name="${name}"]`)
    .getByRole("menuitem")
    .click();
  await expect(page.getByTestId("notice")).toContainText(`Opened “${name}”`);
}

test("a share link carries the saved requests; a stranger sees them listed and nothing is sent", async ({
  page,
  app,
  api,
  browser,
}) => {
  // Two profiles and two full analyses: a long flow on a loaded machine.
  test.slow();
  const sim = new SimulatorPanel(page);
  await app.open();
  await app.openExample("mesh-route-with-service-parent");
  await api.waitForAnalysis();
  await sim.open("request");
  await sim.compose({ path: "/jason", headers: { "end-user": "jason" } });
  await saveRequest(page, "jason goes to v2");
  await sim.compose({ path: "/others", headers: {} });
  await saveRequest(page, "others split 90/10");

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("export").click();
  await page.getByTestId("export-share-link").click();
  await expect(page.getByTestId("notice")).toContainText("It includes 2 saved requests.");
  const link = await page.evaluate(() => window.__gwsim!.lastShareLink ?? "");
  expect(link).toMatch(/#w=[A-Za-z0-9_-]+&r=[A-Za-z0-9_-]+$/);

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const problems: string[] = [];
  context.on("request", (req) => {
    if (!SAME_ORIGIN.test(req.url())) problems.push(`left the origin: ${req.url()}`);
  });
  try {
    const other = await context.newPage();
    other.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
    await other.goto(link);
    await other.waitForFunction(() => window.__gwsim !== undefined);
    await other.evaluate(() => window.__gwsim!.waitForAnalysis());
    await expect(other.getByTestId("share-notice")).toBeVisible();
    const otherSim = new SimulatorPanel(other);
    await otherSim.open("request");
    const saved = other.getByTestId("sim-saved");
    await expect(saved.getByRole("button", { name: /^jason goes to v2/ })).toContainText(
      "mesh bookinfo → GET bookinfo/reviews:9080/jason",
    );
    await expect(saved.getByRole("button", { name: /^others split 90\/10/ })).toBeVisible();
    // Opening the link sent nothing: no trace, no Recent.
    await expect(other.getByTestId("sim-trace")).toHaveCount(0);
    await expect(other.getByTestId("sim-history").locator("li")).toHaveCount(0);
    await other.screenshot({ path: "test-results/screens/share-link-saved-requests.png" });
    // The stranger decides to send one: it runs, as any click on a saved request does.
    await saved.getByRole("button", { name: /^jason goes to v2/ }).click();
    await expect(other.getByTestId("trace-backend-reviews-v2")).toHaveAttribute("data-share", "1");
    // Keep my workspace: the link's requests leave with it.
    await other.getByTestId("share-keep-mine").click();
    await expect(other.getByTestId("share-notice")).toBeHidden();
    await expect(saved.locator("li")).toHaveCount(0);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});

test("Recent is kept per named workspace: switching workspaces shows each one its own", async ({
  page,
  app,
  api,
}) => {
  // Five workspace switches, each with a fresh analysis.
  test.slow();
  const sim = new SimulatorPanel(page);
  const recent = page.getByTestId("sim-history");
  await app.open();
  await sim.open("request");
  await sim.compose({ path: "/from-alpha" });
  await sim.send();
  await saveAs(page, "alpha");

  await app.openExample("mesh-route-with-service-parent");
  await api.waitForAnalysis();
  await expect(recent.locator("li")).toHaveCount(0);
  await sim.compose({ path: "/from-beta" });
  await sim.send();
  await saveAs(page, "beta");
  await expect(recent).toContainText("/from-beta");

  await openSaved(page, "alpha");
  await expect(recent).toContainText("/from-alpha");
  await expect(recent).not.toContainText("/from-beta");
  // Sent after the save: still alpha's when we come back.
  await sim.compose({ path: "/alpha-again" });
  await sim.send();

  await openSaved(page, "beta");
  await expect(recent).toContainText("/from-beta");
  await expect(recent).not.toContainText("alpha");

  await openSaved(page, "alpha");
  await expect(recent.locator("li")).toHaveCount(2);
  await expect(recent.locator("li").first()).toContainText("/alpha-again");
  await expect(recent).toContainText("/from-alpha");
});
