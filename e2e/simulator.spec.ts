import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";
import { SimulatorPanel } from "./pages/SimulatorPanel";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

test("a composed request on the shipped example shows its backend and the losing candidates; the path lights up", async ({
  page,
  app,
}) => {
  const sim = new SimulatorPanel(page);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await sim.open("request");
  await sim.compose({
    gateway: "infra/shared",
    scheme: "http",
    host: "shop.example.com",
    method: "GET",
    path: "/cart",
    headers: {},
  });
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-status", "200");
  await expect(sim.outcome).toHaveAttribute("data-kind", "forwarded");
  // The header canary rule ranks first but fails its header condition; the weighted rule wins.
  await expect(sim.candidate(1)).toHaveAttribute("data-state", "no-match");
  await expect(sim.candidate(1)).toContainText("header x-canary is absent");
  await expect(sim.candidate(2)).toHaveAttribute("data-state", "winner");
  await expect(page.getByTestId("trace-backend-shop-v1")).toContainText("90%");
  await expect(page.getByTestId("trace-backend-shop-v2")).toContainText("10%");
  await expect(page.getByTestId("trace-listener-http")).toHaveAttribute("data-chosen", "true");
  await expect(page.getByTestId("trace-listener-https")).toContainText("port 443");
  // The winning path on the graph: the route node and its backend edges.
  await expect(page.locator('[data-testid="graph-node-httproute-team-b-shop"]')).toHaveAttribute(
    "data-sim-path",
    "true",
  );
  await expect(page.locator('[data-sim-path="true"].se')).not.toHaveCount(0);
  // Clicking a step selects its object.
  await sim.candidate(2).getByRole("button").first().click();
  await expect
    .poll(() => page.evaluate(() => window.__gwsim!.getSelected()))
    .toBe("HTTPRoute/team-b/shop");
  await page.screenshot({ path: `${SCREENS}/simulator-trace.png` });
});

test("a header canary request goes to the canary, decided by the header count tie-break", async ({
  page,
  app,
}) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await sim.open("request");
  await sim.compose({
    gateway: "infra/shared",
    scheme: "http",
    host: "shop.example.com",
    path: "/",
    headers: { "x-canary": "true" },
  });
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-backend", "shop-v2");
  await expect(sim.candidate(1)).toHaveAttribute("data-state", "winner");
  await expect(sim.candidate(2)).toHaveAttribute("data-state", "lost");
  await expect(page.getByTestId("trace-tiebreak")).toContainText("header count");
});

test("10,000 requests on the 90/10 rule land within sampling error of 90/10", async ({
  page,
  app,
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
  await expect(page.getByTestId("sim-run-n")).toHaveValue("10000");
  await page.getByTestId("sim-run").click();
  await expect(page.getByTestId("sim-run-status")).toHaveAttribute("data-status", "done");
  const v1 = sim.splitRow("sim-split", "shop-v1-8080");
  const v2 = sim.splitRow("sim-split", "shop-v2-8080");
  await expect(v1).toHaveAttribute("data-expected", "0.9");
  await expect(v2).toHaveAttribute("data-expected", "0.1");
  const observed = Number(await v2.getAttribute("data-observed"));
  // 4 standard errors of a 10% share over 10,000 samples: 4·sqrt(0.1·0.9/10000) = 1.2 points.
  expect(Math.abs(observed - 0.1)).toBeLessThan(0.012);
  expect(
    Number(await v1.getAttribute("data-count")) + Number(await v2.getAttribute("data-count")),
  ).toBe(10_000);
  await expect(v1).toContainText("90%");
  await page.screenshot({ path: `${SCREENS}/simulator-canary.png` });
});

test("applying a rollout step changes exactly the weight lines of the YAML", async ({
  page,
  app,
  api,
}) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await sim.open("rollout");
  await page.getByTestId("sim-rollout-rule").selectOption("HTTPRoute/team-b/shop#1");
  await expect(page.getByTestId("sim-rollout-canary")).toHaveValue("1");
  const before = await api.getText();
  await page.getByTestId("sim-rollout-apply-1").click();
  await expect.poll(() => api.getText()).not.toBe(before);
  const after = await api.getText();
  const a = before.split("\n");
  const b = after.split("\n");
  expect(b).toHaveLength(a.length);
  const changed = a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]]]));
  expect(changed).toEqual([
    ["          weight: 90", "          weight: 70"],
    ["          weight: 10", "          weight: 30"],
  ]);
  await api.waitForAnalysis();
  await expect(page.getByTestId("sim-rollout-step-1")).toContainText("in the YAML");
  await page.screenshot({ path: `${SCREENS}/simulator-rollout.png` });
});

test("what-if between two revisions lists the requests whose outcome changes", async ({
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
  await page.getByTestId("sim-save-name").fill("shop browse");
  await page.getByTestId("sim-save").click();
  await sim.compose({ host: "store.example.com", path: "/api/orders" });
  await page.getByTestId("sim-save-name").fill("store api");
  await page.getByTestId("sim-save").click();
  await expect(page.getByTestId("sim-saved").locator("li")).toHaveCount(2);
  await sim.open("whatif");
  await page.getByTestId("sim-baseline-pin").click();
  await expect(page.getByTestId("sim-baseline-name")).toHaveText(
    /^the YAML pinned at \d\d:\d\d:\d\d$/,
  );
  // The workspace as opened is offered as a baseline too; it equals the text before the edit below.
  await page.getByTestId("sim-baseline-opened").click();
  await expect(page.getByTestId("sim-baseline-name")).toContainText("as opened");
  const text = await api.getText();
  await api.setText(text.replace("weight: 90", "weight: 50").replace("weight: 10", "weight: 50"));
  await api.waitForAnalysis();
  await page.getByTestId("sim-whatif-run").click();
  const result = page.getByTestId("sim-whatif-result");
  await expect(result).toHaveAttribute("data-state", "current");
  const requests = page.getByTestId("sim-whatif-requests");
  await expect(requests.locator('[data-changed="true"]')).toHaveCount(1);
  await expect(requests.locator('[data-changed="true"]')).toContainText(
    "shop browse: GET shop.example.com/: shop-v1:8080/shop-v2:8080 90/10 becomes 50/50",
  );
  await expect(requests.locator('[data-changed="false"]')).toContainText("store api");
  // An edit makes the comparison outdated until it follows (it re-runs on its own after a pause).
  await api.setText((await api.getText()).replace("weight: 50", "weight: 60"));
  await expect(result).toHaveAttribute("data-state", "current");
  await expect(requests.locator('[data-changed="true"]')).toContainText(
    "90/10 becomes 54.55/45.45",
  );
  await page.screenshot({ path: `${SCREENS}/simulator-whatif.png` });
});
