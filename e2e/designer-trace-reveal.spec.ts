/**
 * The traced path is brought into view: at 1366×768 with the simulator open, a trace whose lit
 * path (Gateway → route → Service) lies below the visible part of the graph pans the canvas to
 * it, at a readable zoom. A re-run that follows a YAML edit never moves the view, and neither does
 * a trace once the user has taken the view over since sending it. Screenshots at 1366×768 and
 * 1600×1000, light and dark.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";
import { SimulatorPanel } from "./pages/SimulatorPanel";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";
const ROUTES = 16;

/** One Gateway, 16 routes with their own host and Service: a graph taller than the screen. */
const WORKSPACE = [
  `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: app}
spec:
  gatewayClassName: gc
  listeners: [{name: http, protocol: HTTP, port: 80, allowedRoutes: {namespaces: {from: All}}}]
`,
  ...Array.from(
    { length: ROUTES },
    (_, i) => `---
apiVersion: v1
kind: Service
metadata: {name: svc-${i}, namespace: app}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: route-${i}, namespace: app}
spec:
  parentRefs: [{name: gw}]
  hostnames: [host-${i}.example.com]
  rules:
    - backendRefs: [{name: svc-${i}, port: 80}]
`,
  ),
].join("");

/** Is the whole element inside the graph's visible area? */
async function inView(page: Page, target: Locator): Promise<boolean> {
  const flow = await page.getByTestId("graph-flow").boundingBox();
  const box = await target.boundingBox();
  if (!flow || !box) return false;
  return (
    box.y >= flow.y &&
    box.x >= flow.x &&
    box.y + box.height <= flow.y + flow.height &&
    box.x + box.width <= flow.x + flow.width
  );
}

const zoomOf = (page: Page) =>
  page
    .locator(".react-flow__viewport")
    .evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);

/** Sets up the tall graph with the simulator open; returns the route/Service of the traced host. */
async function tallGraphWithSimulator(
  page: Page,
  api: { setText(t: string): Promise<void>; waitForAnalysis(): Promise<unknown> },
) {
  const canvas = new CanvasPage(page);
  const sim = new SimulatorPanel(page);
  await api.setText(WORKSPACE);
  await api.waitForAnalysis();
  await canvas.readyAsFitted();
  await sim.open("request");
  await canvas.settled();
  return { canvas, sim };
}

/** Drags the empty pane (its right edge, clear of the cards) until `target` is off screen. */
async function panAway(page: Page, canvas: CanvasPage, target: Locator, dy: number) {
  const flow = (await page.getByTestId("graph-flow").boundingBox())!;
  const x = flow.x + flow.width - 20;
  const y = flow.y + flow.height / 2;
  for (let i = 0; i < 20 && (await inView(page, target)); i++) {
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + dy, { steps: 4 });
    await page.mouse.up();
  }
  await canvas.settled();
  expect(await inView(page, target)).toBe(false);
}

test.describe("at 1366×768", () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test("a trace whose path is off screen pans the canvas to it at a readable zoom; a re-run after an edit does not", async ({
    page,
    app,
    api,
  }) => {
    test.setTimeout(120_000);
    await app.open();
    const { canvas, sim } = await tallGraphWithSimulator(page, api);
    const last = ROUTES - 1;
    const route = canvas.node(`HTTPRoute/app/route-${last}`);
    const service = canvas.node(`Service/app/svc-${last}`);
    // Precondition: the path is not on screen as the app fitted it (pan away if it happened to be).
    if (await inView(page, route)) await panAway(page, canvas, route, -100);
    expect(await inView(page, route)).toBe(false);

    await sim.compose({ host: `host-${last}.example.com`, path: "/" });
    await sim.send();
    await expect(
      page.locator(`[data-testid^="graph-edge-"][data-sim-path="true"]`).first(),
    ).toBeAttached();
    await canvas.settled();
    expect(await inView(page, route)).toBe(true);
    expect(await inView(page, service)).toBe(true);
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(0.85);
    await page.screenshot({ path: `${SCREENS}/trace-reveal-1366x768.png` });

    // The user pans away; a YAML edit re-runs the trace (same path): the view stays where they put it.
    await panAway(page, canvas, route, 100);
    const style = await page.locator(".react-flow__viewport").getAttribute("style");
    const revision = await api.getRevision();
    await api.setText(`${WORKSPACE}# a comment\n`);
    await expect.poll(() => api.getRevision()).toBeGreaterThan(revision);
    await expect(sim.trace).toHaveAttribute("data-revision", String(await api.getRevision()));
    await expect(sim.trace).toHaveAttribute("data-state", "current");
    await page.waitForTimeout(600);
    expect(await page.locator(".react-flow__viewport").getAttribute("style")).toBe(style);
  });

  test("a trace sent again brings the path back; a path already on screen does not move the view", async ({
    page,
    app,
    api,
  }) => {
    test.setTimeout(120_000);
    await app.open();
    const { canvas, sim } = await tallGraphWithSimulator(page, api);
    const last = ROUTES - 1;
    const route = canvas.node(`HTTPRoute/app/route-${last}`);
    await sim.compose({ host: `host-${last}.example.com`, path: "/" });
    await sim.send();
    await canvas.settled();
    expect(await inView(page, route)).toBe(true);
    const style = await page.locator(".react-flow__viewport").getAttribute("style");
    // Sent again with the path on screen: nothing moves.
    await sim.compose({ path: "/again" });
    await sim.send();
    await page.waitForTimeout(600);
    expect(await page.locator(".react-flow__viewport").getAttribute("style")).toBe(style);
  });
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
])
  for (const scheme of ["light", "dark"] as const)
    test.describe(`screens ${size.width}×${size.height}, ${scheme}`, () => {
      test.use({ viewport: size, colorScheme: scheme });
      test("the traced path is on screen after sending", async ({ page, app, api }) => {
        test.setTimeout(90_000);
        await app.open();
        const { canvas, sim } = await tallGraphWithSimulator(page, api);
        const route = canvas.node(`HTTPRoute/app/route-${ROUTES - 1}`);
        await sim.compose({ host: `host-${ROUTES - 1}.example.com`, path: "/" });
        await sim.send();
        await canvas.settled();
        expect(await inView(page, route)).toBe(true);
        await page.screenshot({
          path: `${SCREENS}/trace-reveal-${size.width}x${size.height}-${scheme}.png`,
        });
      });
    });
