/**
 * Issue 12, defect 2: edges between the same two nodes are distinct and readable (one per rule,
 * labels apart), and the lit path is the winning rule's own edge.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";
import { SimulatorPanel } from "./pages/SimulatorPanel";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

type Box = { x: number; y: number; width: number; height: number };
const apart = (a: Box, b: Box) =>
  a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

async function boxOf(label: Locator): Promise<Box> {
  await expect(label).toBeVisible();
  const box = await label.boundingBox();
  if (!box) throw new Error("label has no box");
  return box;
}

/** The label is the element a person sees at its own centre (nothing drawn over it). */
async function expectOnTop(page: Page, label: Locator): Promise<void> {
  // The readable default fit may leave the label off screen: zoom out to it first, as a person would.
  await new CanvasPage(page).zoomOutUntilVisible(label);
  const box = await boxOf(label);
  const testId = await label.getAttribute("data-testid");
  const topmost = await page.evaluate(
    ([x, y]) =>
      document
        .elementFromPoint(x!, y!)
        ?.closest('[data-testid$="-label"]')
        ?.getAttribute("data-testid"),
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(topmost).toBe(testId);
}

test("the x-canary request lights rule 0’s own edge, which no other rule’s label covers", async ({
  page,
  app,
}) => {
  const sim = new SimulatorPanel(page);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const rule0 = canvas.edgeLabel("backend:HTTPRoute/team-b/shop:0:0");
  const rule1 = canvas.edgeLabel("backend:HTTPRoute/team-b/shop:1:1");
  await expect(rule0).toHaveText("rule 0 · 100%");
  await expect(rule1).toHaveText("rule 1 · 10%");
  expect(apart(await boxOf(rule0), await boxOf(rule1))).toBe(true);
  await expectOnTop(page, rule0);
  await expectOnTop(page, rule1);

  await sim.open("request");
  await sim.compose({
    gateway: "infra/shared",
    scheme: "http",
    host: "shop.example.com",
    path: "/cart",
    headers: { "x-canary": "true" },
  });
  await sim.send();
  await expect(sim.candidate(1)).toHaveAttribute("data-state", "winner");
  const lit = page.locator('[data-testid$="-label"][data-sim-path="true"]');
  await expect(lit).toHaveCount(1);
  await expect(lit).toHaveText("rule 0 · 100%");
  await expect(rule1).not.toHaveAttribute("data-sim-path", "true");
  await expectOnTop(page, lit);
  await page.screenshot({ path: `${SCREENS}/edges-lit-rule0.png` });
});

const FOUR_RULES = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: eg}
spec: {controllerName: example.com/gateway}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: app}
spec:
  gatewayClassName: eg
  listeners:
    - {name: http, protocol: HTTP, port: 80}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: filters, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    - matches: [{path: {type: PathPrefix, value: /a}}]
      backendRefs: [{name: web, port: 80}]
    - matches: [{path: {type: PathPrefix, value: /b}}]
      backendRefs: [{name: web, port: 80}]
    - matches: [{path: {type: PathPrefix, value: /c}}]
      backendRefs: [{name: web, port: 80}]
    - matches: [{path: {type: PathPrefix, value: /d}}]
      backendRefs: [{name: web, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: app}
spec:
  ports: [{port: 80}]
`;

test("four rules to one Service: four distinct edges with four readable labels", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await api.setText(FOUR_RULES);
  await api.waitForAnalysis();
  await page.getByTestId("relayout").click();
  await canvas.ready();
  const labels = [0, 1, 2, 3].map((i) => canvas.edgeLabel(`backend:HTTPRoute/app/filters:${i}:0`));
  const boxes: Box[] = [];
  for (const [i, label] of labels.entries()) {
    await expect(label).toHaveText(`rule ${i} · 100%`);
    boxes.push(await boxOf(label));
    await expectOnTop(page, label);
  }
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) expect(apart(a, b)).toBe(true);
  const paths = await Promise.all(
    [0, 1, 2, 3].map((i) => canvas.edge(`backend:HTTPRoute/app/filters:${i}:0`).getAttribute("d")),
  );
  expect(new Set(paths).size).toBe(4);
  await page.screenshot({ path: `${SCREENS}/edges-four-rules.png` });
});
