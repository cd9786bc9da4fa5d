import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";
import { SimulatorPanel } from "./pages/SimulatorPanel";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

test('"Send a request that matches this rule" in the inspector traces that rule', async ({
  page,
  app,
}) => {
  const sim = new SimulatorPanel(page);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await canvas.node("HTTPRoute/team-b/shop").click();
  await page.getByTestId("inspector-send-rule-0").click();
  await expect(sim.trace).toHaveAttribute("data-state", "current");
  await expect(sim.outcome).toHaveAttribute("data-backend", "shop-v2");
  await expect(page.getByTestId("sim-header-name-0")).toHaveValue("x-canary");
  await expect(page.getByTestId("sim-header-value-0")).toHaveValue("true");
  await expect(canvas.edge("backend:HTTPRoute/team-b/shop:0:0")).toHaveAttribute(
    "data-sim-path",
    "true",
  );
  await expect(canvas.edge("backend:HTTPRoute/team-b/shop:1:0")).not.toHaveAttribute(
    "data-sim-path",
    "true",
  );
  await page.screenshot({ path: `${SCREENS}/simulator-inspector-rule.png` });
});

test("a mix of 80% browse, 15% API, 5% canary gives exact traffic per backend and thickens graph edges", async ({
  page,
  app,
}) => {
  const sim = new SimulatorPanel(page);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await sim.open("request");
  const save = async (name: string) => {
    await page.getByTestId("sim-save-name").fill(name);
    await page.getByTestId("sim-save").click();
  };
  await sim.compose({
    gateway: "infra/shared",
    scheme: "http",
    host: "shop.example.com",
    path: "/",
    headers: {},
  });
  await save("browse");
  await sim.compose({ host: "store.example.com", path: "/api/orders" });
  await save("api");
  await sim.compose({ host: "shop.example.com", path: "/", headers: { "x-canary": "true" } });
  await save("canary");
  await sim.open("mix");
  await page.getByTestId("sim-mix-new").click();
  const weights = page.getByRole("spinbutton", { name: "template weight" });
  await weights.nth(0).fill("80");
  await weights.nth(1).fill("15");
  await weights.nth(2).fill("5");
  await page.getByTestId("sim-mix-show").click();
  const traffic = page.getByTestId("sim-mix-traffic");
  await expect(traffic).toHaveAttribute("data-state", "current");
  await expect(page.getByTestId("sim-mix-bucket-team-b/shop-v1:8080")).toHaveText(
    "72% → shop-v1:8080",
  );
  await expect(page.getByTestId("sim-mix-bucket-team-b/shop-v2:8080")).toHaveText(
    "13% → shop-v2:8080",
  );
  await expect(page.getByTestId("sim-mix-bucket-team-a/store-api:8080")).toHaveText(
    "15% → store-api:8080",
  );
  const share = (id: string) => canvas.edge(id).getAttribute("data-sim-traffic").then(Number);
  await expect.poll(() => share("backend:HTTPRoute/team-b/shop:1:0")).toBeCloseTo(0.72, 10);
  await expect.poll(() => share("backend:HTTPRoute/team-a/store:0:0")).toBeCloseTo(0.15, 10);
  await page.getByTestId("sim-mix-run").click();
  await expect(page.getByTestId("sim-run-status")).toHaveAttribute("data-status", "done");
  const v1 = page.getByTestId("sim-mix-split-row-shop-v1-8080");
  expect(Math.abs(Number(await v1.getAttribute("data-observed")) - 0.72)).toBeLessThan(0.018);
  await page.screenshot({ path: `${SCREENS}/simulator-mix.png` });
  // Saved requests and mixes are kept with the workspace.
  await page.evaluate(() => window.__gwsim!.flushAutosave?.());
  await page.reload();
  await app.open();
  await sim.open("mix");
  await expect(page.getByTestId("sim-mix-template-2")).toBeVisible();
  await sim.open("request");
  await expect(page.getByTestId("sim-saved").locator("li")).toHaveCount(3);
});

test("a run can be cancelled, and an edit marks its result outdated", async ({
  page,
  app,
  api,
}) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await sim.open("request");
  await sim.compose({
    gateway: "infra/shared",
    scheme: "http",
    host: "shop.example.com",
    path: "/",
    headers: {},
  });
  await sim.open("canary");
  await page.getByTestId("sim-run-n").fill("1000000");
  await page.getByTestId("sim-run").click();
  await page.getByTestId("sim-run-cancel").click();
  const status = page.getByTestId("sim-run-status");
  await expect(status).toHaveAttribute("data-status", "cancelled");
  await expect(status).toContainText("Cancelled after");
  await page.getByTestId("sim-run-n").fill("10000");
  await page.getByTestId("sim-run").click();
  await expect(status).toHaveAttribute("data-status", "done");
  await expect(status).toHaveAttribute("data-outdated", "false");
  await api.setText((await api.getText()).replace("weight: 90", "weight: 80"));
  await expect(status).toHaveAttribute("data-outdated", "true");
  await expect(page.getByTestId("sim-run-outdated")).toContainText("outdated");
  await page.getByTestId("sim-run-outdated").getByRole("button", { name: "Re-run" }).click();
  await expect(status).toHaveAttribute("data-outdated", "false");
  await expect(page.getByTestId("sim-split-row-shop-v1-8080")).toHaveAttribute(
    "data-expected",
    String(80 / 90),
  );
});

test("a request reaching kgateway's DirectResponse outside the slice: the outcome is unknown, not 500", async ({
  page,
  app,
  api,
}) => {
  const sim = new SimulatorPanel(page);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await api.setText(
    readFileSync("cli/testdata/route-extension-filter-slice/direct-response.yaml", "utf8"),
  );
  await api.waitForAnalysis();
  await sim.open("request");
  await sim.compose({
    gateway: "web/gw",
    scheme: "http",
    host: "www.example.com",
    path: "/robots.txt",
  });
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-kind", "unknown");
  await expect(sim.outcome).toHaveClass(/is-unknown/);
  await expect(sim.outcome).toContainText(
    "implementation-specific filter DirectResponse (gateway.kgateway.dev) robots-txt",
  );
  await page.screenshot({ path: `${SCREENS}/simulator-extension-filter-unknown.png` });
});
