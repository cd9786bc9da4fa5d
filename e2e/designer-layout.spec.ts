/**
 * Issue 12, defect 4: the designer at 1366×768. The inspector sits beside the graph (never over
 * it), node text is readable at the default fit, the bottom panels resize (pointer and keyboard)
 * and remember their size, the graph keeps a usable height, the palette stays one row; search,
 * filter and focus mode.
 */
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";
import type { Locator, Page } from "@playwright/test";

const LAPTOP = { width: 1366, height: 768 };

/** On-screen size (px) of a node's name: its font size times the canvas zoom. */
async function nameTextPx(page: Page, nodeTestId: string): Promise<number> {
  return page.evaluate((id) => {
    const name = document.querySelector(`[data-testid="${id}"] .gn-name`);
    const viewport = document.querySelector(".react-flow__viewport");
    if (!name || !viewport) return 0;
    const zoom = new DOMMatrix(getComputedStyle(viewport).transform).a;
    return parseFloat(getComputedStyle(name).fontSize) * zoom;
  }, nodeTestId);
}

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error("not visible");
  return b;
}

test.beforeEach(async ({ page }) => page.setViewportSize(LAPTOP));

test("at 1366×768: readable default fit; the inspector docks beside the graph and the clicked node stays in view", async ({
  page,
  app,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();
  const flow = page.getByTestId("graph-flow");
  // Default fit: node names at 10 px or more on screen (main drew them at 5–6 px).
  await expect
    .poll(() => nameTextPx(page, "graph-node-gateway-infra-shared"))
    .toBeGreaterThanOrEqual(10);
  // The palette is one row, whatever the number of kinds.
  expect((await box(page.getByTestId("palette"))).height).toBeLessThan(40);

  const before = await box(flow);
  await canvas.node("HTTPRoute/team-b/shop").click();
  const inspector = page.getByTestId("inspector");
  await expect(inspector).toBeVisible();
  const insp = await box(inspector);
  await expect
    .poll(async () => (await box(flow)).x + (await box(flow)).width)
    .toBeLessThanOrEqual(insp.x + 1);
  // Docked beside: the graph keeps its width (the editor gives way), and the clicked node is on screen.
  expect(Math.abs((await box(flow)).width - before.width)).toBeLessThan(2);
  await expect
    .poll(async () => {
      const f = await box(flow);
      const n = await box(canvas.node("HTTPRoute/team-b/shop"));
      return (
        n.x >= f.x &&
        n.x + n.width <= f.x + f.width &&
        n.y >= f.y &&
        n.y + n.height <= f.y + f.height
      );
    })
    .toBe(true);
});

test("the bottom panels resize by drag and keyboard and remember it; with both open the graph keeps a usable height", async ({
  page,
  app,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();
  await page.getByTestId("simulator-toggle").click();
  const flow = page.getByTestId("graph-flow");
  const separator = page.getByTestId("simulator-separator");
  await expect(separator).toHaveAttribute("role", "separator");
  await expect(separator).toHaveAttribute("aria-orientation", "horizontal");
  const panel = page.getByTestId("simulator-panel");
  const start = Number(await separator.getAttribute("aria-valuenow"));
  expect(start).toBeGreaterThan(150);
  expect(Math.abs((await box(panel)).height - start)).toBeLessThan(2);

  // Keyboard: Down makes the panel smaller, Up bigger; aria-valuenow is the real height.
  await separator.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(separator).toHaveAttribute("aria-valuenow", String(start - 32));
  await expect.poll(async () => Math.round((await box(panel)).height)).toBe(start - 32);
  await page.keyboard.press("Home");
  await expect(separator).toHaveAttribute("aria-valuenow", "96");

  // Pointer: drag the separator up 120 px.
  const s = await box(separator);
  await page.mouse.move(s.x + 200, s.y + 3);
  await page.mouse.down();
  await page.mouse.move(s.x + 200, s.y - 60, { steps: 4 });
  await page.mouse.move(s.x + 200, s.y - 117, { steps: 4 });
  await page.mouse.up();
  await expect(separator).toHaveAttribute("aria-valuenow", "216");

  // Asking for everything still leaves the graph its minimum.
  await separator.focus();
  await page.keyboard.press("End");
  await expect
    .poll(async () => Number(await separator.getAttribute("aria-valuenow")))
    .toBeGreaterThan(216);
  await expect.poll(async () => (await box(flow)).height).toBeGreaterThanOrEqual(200);

  // Sizes persist: after a reload the simulator opens at the size it was given.
  await page.keyboard.press("Home");
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowUp");
  await expect(separator).toHaveAttribute("aria-valuenow", "176");
  await page.reload();
  await canvas.readyAsFitted();
  await page.getByTestId("simulator-toggle").click();
  await expect(page.getByTestId("simulator-separator")).toHaveAttribute("aria-valuenow", "176");

  // Both panels open at 1366×768: each keeps a body, the graph its usable height (main: 0–170 px).
  await page.getByTestId("platform-toggle").click();
  await expect(page.getByTestId("platform-separator")).toBeVisible();
  await expect.poll(async () => (await box(flow)).height).toBeGreaterThanOrEqual(200);
  expect((await box(page.getByTestId("platform-panel"))).height).toBeGreaterThanOrEqual(64);
  expect((await box(page.getByTestId("simulator-panel"))).height).toBeGreaterThanOrEqual(64);

  // Collapsed: no separator, the header stays.
  await page.getByTestId("simulator-toggle").click();
  await expect(page.getByTestId("simulator-separator")).toBeHidden();
  await expect(page.getByTestId("simulator-toggle")).toBeVisible();
});

test("search and filter fade what does not match; focus mode shows one object's neighbourhood and has a clear way out", async ({
  page,
  app,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();

  await page.getByTestId("finder-text").fill("shop");
  await expect(page.getByTestId("finder-count")).toContainText("3 of");
  await expect(canvas.node("HTTPRoute/team-b/shop")).not.toHaveAttribute("data-dimmed", "true");
  await expect(canvas.node("HTTPRoute/team-a/store")).toHaveAttribute("data-dimmed", "true");
  await page.getByTestId("finder-kind").selectOption("Service");
  await expect(page.getByTestId("finder-count")).toContainText("2 of");
  await expect(canvas.node("HTTPRoute/team-b/shop")).toHaveAttribute("data-dimmed", "true");
  await page.getByTestId("finder-text").fill("");
  await page.getByTestId("finder-kind").selectOption("");
  await page.getByTestId("finder-namespace").selectOption("team-a");
  await expect(canvas.node("HTTPRoute/team-a/store")).not.toHaveAttribute("data-dimmed", "true");
  await expect(canvas.node("Gateway/infra/shared")).toHaveAttribute("data-dimmed", "true");
  await page.getByTestId("finder-clear").click();
  await expect(canvas.node("Gateway/infra/shared")).not.toHaveAttribute("data-dimmed", "true");
  await page.getByTestId("finder-status").selectOption("ok");
  await expect(page.getByTestId("finder-count")).toBeVisible();
  await page.getByTestId("finder-clear").click();

  // Focus mode on team-b's route: its Gateway, class and Services; not team-a's route or Services.
  await canvas.node("HTTPRoute/team-b/shop").click();
  await page.getByTestId("focus-enter").click();
  await expect(page.getByTestId("focus-banner")).toContainText("HTTPRoute team-b/shop");
  await expect(canvas.node("HTTPRoute/team-a/store")).toHaveCount(0);
  await expect(canvas.node("Service/team-a/store-web")).toHaveCount(0);
  for (const key of [
    "HTTPRoute/team-b/shop",
    "Gateway/infra/shared",
    "GatewayClass//envoy",
    "HTTPRoute/team-b/shop",
    "Service/team-b/shop-v2",
  ]) {
    await expect(canvas.node(key)).toBeVisible();
  }
  // The way out: the banner's button (Escape on the graph does the same, see the keyboard spec).
  await page.getByTestId("focus-exit").click();
  await expect(page.getByTestId("focus-banner")).toHaveCount(0);
  await expect(canvas.node("HTTPRoute/team-a/store")).toHaveCount(1);
});
