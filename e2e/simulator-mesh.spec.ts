/**
 * Issue 12, defect 6 (GAMMA): the mesh example can be simulated. The composer offers a mesh
 * target (client namespace, Service, port); Send shows the Service, the routes bound to it with
 * why each applies, the winning rule and the backend; the canary lab samples the mesh split.
 */
import { expect, test } from "./fixtures";
import { SimulatorPanel } from "./pages/SimulatorPanel";

test("a mesh request to the mesh example reaches the route bound to the Service and its backend", async ({
  page,
  app,
  api,
}) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await app.openExample("mesh-route-with-service-parent");
  await api.waitForAnalysis();
  await sim.open("request");
  // The workspace binds a route to a Service, so the composer offers (and starts with) the mesh target.
  await expect(page.getByTestId("sim-target")).toHaveValue("mesh");
  await expect(page.getByTestId("sim-gateway")).toHaveCount(0);
  await page.getByTestId("sim-mesh-client").fill("frontend");
  await expect(page.getByTestId("sim-mesh-service")).toHaveValue("bookinfo/reviews");
  await expect(page.getByTestId("sim-mesh-port")).toHaveValue("9080");
  await sim.compose({ path: "/reviews/1", headers: { "end-user": "jason" } });
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-kind", "forwarded");
  await expect(sim.trace).not.toContainText("no Gateway has a ready HTTP listener");
  await expect(page.getByTestId("trace-mesh-service")).toContainText(
    "from a client in frontend to bookinfo/reviews:9080",
  );
  const bound = page.getByTestId("trace-mesh-route-bookinfo/reviews");
  await expect(bound).toHaveAttribute("data-applies", "true");
  await expect(bound).toContainText("producer route: applies to clients in every namespace");
  await expect(page.getByTestId("trace-backend-reviews-v2")).toHaveAttribute("data-share", "1");
  await page.screenshot({ path: "test-results/screens/simulator-mesh-trace.png" });

  // Without the header the 90/10 rule answers, and the canary lab samples it over the mesh.
  await sim.compose({ headers: {} });
  await sim.send();
  await expect(page.getByTestId("trace-backend-reviews-v1")).toHaveAttribute("data-share", "0.9");
  await sim.open("canary");
  await expect(page.getByTestId("sim-canary-request")).toHaveText(
    "mesh frontend → GET bookinfo/reviews:9080/reviews/1",
  );
  await page.getByTestId("sim-run-n").fill("2000");
  await page.getByTestId("sim-run").click();
  await expect(page.getByTestId("sim-run-status")).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("sim-split-row-reviews-v1-9080")).toHaveAttribute(
    "data-expected",
    "0.9",
  );
  await expect(page.getByTestId("sim-split-row-reviews-v2-9080")).toHaveAttribute(
    "data-expected",
    "0.1",
  );
});

test("a Service port no route binds goes to the Service itself, and the trace says why the route lost", async ({
  page,
  app,
  api,
}) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await app.openExample("mesh-route-with-service-parent");
  await api.waitForAnalysis();
  await sim.open("request");
  await page.getByTestId("sim-mesh-service").selectOption("bookinfo/reviews-v1");
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-kind", "forwarded");
  await expect(page.getByTestId("trace-mesh-default")).toContainText(
    "the request goes to the Service itself",
  );
  await expect(page.getByTestId("trace-backend-reviews-v1")).toHaveAttribute("data-share", "1");
  // Back to a Gateway target: the mesh fields go, the Gateway fields return.
  await page.getByTestId("sim-target").selectOption("gateway");
  await expect(page.getByTestId("sim-gateway")).toBeVisible();
  await expect(page.getByTestId("sim-mesh-service")).toHaveCount(0);
});
