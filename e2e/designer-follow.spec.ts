/**
 * Issue 12, defect 1: simulator state that names objects follows the workspace. After switching
 * examples the composer no longer sends to a Gateway that is gone, says so, and Send with "any
 * Gateway that listens on the port" reaches the new example's Gateway.
 */
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";
import { SimulatorPanel } from "./pages/SimulatorPanel";

test("after switching examples the composer drops the gone Gateway, says so, and Send reaches the new Gateway", async ({
  page,
  app,
  api,
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
    path: "/cart",
    headers: {},
  });
  await page.getByTestId("sim-save-name").fill("cart");
  await page.getByTestId("sim-save").click();
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-kind", "forwarded");
  // The trace brought team-b/shop into view; the canvas is panned back to team-a/store.
  await canvas.clickNode("HTTPRoute/team-a/store");
  await expect(page.getByTestId("sim-use-selection")).toContainText("team-a/store");

  await app.openExample("grpc-method-routing-with-header-canary");
  await api.waitForAnalysis();
  const gone = page.getByTestId("sim-gone");
  await expect(gone).toContainText("Gateway infra/shared is not in the workspace any more");
  await expect(gone).toContainText('Saved request "cart" names Gateway infra/shared');
  await expect(page.getByTestId("sim-gateway")).toHaveValue("");
  await expect(page.getByTestId("sim-saved-gone")).toContainText("infra/shared");
  // The "Compose from" link never points at an object of the workspace that was left.
  await expect(page.getByTestId("sim-use-selection")).toHaveCount(0);
  // Recent no longer offers the request to the gone Gateway.
  await expect(page.getByTestId("sim-history")).not.toContainText("infra/shared");

  await sim.compose({ host: "grpc.example.com", path: "/" });
  await sim.send();
  await expect(sim.outcome).not.toHaveAttribute("data-kind", "connection-refused");
  await expect(sim.trace).not.toContainText("no Gateway named infra/shared");
  await expect(page.getByTestId("trace-listener-grpc")).toHaveAttribute("data-chosen", "true");

  // Clicking the saved request sends it without the gone Gateway, and the composer says why.
  await page.getByTestId("sim-saved").getByRole("button", { name: /cart/ }).first().click();
  await expect(page.getByTestId("sim-draft-notes")).toContainText(
    "Gateway infra/shared is not in the workspace any more",
  );
  await expect(sim.outcome).not.toHaveAttribute("data-kind", "connection-refused");

  await page.getByTestId("sim-gone-dismiss").click();
  await expect(gone).toHaveCount(0);
});

test("the mesh example leaves the composer usable: the Gateway menu tells the truth and can be changed", async ({
  page,
  app,
  api,
}) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await sim.open("request");
  await sim.compose({ gateway: "infra/shared" });
  await app.openExample("mesh-route-with-service-parent");
  await api.waitForAnalysis();
  await expect(page.getByTestId("sim-gateway")).toHaveValue("");
  await expect(page.getByTestId("sim-gone")).toContainText("Gateway infra/shared");
  await page.getByTestId("sim-send").click();
  await expect(sim.trace).not.toContainText("no Gateway named infra/shared");
});
