/**
 * Issue 12, defect 7: keyboard. Escape closes the inspector; the canvas is one tab stop with
 * arrow-key movement between nodes; skip links reach the panels; menus follow the WAI-ARIA menu
 * pattern; the editor says how to leave its Tab trap, and the trap can be left.
 */
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";
import type { Page } from "@playwright/test";

test("Escape closes the inspector opened from the canvas", async ({ page, app }) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();
  await canvas.node("HTTPRoute/team-b/shop").click();
  await expect(page.getByTestId("inspector")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("inspector")).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.__gwsim!.getSelected())).toBeUndefined();
});

/** 97 documents: a class, a Gateway and 95 routes, each with a Service it sends to (missing ones are ghosts). */
function ninetySevenDocuments(): string {
  const docs = [
    "apiVersion: gateway.networking.k8s.io/v1\nkind: GatewayClass\nmetadata:\n  name: eg\nspec:\n  controllerName: example.com/gc",
    "apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: gw\n  namespace: default\nspec:\n  gatewayClassName: eg\n  listeners:\n  - name: http\n    port: 80\n    protocol: HTTP",
  ];
  for (let i = 0; i < 95; i++) {
    docs.push(
      `apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata:\n  name: route-${i}\n  namespace: default\nspec:\n  parentRefs:\n  - name: gw\n  hostnames:\n  - app-${i}.example.com\n  rules:\n  - backendRefs:\n    - name: svc-${i}\n      port: 80`,
    );
  }
  return docs.join("\n---\n") + "\n";
}

/** Presses Tab until `inside` matches the focused element; returns how many presses it took. */
async function tabsUntil(page: Page, inside: string, limit: number): Promise<number> {
  for (let n = 1; n <= limit; n++) {
    await page.keyboard.press("Tab");
    if (
      await page.evaluate(
        (sel) =>
          document.activeElement?.closest(sel) !== null &&
          document.activeElement?.closest(sel) !== undefined,
        inside,
      )
    )
      return n;
  }
  return Infinity;
}

test("with 97 documents the editor and the panels after it are a few Tab presses from page load", async ({
  page,
  app,
  api,
}) => {
  // 97 documents are analysed and laid out after each of the three loads below, on a shared machine.
  test.setTimeout(180_000);
  // The tab order does not wait for elk: the graph only has to be drawn.
  const drawn = () =>
    expect(canvas.root).toHaveAttribute("data-node-count", /^\d{3}$/, { timeout: 30_000 });
  const canvas = new CanvasPage(page);
  await app.open();
  await api.setText(ninetySevenDocuments());
  await api.waitForAnalysis();
  await expect(canvas.root).toHaveAttribute("data-node-count", /^\d{3}$/);
  await page.reload();
  await drawn();

  // Straight through the page: the canvas is one stop, whatever the number of objects (main: 203).
  const toEditor = await tabsUntil(page, '[data-testid="yaml-editor"]', 60);
  expect(toEditor).toBeLessThanOrEqual(30);
  // No node or edge of the graph is a tab stop of its own.
  expect(
    await page.locator('.react-flow__node[tabindex="0"], .react-flow__edge[tabindex="0"]').count(),
  ).toBe(0);

  // The panels after the editor: skip links, the first stops on the page.
  await page.reload();
  await drawn();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("skip-graph")).toBeFocused();
  await expect(page.getByTestId("skip-graph")).toBeVisible();
  const toSimulatorLink = await tabsUntil(page, '[data-testid="skip-simulator"]', 10);
  expect(toSimulatorLink).toBeLessThanOrEqual(4);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("simulator-toggle")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("simulator-toggle")).toHaveAttribute("aria-expanded", "true");
  // Problems and the editor the same way.
  await page.reload();
  await drawn();
  await page.keyboard.press("Tab");
  expect(await tabsUntil(page, '[data-testid="skip-problems"]', 10)).toBeLessThanOrEqual(3);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("problems-panel").locator(".panel-toggle")).toBeFocused();
  await page.getByTestId("skip-editor").focus();
  await page.keyboard.press("Enter");
  await expect
    .poll(() =>
      page.evaluate(() => document.activeElement?.closest('[data-testid="yaml-editor"]') != null),
    )
    .toBe(true);
});

test("the canvas: one tab stop, arrow keys between nodes, Enter opens the inspector, F and Escape for focus mode", async ({
  page,
  app,
}) => {
  test.setTimeout(60_000);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();
  const flow = page.getByTestId("graph-flow");
  await page.getByTestId("skip-graph").focus();
  await page.keyboard.press("Enter");
  await expect(flow).toBeFocused();
  // The cursor starts on the leftmost node (the GatewayClass), with a visible ring.
  const cls = canvas.node("GatewayClass//envoy");
  await expect(cls).toHaveAttribute("data-cursor", "true");
  await expect(flow).toHaveAttribute("aria-activedescendant", (await cls.getAttribute("id"))!);
  const ring = await cls.evaluate(
    (el) => getComputedStyle(el).outlineStyle + " " + getComputedStyle(el).outlineWidth,
  );
  expect(ring).toBe("solid 3px");
  await expect(page.getByTestId("graph-cursor-text")).toContainText("GatewayClass envoy");

  // Right: across the columns, to the Gateway; then to a route; Down within the column.
  await page.keyboard.press("ArrowRight");
  await expect(canvas.node("Gateway/infra/shared")).toHaveAttribute("data-cursor", "true");
  await page.keyboard.press("ArrowRight");
  const routes = ["HTTPRoute/team-a/store", "HTTPRoute/team-b/shop"];
  const onRoute = async () => {
    for (const r of routes)
      if ((await canvas.node(r).getAttribute("data-cursor")) === "true") return r;
    return undefined;
  };
  const first = await onRoute();
  expect(first).toBeDefined();
  await page.keyboard.press(first === routes[0] ? "ArrowDown" : "ArrowUp");
  await expect(canvas.node(first === routes[0] ? routes[1]! : routes[0]!)).toHaveAttribute(
    "data-cursor",
    "true",
  );
  // Left from the Gateway: the class, the only node in its column; Right again: the Gateway.
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowRight");
  await expect(canvas.node("Gateway/infra/shared")).toHaveAttribute("data-cursor", "true");
  await page.keyboard.press("ArrowLeft");
  await expect(cls).toHaveAttribute("data-cursor", "true");
  await page.keyboard.press("ArrowRight");
  await expect(canvas.node("Gateway/infra/shared")).toHaveAttribute("data-cursor", "true");

  // Enter opens the inspector on it; focus stays on the graph.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("inspector-title")).toContainText("shared");
  await expect(flow).toBeFocused();
  // F: focus mode on the cursor's node; Escape leaves focus mode and keeps the inspector.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("f");
  await expect(page.getByTestId("focus-banner")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("focus-banner")).toHaveCount(0);
  await expect(page.getByTestId("inspector")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("inspector")).toHaveCount(0);

  // One tab stop: the next Tab leaves the nodes behind.
  await page.keyboard.press("Tab");
  expect(
    await page.evaluate(() => document.activeElement?.closest(".react-flow__node") == null),
  ).toBe(true);
  await expect(flow).not.toBeFocused();
});

test("menus follow the WAI-ARIA menu pattern: arrows, Home/End, Escape back to the button", async ({
  page,
  app,
}) => {
  await app.open();
  const button = page.getByTestId("open-example");
  await button.focus();
  await page.keyboard.press("ArrowDown");
  const items = page.locator('[role="menu"] [role="menuitem"]');
  await expect(items.first()).toBeFocused();
  const count = await items.count();
  expect(count).toBeGreaterThan(3);
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(items.nth(count - 1)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(items.nth(count - 1)).toBeFocused();
  await page.keyboard.press("Home");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.locator('[role="menu"]')).toHaveCount(0);
  await expect(button).toBeFocused();
  // Up on the button opens the menu on its last item; Enter chooses it.
  await page.keyboard.press("ArrowUp");
  await expect(items.nth(count - 1)).toBeFocused();
  await page.keyboard.press("Escape");
  // The Export menu is the same component; Open saved has its own list with the same keys.
  await page.getByTestId("open-saved").focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("start-empty")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("open-saved")).toBeFocused();
});

test("the editor shows how to leave its Tab trap, and Ctrl+M does leave it", async ({
  page,
  app,
}) => {
  await app.open();
  const hint = page.getByTestId("editor-tab-hint");
  await expect(hint).toBeVisible();
  await expect(hint).toContainText("Ctrl");
  await expect(hint).toContainText("M");
  await page.getByTestId("skip-editor").focus();
  await page.keyboard.press("Enter");
  const inEditor = () =>
    page.evaluate(() => document.activeElement?.closest('[data-testid="yaml-editor"]') != null);
  await expect.poll(inEditor).toBe(true);
  await page.keyboard.press("Tab");
  await expect.poll(inEditor).toBe(true); // Tab indents: still in the editor
  await page.keyboard.press("Control+m");
  await page.keyboard.press("Tab");
  await expect.poll(inEditor).toBe(false);
});

test("a click moves the keyboard cursor to the clicked node, and no second ring appears beside it", async ({
  page,
  app,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();
  const cls = canvas.node("GatewayClass//envoy");
  const gateway = canvas.node("Gateway/infra/shared");
  await canvas.clickNode("Gateway/infra/shared");
  await expect(page.getByTestId("inspector-title")).toContainText("shared");
  await expect(gateway).toHaveAttribute("data-cursor", "true");
  await expect(cls).not.toHaveAttribute("data-cursor", "true");
  // A mouse click focuses the graph, but the keyboard ring is for keyboard focus only.
  const outline = (l: typeof cls) => l.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(await outline(cls)).toBe("none");
  // Arrows go on from the clicked node: Left reaches the class, now with the keyboard ring.
  await page.keyboard.press("ArrowLeft");
  await expect(cls).toHaveAttribute("data-cursor", "true");
  await expect.poll(() => outline(cls)).toBe("solid");
});

test("the canvas cursor's live description speaks only while the graph has focus, not while the user types in the editor", async ({
  page,
  app,
  editor,
  api,
}) => {
  test.setTimeout(60_000);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();
  const flow = page.getByTestId("graph-flow");
  const live = page.getByTestId("graph-cursor-text");
  await page.getByTestId("skip-graph").focus();
  await page.keyboard.press("Enter");
  await expect(flow).toBeFocused();
  await expect(live).toHaveText("GatewayClass envoy: OK");

  // Typing in the editor changes the cursor node's status: the live region must stay silent.
  await editor.replace("gateway.envoyproxy.io/gatewayclass-controller", "not a controller");
  await api.waitForAnalysis();
  await expect(canvas.node("GatewayClass//envoy")).toHaveAttribute("data-cursor", "true");
  await expect(live).toHaveText("");

  // Back on the graph, the cursor is described again, with the status the edit gave it.
  await page.getByTestId("skip-graph").focus();
  await page.keyboard.press("Enter");
  await expect(flow).toBeFocused();
  await expect(live).toContainText("GatewayClass envoy: Rejected");
});
