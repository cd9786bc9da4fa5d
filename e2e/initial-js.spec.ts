/**
 * Issue 11, the initial JavaScript: share-link decoding and the Export menu's share and folder
 * actions load on demand (after the first graph, or when a link is opened). What a person relies
 * on must still hold: the first graph appears, Export's share link and zip work, and a share link
 * opened in a fresh page shows the workspace it carries.
 */
import { readFileSync } from "node:fs";
import { CanvasPage } from "./pages/CanvasPage";
import { expect, test } from "./fixtures";

test("the first graph appears, Export's share link and zip work, and the link opens the workspace", async ({
  page,
  app,
  api,
  browser,
}) => {
  // Two page loads, a download and a share link on a shared, loaded machine.
  test.setTimeout(90_000);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const shown = await api.waitForAnalysis();
  expect(shown.objects.length).toBeGreaterThan(0);
  const text = await page.evaluate(() => window.__gwsim!.getText());

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("export").click();
  await page.getByTestId("export-share-link").click();
  await expect(page.getByTestId("notice")).toContainText("share link is on the clipboard");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#w=[A-Za-z0-9_-]+$/);

  await page.getByTestId("export").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-zip").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const zip = readFileSync(await download.path());
  // A local file header's signature: the zip writer ran.
  expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  await expect(page.getByTestId("notice")).toContainText("object files with a kustomization.yaml");

  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await other.goto(link);
    await other.waitForFunction(() => window.__gwsim !== undefined);
    const opened = await other.evaluate(async () => {
      const { analysis } = await window.__gwsim!.waitForAnalysis();
      return { text: window.__gwsim!.getText(), objects: analysis.objects.length };
    });
    expect(opened).toEqual({ text, objects: shown.objects.length });
    await expect(other.getByTestId("share-notice")).toContainText("Opened from a share link");
    await expect(other.locator(".react-flow__node").first()).toBeVisible();
  } finally {
    await context.close();
  }
});
