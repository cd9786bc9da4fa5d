import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { Result as AxeResult } from "axe-core";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";
import { SimulatorPanel } from "./pages/SimulatorPanel";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

/**
 * axe-core on the screens people meet: no violation of impact serious or critical.
 * A failure lists each finding as "id (impact, count): target | target…" so it can be read in the log.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    // Monaco's own DOM (its hidden textarea, view lines, minimap and widgets) is not ours: we
    // cannot label or restyle its internals, and Monaco has its own accessibility mode.
    // The editor container we render around it stays in scope.
    .exclude(".monaco-editor")
    .analyze();
  const serious = (v: AxeResult) => v.impact === "serious" || v.impact === "critical";
  const readable = (v: AxeResult) =>
    `${v.id} (${v.impact}, ${v.nodes.length}): ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`;
  // What axe cannot decide ("needs review") counts too, except:
  // - color-contrast: on the canvas React Flow stacks nodes, edges and labels in transformed layers,
  //   so axe cannot tell the background; those colours are fixed tokens checked by hand (≥ 5:1).
  // - React Flow's zoom controls put aria-label on a role-less <div> inside the library's
  //   <Controls>, which accepts no role; not ours to change, and its buttons are still checked.
  const undecided = results.incomplete
    .filter(serious)
    .filter((v) => v.id !== "color-contrast")
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter(
        (n) =>
          !(v.id === "aria-prohibited-attr" && n.target.join(" ").includes("react-flow__panel")),
      ),
    }))
    .filter((v) => v.nodes.length > 0);
  return [
    ...results.violations.filter(serious).map(readable),
    ...undecided.map((v) => `needs review: ${readable(v)}`),
  ];
}

test("the first-start page has no serious or critical axe violation", async ({ page, app }) => {
  await app.open();
  await new CanvasPage(page).ready();
  expect(await seriousViolations(page)).toEqual([]);
});

test("with the inspector open, no serious or critical axe violation", async ({ page, app }) => {
  // The inspector's edit forms give axe a few hundred more nodes to check: slow on a loaded machine.
  test.setTimeout(60_000);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await canvas.node("HTTPRoute/team-b/shop").click();
  await expect(page.getByTestId("inspector-title")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("with the Simulator on Request & trace after a send, no serious or critical axe violation", async ({
  page,
  app,
}) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await new CanvasPage(page).ready();
  await sim.open("request");
  await sim.compose({
    gateway: "infra/shared",
    scheme: "http",
    host: "shop.example.com",
    path: "/cart",
    headers: {},
  });
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-status", "200");
  await page.screenshot({ path: `${SCREENS}/a11y-simulator.png` });
  expect(await seriousViolations(page)).toEqual([]);
});

test("with the Platform panel on Lint & fix-its and on Isolation, no serious or critical axe violation", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  await app.openExample("broken-on-purpose");
  await api.waitForAnalysis();
  await page.getByTestId("platform-tab-lint").click();
  await expect(
    page.getByTestId("platform-panel").getByTestId("lint-finding-lint-reference-not-granted"),
  ).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/a11y-platform-lint.png` });
  expect(await seriousViolations(page), "Lint & fix-its").toEqual([]);

  await page.getByTestId("platform-tab-isolation").click();
  await expect(page.getByTestId("isolation-lens")).toBeVisible();
  expect(await seriousViolations(page), "Isolation").toEqual([]);
});

// The same screens in dark mode, as a system set to dark gets it (prefers-color-scheme).
test.describe("in dark mode", () => {
  test.use({ colorScheme: "dark" });

  test("first start, inspector, simulator and platform panel: no serious or critical axe violation", async ({
    page,
    app,
    api,
  }) => {
    test.setTimeout(120_000);
    const canvas = new CanvasPage(page);
    await app.open();
    await canvas.ready();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    expect(await seriousViolations(page), "first start").toEqual([]);

    await canvas.node("HTTPRoute/team-b/shop").click();
    await expect(page.getByTestId("inspector-title")).toBeVisible();
    expect(await seriousViolations(page), "inspector").toEqual([]);

    const sim = new SimulatorPanel(page);
    await sim.open("request");
    await sim.compose({
      gateway: "infra/shared",
      scheme: "http",
      host: "shop.example.com",
      path: "/cart",
      headers: {},
    });
    await sim.send();
    await expect(sim.outcome).toHaveAttribute("data-status", "200");
    await page.screenshot({ path: `${SCREENS}/a11y-dark-simulator.png` });
    expect(await seriousViolations(page), "simulator").toEqual([]);

    await app.openExample("broken-on-purpose");
    await api.waitForAnalysis();
    await page.getByTestId("platform-tab-lint").click();
    await expect(
      page.getByTestId("platform-panel").getByTestId("lint-finding-lint-reference-not-granted"),
    ).toBeVisible();
    await page.screenshot({ path: `${SCREENS}/a11y-dark-platform-lint.png` });
    expect(await seriousViolations(page), "Lint & fix-its").toEqual([]);
  });
});
