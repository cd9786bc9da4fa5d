import { existsSync } from "node:fs";
import { expect, test } from "./fixtures";

const SCREENS = existsSync("/work/notes") ? "/work/notes/screens" : undefined;

// 20,000 diagnostics take the worker a while on a loaded machine.
test.describe.configure({ timeout: 120_000 });

/** One Service with `n` out-of-range ports: two diagnostics per port. */
const manyProblems = (n: number) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: wide\n  namespace: team-a\nspec:\n  ports:\n${"    - port: 99999\n".repeat(n)}`;

test("20,000 problems render as a window of rows, reachable to the last one by keyboard", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  await api.setText(manyProblems(10_000));
  const { diagnostics } = await page.evaluate(async () => {
    const { analysis } = await window.__gwsim!.waitForAnalysis(100_000);
    return { diagnostics: analysis.diagnostics.length };
  });
  expect(diagnostics).toBeGreaterThanOrEqual(20_000);
  const list = app.problems.getByTestId("virtual-list");
  await expect(list).toHaveAttribute("data-rows", String(diagnostics));
  // Only the rows in view (plus a margin) are in the DOM, not 20,000.
  const rendered = await app.problemItems.count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(60);
  expect(await app.problems.locator("*").count()).toBeLessThan(600);

  // Keyboard: focus the first row, End jumps to the last, Up steps back; Enter shows it.
  await app.problemItems.first().focus();
  await page.keyboard.press("End");
  const focusedIndex = () =>
    page.evaluate(
      () => document.activeElement?.closest<HTMLElement>("[data-row-index]")?.dataset.rowIndex,
    );
  await expect.poll(focusedIndex).toBe(String(diagnostics - 1));
  await page.keyboard.press("ArrowUp");
  await expect.poll(focusedIndex).toBe(String(diagnostics - 2));
  await page.keyboard.press("Home");
  await expect.poll(focusedIndex).toBe("0");
  await page.keyboard.press("PageDown");
  expect(Number(await focusedIndex())).toBeGreaterThan(1);
  if (SCREENS) await page.screenshot({ path: `${SCREENS}/problems-virtualized.png` });
});
