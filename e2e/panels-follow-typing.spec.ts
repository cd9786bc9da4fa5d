/**
 * The Problems rows and counts, the finder's status options, the inspector and the busy label
 * follow a keystroke's analysis one frame after the graph (src/ui/common/shownAnalysis.ts). Once
 * `waitForAnalysis` resolves they show that analysis: read once here, never polled, so a panel
 * left on an older analysis fails.
 */
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

test("typed breaks and fixes: Problems, the finder, the inspector and the busy label show each answer", async ({
  page,
  app,
  editor,
  api,
}) => {
  await app.open();
  await editor.ready();
  const canvas = new CanvasPage(page);
  await canvas.ready();
  const routeKey = "HTTPRoute/team-a/store";
  await canvas.node(routeKey).click();
  await expect(page.getByTestId("inspector-title")).toContainText("store");

  const statusOptions = () => page.getByTestId("finder-status").locator("option").allTextContents();
  const shown = async () => ({
    counts: await page.getByTestId("problem-counts").textContent(),
    rows: await app.problem('got the string "80809x"').count(),
    statuses: await statusOptions(),
    inspector: await page.getByTestId("inspector").textContent(),
    busy: await app.busy.textContent(),
  });
  const before = await shown();
  expect(before.statuses).not.toContain("Rejected");
  expect(before.inspector).not.toContain("schema.type");

  // Line 103: `          port: 8080` of the selected route; typed, the port becomes a string.
  await editor.goTo(103, 21);
  await page.keyboard.type("9x");
  await api.waitForAnalysis();
  const broken = await shown();
  expect(broken.counts).toContain("3 errors");
  expect(broken.rows).toBe(1);
  expect(broken.statuses).toContain("Rejected");
  expect(broken.inspector).toContain("schema.type");
  expect(broken.busy).toBe("Up to date");
  await expect(canvas.node(routeKey)).toHaveAttribute("data-status", "error");

  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await api.waitForAnalysis();
  expect(await shown()).toEqual(before);
  await page.screenshot({ path: "test-results/answer26-panels-after-typing.png" });
});
