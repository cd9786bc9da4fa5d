/**
 * Issue 12, defect 6 (composer part): for TLS and TCP the composer's headline, fields and port
 * follow the scheme.
 */
import { expect, test } from "./fixtures";
import { SimulatorPanel } from "./pages/SimulatorPanel";

test("choosing scheme tls moves the port to the listener that serves it", async ({ page, app }) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await sim.open("request");
  await sim.compose({ gateway: "infra/shared", scheme: "http" });
  await page.getByTestId("sim-listener").selectOption("http");
  await expect(page.getByTestId("sim-port")).toHaveValue("80");
  await page.getByTestId("sim-scheme").selectOption("tls");
  await expect(page.getByTestId("sim-port")).toHaveValue("443");
  await page.getByTestId("sim-scheme").selectOption("http");
  await expect(page.getByTestId("sim-port")).toHaveValue("80");
});

test("a TLS passthrough forward is headlined as connected and carries no leftover gRPC call", async ({
  page,
  app,
  api,
}) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await app.openExample("tls-passthrough");
  await api.waitForAnalysis();
  await sim.open("request");
  await sim.compose({
    gateway: "infra/passthrough",
    scheme: "https",
    host: "vault.secure.example.com",
  });
  await page.getByTestId("sim-grpc-service").fill("pkg.Vault");
  await page.getByTestId("sim-grpc-method").fill("Open");
  await page.getByTestId("sim-scheme").selectOption("tls");
  await expect(page.getByTestId("sim-grpc-service")).toHaveCount(0);
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-kind", "forwarded");
  await expect(sim.outcome.locator(".sim-status")).toHaveText("connected");
  await expect(sim.outcome).not.toContainText("gRPC");
  await expect(sim.trace).not.toContainText("pkg.Vault");
});
