import { expect, test } from "./fixtures";

test("the app starts offline with the example, its YAML and its analysis", async ({
  page,
  app,
  editor,
  api,
}) => {
  await app.open();
  await editor.ready();
  const text = await api.getText();
  expect(text).toContain("kind: Gateway");
  expect(await editor.text()).toBe(text);
  const analysis = await api.waitForAnalysis();
  expect(analysis.objects).toContain("Gateway/infra/shared");
  // The example is healthy: every route attached, every listener ready, no diagnostics.
  await expect(page.getByTestId("problems-empty")).toBeVisible();
  await expect(app.busy).toHaveText("Up to date");
  // The label is not read out each time it flips (twice per keystroke): a separate live region
  // says only a wait long enough to notice (busyAnnouncement.ts).
  await expect(app.busy).not.toHaveAttribute("aria-live");
  await expect(page.getByTestId("busy-announcement")).toHaveAttribute("aria-live", "polite");
  // The dot keeps a layer of its own whether or not it pulses: starting and stopping the pulse
  // (twice per keystroke) then repaints only the dot, not the whole page (issue 11).
  expect(await app.busy.evaluate((el) => getComputedStyle(el, "::before").willChange)).toBe(
    "opacity",
  );
  await page.screenshot({ path: "test-results/screens/app-shell.png" });
});

test("the divider resizes the panes and the ratio survives a reload", async ({ page, app }) => {
  await app.open();
  const divider = page.getByTestId("split-divider");
  const box = (await divider.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(500, box.y + 220, { steps: 5 });
  await page.mouse.up();
  const ratio = Number(await divider.getAttribute("aria-valuenow"));
  expect(ratio).toBeLessThan(40);
  await page.evaluate(() => window.__gwsim!.flushAutosave!());
  await page.reload();
  await app.open();
  await expect(divider).toHaveAttribute("aria-valuenow", String(ratio));
});

test("Ctrl+Z outside the editor undoes through the same history", async ({
  page,
  app,
  editor,
  api,
}) => {
  await app.open();
  await editor.ready();
  const original = await api.getText();
  await editor.goTo(13, 15);
  await editor.type("-z");
  await expect.poll(() => api.getText()).toContain("name: envoy-z");
  await app.problems.locator(".panel-header").click({ position: { x: 400, y: 10 } });
  await page.keyboard.press("Control+z");
  await expect.poll(() => api.getText()).toBe(original);
  await expect(page.getByTestId("redo")).toBeEnabled();
});
