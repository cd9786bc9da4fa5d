import { expect, test } from "./fixtures";

test.beforeEach(async ({ app, editor }) => {
  await app.open();
  await editor.ready();
});

/**
 * Issue 11: typing that breaks and fixes the only problem must not resize the editor and the graph
 * on every keystroke (a page relayout, Monaco's layout, a React Flow resize each time).
 */
test("the Problems panel keeps its height while typing fixes the last problem; a clean workspace opened whole shows it one line high again", async ({
  page,
  app,
  editor,
  api,
}) => {
  const height = async () => (await app.problems.boundingBox())!.height;
  const canvas = page.getByTestId("graph-canvas");
  await expect(page.getByTestId("problems-empty")).toBeVisible();
  const empty = await height();

  // Line 99 of the example: `            type: PathPrefix` in HTTPRoute team-a/store.
  await editor.goTo(99, 29);
  await editor.type("x");
  await expect(app.problem('Unsupported value "PathPrefixx"')).toHaveCount(1);
  const listing = await height();
  expect(listing).toBeGreaterThan(empty + 60);
  const canvasWhileBroken = await canvas.boundingBox();
  const editorWhileBroken = await editor.root.boundingBox();

  await page.keyboard.press("Backspace");
  await expect(page.getByTestId("problems-empty")).toBeVisible();
  expect(await height()).toBe(listing);
  expect(await canvas.boundingBox()).toEqual(canvasWhileBroken);
  expect(await editor.root.boundingBox()).toEqual(editorWhileBroken);
  await page.screenshot({ path: "test-results/screens/problems-height-kept.png" });

  // The same clean workspace arriving whole (as an opened file does) starts one line high again.
  await api.setText(`${await api.getText()}\n# reopened\n`);
  await api.waitForAnalysis();
  await expect.poll(height).toBe(empty);
  await expect(page.getByTestId("problems-empty")).toBeVisible();
});
