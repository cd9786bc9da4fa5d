/**
 * The designer at 1280×800 (a common laptop), with the default example and with a file a user
 * pastes from a GitOps repository: the toolbar stays one row, the default fit shows the
 * GatewayClass column whole (the fit used to centre on the Gateways and cut it at the left edge),
 * and a pasted file's route is whole on screen after Fit and selected by a click.
 */
import { readFileSync } from "node:fs";
import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

const LAPTOP = { width: 1280, height: 800 };

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error("not visible");
  return b;
}

test.beforeEach(async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(LAPTOP);
});

test("at 1280×800 the toolbar is one row: the theme button and the state dot stay beside Readings", async ({
  page,
  app,
}) => {
  await app.open();
  const toolbar = page.getByTestId("toolbar");
  expect((await box(toolbar)).height).toBeLessThan(50);
  const openExample = await box(page.getByRole("button", { name: /Open example/ }));
  for (const control of [
    page.getByRole("button", { name: /Readings/ }),
    page.getByRole("button", { name: /Theme/ }),
    page.getByRole("radio", { name: "closed" }),
  ]) {
    const b = await box(control);
    expect(Math.abs(b.y + b.height / 2 - (openExample.y + openExample.height / 2))).toBeLessThan(4);
    expect(b.x + b.width).toBeLessThanOrEqual(LAPTOP.width);
  }
});

test("at 1280×800 the default fit shows the GatewayClass card whole", async ({ page, app }) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();
  const flow = await box(page.getByTestId("graph-flow"));
  const card = canvas.node("GatewayClass/envoy");
  await expect(card).toContainText("GatewayClass");
  await expect(card.locator(".gn-name")).toHaveText("envoy");
  const c = await box(card);
  expect(c.x).toBeGreaterThanOrEqual(flow.x);
  expect(c.x + c.width).toBeLessThanOrEqual(flow.x + flow.width);
  await page.screenshot({ path: test.info().outputPath("default-1280.png") });
});

test("a pasted file with routes and no Gateway, at 1280×800: after Fit the selected route is whole on screen and a click selects it", async ({
  page,
  app,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();
  await app.fileInput.setInputFiles({
    name: "cafe-routes.yaml",
    mimeType: "application/yaml",
    buffer: readFileSync(
      new URL(
        "../fixtures/corpus/nginx__nginx-gateway-fabric/examples/cafe-example/cafe-routes.yaml",
        import.meta.url,
      ),
    ),
  });
  const coffee = canvas.node("HTTPRoute/default/coffee");
  await expect(coffee).toBeVisible();
  // Fit (the canvas button), as a person does after adding a file.
  await page.getByRole("button", { name: "Fit view" }).click();
  await canvas.settled();
  // The fit keeps the selected route (the pasted file's) whole on screen, and a click selects it.
  const flow = await box(page.getByTestId("graph-flow"));
  const route = await box(coffee);
  expect(route.x).toBeGreaterThanOrEqual(flow.x);
  expect(route.x + route.width).toBeLessThanOrEqual(flow.x + flow.width);
  await page.keyboard.press("Escape");
  await coffee.click();
  await expect(page.getByTestId("inspector")).toContainText("default/coffee");
  await page.screenshot({ path: test.info().outputPath("pasted-1280.png") });
});
