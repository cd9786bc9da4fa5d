/**
 * Issue 12, defect 9: saved requests become a CI test: exported with their outcomes as seen now,
 * the case file passes `gwsim test` against the same manifests.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { SimulatorPanel } from "./pages/SimulatorPanel";

test("saved requests export as a case file that gwsim test passes", async ({ page, app }) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await sim.open("request");
  await expect(page.getByTestId("sim-saved-export")).toHaveCount(0);
  await sim.compose({
    gateway: "infra/shared",
    scheme: "http",
    host: "shop.example.com",
    path: "/cart",
    headers: { "x-canary": "true" },
  });
  await page.getByTestId("sim-save-name").fill("testers reach the canary");
  await page.getByTestId("sim-save").click();
  await sim.compose({ headers: {}, path: "/" });
  await page.getByTestId("sim-save-name").fill("everybody else gets the split");
  await page.getByTestId("sim-save").click();

  const download = page.waitForEvent("download");
  await page.getByTestId("sim-saved-export").click();
  const file = await (await download).path();
  const text = readFileSync(file, "utf8");
  expect(text).toContain("name: testers reach the canary");
  expect(text).toContain("backend: team-b/shop-v2");
  expect(text).toMatch(/team-b\/shop-v1: 90/);
  await expect(page.getByTestId("notice")).toContainText(
    "Downloaded 2 saved requests as a case file",
  );

  const out = execFileSync(
    "node",
    [
      "bin/gwsim.js",
      "test",
      file,
      "--manifests",
      "fixtures/examples/shared-gateway-two-teams.yaml",
    ],
    { encoding: "utf8" },
  );
  expect(out).toContain("2 passed, 0 failed");
});
