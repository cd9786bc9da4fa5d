/**
 * Screenshots of the designer at the two laptop sizes issue 12 names, light and dark, for people to
 * look at: first start, the inspector on a listener, the simulator with a trace, the platform panel,
 * and the composer after the Gateway it named went away. Each also checks what a person would
 * see broken there: the toolbar on one row with every control inside the window, the inspector
 * beside the graph, the lit edge, the panels leaving the graph a usable height.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";
import { SimulatorPanel } from "./pages/SimulatorPanel";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error("not visible");
  return b;
}

/** The toolbar is one row: every control's box sits on the same line, inside the window. */
async function expectToolbarOnOneRow(page: Page, width: number): Promise<void> {
  const toolbar = await box(page.getByTestId("toolbar"));
  expect(toolbar.height).toBeLessThanOrEqual(48);
  const controls = page.getByTestId("toolbar").locator("button:visible, [role=radiogroup]");
  const count = await controls.count();
  expect(count).toBeGreaterThan(5);
  for (let i = 0; i < count; i++) {
    const b = await box(controls.nth(i));
    expect(b.y, `control ${i} is on the toolbar's row`).toBeGreaterThanOrEqual(toolbar.y);
    expect(b.y + b.height).toBeLessThanOrEqual(toolbar.y + toolbar.height);
    expect(b.x + b.width, `control ${i} is inside the window`).toBeLessThanOrEqual(width);
  }
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
]) {
  for (const scheme of ["light", "dark"] as const) {
    test.describe(`${size.width}×${size.height} ${scheme}`, () => {
      test.use({ viewport: size, colorScheme: scheme });

      test(`the designer as people meet it at ${size.width}×${size.height}, ${scheme}`, async ({
        page,
        app,
      }) => {
        test.setTimeout(120_000);
        const shot = (name: string) =>
          page.screenshot({
            path: `${SCREENS}/designer-${size.width}x${size.height}-${scheme}-${name}.png`,
          });
        const sim = new SimulatorPanel(page);
        const canvas = new CanvasPage(page);
        const flow = page.getByTestId("graph-flow");
        await app.open();
        await canvas.readyAsFitted();
        await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
        await expectToolbarOnOneRow(page, size.width);
        await shot("start");

        // The inspector on a listener: docked beside the graph, its edit fields in view.
        await canvas.clickNode("Gateway/infra/shared");
        const inspector = page.getByTestId("inspector");
        await expect(page.getByTestId("inspector-listener-https")).toBeVisible();
        await expect(page.getByTestId("edit-listener-http-port")).toBeVisible();
        expect((await box(flow)).x + (await box(flow)).width).toBeLessThanOrEqual(
          (await box(inspector)).x + 1,
        );
        await shot("inspector-listener");

        await page.keyboard.press("Escape");
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
        await expect(sim.outcome).toBeInViewport();
        expect((await box(flow)).height).toBeGreaterThanOrEqual(200);
        await shot("trace");

        // The composer after the Gateway it named went away (issue 12, defect 1).
        await app.openExample("grpc-method-routing-with-header-canary");
        await expect(page.getByTestId("sim-gone")).toBeVisible();
        await shot("gone");

        // The platform panel on an example with findings, each with its fix-it.
        await page.getByTestId("simulator-toggle").click();
        await app.openExample("broken-on-purpose");
        await page.getByTestId("platform-tab-lint").click();
        await expect(
          page.getByTestId("platform-panel").getByTestId("lint-finding-lint-reference-not-granted"),
        ).toBeVisible();
        expect((await box(flow)).height).toBeGreaterThanOrEqual(200);
        await expectToolbarOnOneRow(page, size.width);
        await shot("platform");
      });
    });
  }
}
