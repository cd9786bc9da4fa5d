/**
 * Issue 12, defect 3: a canvas connection writes only YAML the API server accepts (asking before
 * it narrows an existing parentRef), and the canvas never shows OK for an object with an error.
 */
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

test("declining the question leaves the YAML alone; the result never carries a schema error", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const before = await api.getText();
  const question = new Promise<string>((resolve) =>
    page.once("dialog", (d) => void d.dismiss().then(() => resolve(d.message()))),
  );
  await canvas.connect(
    canvas.handle("Gateway/infra/shared", "listener:https"),
    canvas.handle("HTTPRoute/team-b/shop", "in"),
  );
  expect(await question).toMatch(
    /shop already attaches to every listener of Gateway infra\/shared/,
  );
  await page.waitForTimeout(300);
  expect(await api.getText()).toBe(before);
  const analysis = await api.waitForAnalysis();
  expect(analysis.diagnostics.filter((d) => d.code.startsWith("schema"))).toEqual([]);
});

test("a route whose parentRefs the API server would reject is drawn as an error, not OK", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const text = await api.getText();
  // What the canvas used to write: the same Gateway named with and without sectionName.
  await api.setText(
    text.replace(
      "  parentRefs:\n    - name: shared\n      namespace: infra\n  hostnames:\n    - shop.example.com",
      "  parentRefs:\n    - name: shared\n      namespace: infra\n    - name: shared\n      namespace: infra\n      sectionName: https\n  hostnames:\n    - shop.example.com",
    ),
  );
  const analysis = await api.waitForAnalysis();
  expect(analysis.diagnostics.some((d) => d.code === "schema.rule")).toBe(true);
  const node = canvas.node("HTTPRoute/team-b/shop");
  await expect(node).toHaveAttribute("data-status", "error");
  await expect(node.locator(".gn-pill")).not.toHaveText("OK");
  await expect(page.getByTestId("graph-node-httproute-team-b-shop-reason")).toHaveText(
    "schema.rule",
  );
});
