import { existsSync } from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { AppPage } from "./pages/AppPage";
import { EditorPane } from "./pages/EditorPane";
import { expect, test } from "./fixtures";

/** Screenshots for people to look at, only where the notes folder exists (not in CI). */
// Reloads and several tabs on a shared, loaded machine: more time than the default 30 s.
test.describe.configure({ timeout: 120_000 });

const SCREENS = existsSync("/work/notes") ? "/work/notes/screens" : undefined;
const shot = async (page: Page, name: string) => {
  if (SCREENS)
    await page.screenshot({
      path: `${SCREENS}/${name}`,
      clip: { x: 0, y: 0, width: 1440, height: 160 },
    });
};

/** Waits until this page holds the autosave lock, so its edits are saved. */
async function ownsAutosave(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        async () =>
          (await navigator.locks.query()).held?.some((l) => l.name === "gwsim-autosave") ?? false,
      ),
    )
    .toBe(true);
}

const getText = (page: Page) => page.evaluate(() => window.__gwsim!.getText());

async function typeAtTop(page: Page, line: string): Promise<void> {
  const editor = new EditorPane(page);
  await editor.ready();
  await editor.goTo(1, 1);
  await editor.type(`${line}\n`);
}

for (const delay of [0, 50, 150, 300]) {
  test(`an edit survives a reload ${delay} ms after typing`, async ({ page, app }) => {
    await app.open();
    await ownsAutosave(page);
    await typeAtTop(page, `# typed ${delay} ms before the reload`);
    if (delay > 0) await page.waitForTimeout(delay);
    await page.reload();
    await app.open();
    expect(await getText(page)).toMatch(new RegExp(`^# typed ${delay} ms before the reload\\n`));
    // And the next reload, after IndexedDB caught up and retired the journal, still has it.
    await page.evaluate(() => window.__gwsim!.flushAutosave?.());
    await page.reload();
    await app.open();
    expect(await getText(page)).toMatch(new RegExp(`^# typed ${delay} ms before the reload\\n`));
  });
}

test("navigating away right after typing keeps the edit", async ({ page, app }) => {
  await app.open();
  await ownsAutosave(page);
  await typeAtTop(page, "# typed before leaving");
  await page.goto("about:blank");
  await app.open();
  expect(await getText(page)).toMatch(/^# typed before leaving\n/);
});

async function openTab(context: BrowserContext): Promise<{ page: Page; app: AppPage }> {
  const page = await context.newPage();
  const app = new AppPage(page);
  await app.open();
  return { page, app };
}

test("two tabs on one workspace: the second is told, saves nothing, and may take autosave over", async ({
  page,
  app,
  context,
}) => {
  await app.open();
  await ownsAutosave(page);
  await typeAtTop(page, "# first tab");

  const second = await openTab(context);
  const secondNotice = second.page.getByTestId("autosave-owner-notice");
  await expect(secondNotice).toHaveAttribute("data-role", "other-tab");
  await expect(secondNotice).toContainText(
    "This workspace is open in another tab, which autosaves it.",
  );
  await shot(second.page, "autosave-other-tab.png");
  expect(await getText(second.page)).toMatch(/^# first tab\n/);
  await expect(page.getByTestId("autosave-owner-notice")).toHaveCount(0);

  // The second tab's edit does not overwrite the first tab's saved text...
  await typeAtTop(second.page, "# second tab");
  await typeAtTop(page, "# first tab again");
  await page.evaluate(() => window.__gwsim!.flushAutosave?.());
  const third = await openTab(context);
  expect(await getText(third.page)).toMatch(/^# first tab again\n# first tab\n/);
  await third.page.close();
  // ...and neither tab's text is lost: each still shows its own.
  expect(await getText(second.page)).toMatch(/^# second tab\n# first tab\n/);

  // Taking over saves the second tab's text and tells the first tab.
  await second.page.getByTestId("autosave-take-over").click();
  await expect(secondNotice).toHaveCount(0);
  const firstNotice = page.getByTestId("autosave-owner-notice");
  await expect(firstNotice).toHaveAttribute("data-role", "taken-over");
  await expect(firstNotice).toContainText("Another tab took over autosaving this workspace.");
  await shot(page, "autosave-taken-over.png");
  expect(await getText(page)).toMatch(/^# first tab again\n/);
  await second.page.evaluate(() => window.__gwsim!.flushAutosave?.());
  const fourth = await openTab(context);
  expect(await getText(fourth.page)).toMatch(/^# second tab\n# first tab\n/);
  await fourth.page.close();
  await second.page.close();
});

test("a full storage says so: “Autosave failed: the browser's storage is full”", async ({
  page,
  app,
}) => {
  await page.addInitScript(() => {
    const full = () => {
      throw new DOMException("", "QuotaExceededError");
    };
    IDBObjectStore.prototype.put = full;
    Storage.prototype.setItem = full;
  });
  await app.open();
  await ownsAutosave(page);
  await typeAtTop(page, "# nowhere to save this");
  const notice = page.getByTestId("notice");
  await expect(notice).toContainText("Autosave failed: the browser's storage is full");
  await shot(page, "autosave-quota.png");
});
