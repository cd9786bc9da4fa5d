/**
 * Issue 12, item 4: screenshots of the layout at the two laptop sizes, for people to look at:
 * first start, an example with the inspector open, the Simulator and Platform panels open, and
 * focus mode. Each also checks the one thing that made it unreadable on main.
 */
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

for (const size of [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
]) {
  test(`layout screenshots at ${size.width}×${size.height}`, async ({ page, app, api }) => {
    const shot = (name: string) =>
      page.screenshot({ path: `${SCREENS}/layout-${size.width}x${size.height}-${name}.png` });
    await page.setViewportSize(size);
    const canvas = new CanvasPage(page);
    const flow = page.getByTestId("graph-flow");
    await app.open();
    await canvas.readyAsFitted();
    await shot("start");

    await app.openExample("business-lines");
    await api.waitForAnalysis();
    await canvas.readyAsFitted();
    const route = page.locator('[data-testid^="graph-node-httproute-"]').first();
    await route.click();
    await expect(page.getByTestId("inspector")).toBeVisible();
    const f = (await flow.boundingBox())!;
    const i = (await page.getByTestId("inspector").boundingBox())!;
    expect(f.x + f.width).toBeLessThanOrEqual(i.x + 1);
    await shot("inspector");

    await page.getByTestId("simulator-toggle").click();
    await page.getByTestId("platform-toggle").click();
    await expect(page.getByTestId("platform-separator")).toBeVisible();
    expect((await flow.boundingBox())!.height).toBeGreaterThanOrEqual(200);
    await shot("panels");

    await page.getByTestId("focus-enter").click();
    await expect(page.getByTestId("focus-banner")).toBeVisible();
    await shot("focus");
  });
}
