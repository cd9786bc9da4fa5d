import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";
import { SimulatorPanel } from "./pages/SimulatorPanel";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

test("a GitOps slice works out of the box in auto: assumptions drawn, counted and traced; the canary lab splits 90/10", async ({
  page,
  app,
}) => {
  const canvas = new CanvasPage(page);
  const sim = new SimulatorPanel(page);
  await app.open();
  await app.openExample("gitops-slice");
  await canvas.ready();
  // The switch says which world and what it does.
  await expect(page.getByTestId("world-auto")).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("world-explain")).toHaveText("assume kinds the workspace lacks");
  // The class and the Services are drawn, marked assumed; the Gateway is served.
  for (const key of [
    "GatewayClass//platform",
    "Service/shop/storefront-v1",
    "Service/shop/storefront-v2",
    "Service/shop/api",
  ]) {
    await expect(canvas.node(key)).toHaveAttribute("data-assumed", "true");
    await expect(canvas.node(key)).toContainText("assumed");
  }
  await expect(canvas.node("Gateway/shop/public")).toHaveAttribute("data-status", "ok");
  await canvas
    .node("Service/shop/storefront-v1")
    .screenshot({ path: `${SCREENS}/world-assumed-node.png` });
  await page.getByTestId("world-switch").screenshot({ path: `${SCREENS}/world-switch.png` });
  // Counted in the Problems header, one note per assumed object.
  await expect(page.getByTestId("assumed-count")).toHaveText("5 assumed objects");
  await expect(
    app.problem("Service shop/storefront-v1 is not in the workspace; assumed to exist"),
  ).toHaveCount(1);
  await expect(app.problem("Secret shop/shop-example-com-tls is not in the workspace")).toHaveCount(
    1,
  );

  // A trace over HTTPS reaches the storefront, and each step says what it relied on.
  await sim.open("request");
  await sim.compose({
    gateway: "shop/public",
    scheme: "https",
    host: "shop.example.com",
    path: "/",
    headers: {},
  });
  await page.getByTestId("sim-port").fill("443");
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-status", "200");
  await expect(page.getByTestId("trace-gateway-assumed")).toContainText(
    "GatewayClass platform is not in the workspace; assumed Accepted",
  );
  await expect(page.getByTestId("trace-listener-https-assumed")).toContainText(
    "Secret shop/shop-example-com-tls is not in the workspace; assumed to hold SANs shop.example.com from Certificate shop/shop-example-com",
  );
  await expect(page.getByTestId("trace-backend-storefront-v1-assumed")).toHaveText(
    "assumed: Service shop/storefront-v1:8080 is not in the workspace; assumed to exist (closed world: 500)",
  );
  await page.screenshot({ path: `${SCREENS}/world-gitops-slice-trace.png` });

  // The canary lab: 10,000 requests, 90/10 within sampling error.
  await sim.open("canary");
  await page.getByTestId("sim-run").click();
  await expect(page.getByTestId("sim-run-status")).toHaveAttribute("data-status", "done");
  const v2 = sim.splitRow("sim-split", "storefront-v2-8080");
  await expect(v2).toHaveAttribute("data-expected", "0.1");
  expect(Math.abs(Number(await v2.getAttribute("data-observed")) - 0.1)).toBeLessThan(0.012);
  await page.screenshot({ path: `${SCREENS}/world-gitops-slice-canary.png` });
});

test("switching to closed shows what an empty cluster does, and the choice is saved with the workspace", async ({
  page,
  app,
}) => {
  const canvas = new CanvasPage(page);
  const sim = new SimulatorPanel(page);
  await app.open();
  await app.openExample("gitops-slice");
  await canvas.ready();
  await sim.open("request");
  await sim.compose({
    gateway: "shop/public",
    scheme: "https",
    host: "shop.example.com",
    path: "/",
    headers: {},
  });
  await page.getByTestId("sim-port").fill("443");
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-status", "200");

  await page.getByTestId("world-closed").click();
  await expect(page.getByTestId("world-closed")).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("world-explain")).toHaveText("the workspace is the whole cluster");
  await expect(page.getByTestId("assumed-count")).toHaveCount(0);
  await expect(canvas.node("Service/shop/storefront-v1")).toHaveAttribute("data-status", "missing");
  await expect(canvas.node("Service/shop/storefront-v1")).not.toHaveAttribute(
    "data-assumed",
    "true",
  );
  // The missing class is reported once, at the Gateway's gatewayClassName; each route the Gateway
  // would carry says why it is not attached, naming that cause.
  await expect(
    app.problem("spec.gatewayClassName: GatewayClass platform is not in the input"),
  ).toHaveCount(1);
  await expect(
    app
      .problem(/is not attached to shop\/public .*: Gateway shop\/public is not reconciled/)
      .first(),
  ).toBeVisible();
  // The shown trace follows: the Gateway no controller reconciles refuses the connection.
  await expect(sim.outcome).toHaveAttribute("data-kind", "connection-refused");
  await expect(sim.trace).toHaveAttribute("data-state", "current");
  await page.screenshot({ path: `${SCREENS}/world-gitops-slice-closed.png` });

  await page.evaluate(() => window.__gwsim!.flushAutosave!());
  await page.reload();
  await app.open();
  await expect(page.getByTestId("world-closed")).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("assumed-count")).toHaveCount(0);
});
