/**
 * The designer at 1280×800 (a common laptop), with the default example and with a file a user
 * pastes from a GitOps repository: the toolbar stays one row, the default fit shows the
 * GatewayClass column whole (the fit used to centre on the Gateways and cut it at the left edge),
 * and a pasted file's route is whole on screen after Fit and selected by a click.
 */
import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";

type Box = { x: number; y: number; width: number; height: number };
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

/** Every card's box on screen, with the canvas' box and the zoom buttons' box. */
async function cardBoxes(page: Page) {
  const flow = await box(page.getByTestId("graph-flow"));
  const buttons = await box(page.locator(".react-flow__controls"));
  const cards = page.locator(".react-flow__node .gn");
  const boxes = [];
  for (const card of await cards.all()) {
    const b = await card.boundingBox();
    if (b) boxes.push({ name: await card.locator(".gn-name").innerText(), ...b });
  }
  return { flow, buttons, boxes };
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const SLICE_ROUTE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: store
  namespace: shop
spec:
  parentRefs:
  - name: public
    namespace: infra
  hostnames: ["shop.example.com"]
  rules:
  - backendRefs:
    - name: store
      port: 8080
`;

test("a pasted route whose parent Gateway is not in the input (a slice) reads as not failing: no Rejected pill, no error, the zoom buttons over no card", async ({
  page,
  app,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();
  await page.getByRole("button", { name: "New", exact: true }).click();
  await app.fileInput.setInputFiles({
    name: "store-route.yaml",
    mimeType: "application/yaml",
    buffer: Buffer.from(SLICE_ROUTE),
  });
  const route = canvas.node("HTTPRoute/shop/store");
  await expect(route).toBeVisible();
  await canvas.settled();
  // The Problems panel says info (the parent is assumed); the card agrees: no status, not Rejected.
  await expect(app.problems).toContainText("0 errors");
  await expect(app.problems).toContainText(
    "Gateway infra/public is not in the workspace; assumed to exist",
  );
  await expect(route.locator(".gn-pill")).toHaveText("No status");
  await expect(route).not.toContainText("Rejected");
  await expect(canvas.node("Gateway/infra/public").locator(".gn-pill")).toHaveText("assumed");
  const { buttons, boxes } = await cardBoxes(page);
  expect(boxes.length).toBeGreaterThanOrEqual(2);
  for (const b of boxes) expect(overlaps(b, buttons), b.name).toBe(false);
  await page.screenshot({ path: test.info().outputPath("slice-route-1280.png") });
});

test("at 1280×800 neither the first fit nor Fit with a route selected cuts a card at the canvas' left edge or puts one under the zoom buttons", async ({
  page,
  app,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();
  const check = async () => {
    const { flow, buttons, boxes } = await cardBoxes(page);
    for (const b of boxes) {
      expect(overlaps(b, buttons), `${b.name} under the zoom buttons`).toBe(false);
      // Whole on screen, or wholly off it at the left: never cut in half by the left edge.
      expect(b.x >= flow.x || b.x + b.width <= flow.x, `${b.name} cut at the left edge`).toBe(true);
    }
    return { flow, boxes };
  };
  await check();
  // Select a route (a click, where it shows), then Fit: the fit keeps it whole and starts the
  // view at a column rather than centring it and cutting the Gateway in half.
  const store = canvas.node("HTTPRoute/team-a/store");
  const s = await box(store);
  await page.mouse.click(s.x + 20, s.y + s.height / 2);
  await expect(page.getByTestId("inspector")).toContainText("team-a/store");
  await page.getByRole("button", { name: "Fit view" }).click();
  await canvas.settled();
  const { flow } = await check();
  const r = await box(store);
  expect(r.x).toBeGreaterThanOrEqual(flow.x);
  expect(r.x + r.width).toBeLessThanOrEqual(flow.x + flow.width);
  const gateway = await box(canvas.node("Gateway/infra/shared"));
  expect(gateway.x).toBeGreaterThanOrEqual(flow.x);
  await page.screenshot({ path: test.info().outputPath("selected-fit-1280.png") });
});
