/** Screenshots of the designer at the two laptop sizes issue 12 names, for people to look at. */
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";
import { SimulatorPanel } from "./pages/SimulatorPanel";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

for (const size of [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
]) {
  test(`the designer with a traced request at ${size.width}×${size.height}`, async ({
    page,
    app,
  }) => {
    await page.setViewportSize(size);
    const sim = new SimulatorPanel(page);
    await app.open();
    await new CanvasPage(page).ready();
    await page.screenshot({ path: `${SCREENS}/designer-${size.width}x${size.height}-start.png` });
    await sim.open("request");
    await sim.compose({
      gateway: "infra/shared",
      scheme: "http",
      host: "shop.example.com",
      path: "/cart",
      headers: { "x-canary": "true" },
    });
    await sim.send();
    await expect(page.locator('[data-testid$="-label"][data-sim-path="true"]')).toHaveText(
      "rule 0 · 100%",
    );
    await page.screenshot({ path: `${SCREENS}/designer-${size.width}x${size.height}-trace.png` });
    await app.openExample("grpc-method-routing-with-header-canary");
    await expect(page.getByTestId("sim-gone")).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/designer-${size.width}x${size.height}-gone.png` });
  });
}
