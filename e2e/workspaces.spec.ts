import { existsSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** Screenshots for people to look at, only where the notes folder exists (not in CI). */
const SCREENS = existsSync("/work/notes") ? "/work/notes/screens" : undefined;
const shot = async (page: Page, name: string) => {
  if (SCREENS) await page.screenshot({ path: `${SCREENS}/${name}` });
};

const ALPHA = `# alpha: one service
apiVersion: v1
kind: Service
metadata:
  name: alpha
  namespace: team-a
spec:
  ports:
    - port: 80
`;
const BETA = `# beta: another service
apiVersion: v1
kind: Service
metadata:
  name: beta
  namespace: team-b
spec:
  ports:
    - port: 8080
`;

async function saveAs(page: Page, name: string): Promise<void> {
  await page.getByTestId("save-as").click();
  const dialog = page.getByTestId("save-as-dialog");
  await expect(dialog).toBeVisible();
  await page.getByTestId("save-as-name").fill(name);
  await page.getByTestId("save-as-confirm").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("notice")).toContainText(`Saved as “${name}”`);
}

const savedItems = (page: Page) => page.getByTestId("saved-item");

async function openSaved(page: Page, name: string): Promise<void> {
  await page.getByTestId("open-saved").click();
  await page
    .locator(`[data-testid="saved-item"][data-name="${name}"]`)
    .getByRole("menuitem")
    .click();
}

/** The named workspaces straight from IndexedDB: name → text. */
function storedNamed(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open("gwsim");
        open.onerror = () => reject(open.error ?? new Error("IndexedDB did not open"));
        open.onsuccess = () => {
          const get = open.result.transaction("named").objectStore("named").getAll();
          get.onerror = () => reject(get.error ?? new Error("read failed"));
          get.onsuccess = () => {
            const all = get.result as { name: string; text: string }[];
            open.result.close();
            resolve(Object.fromEntries(all.map((w) => [w.name, w.text])));
          };
        };
      }),
  );
}

test("save two named workspaces, reload, open each, delete one", async ({ page, app, api }) => {
  await app.open();
  await api.setText(ALPHA);
  await saveAs(page, "alpha");
  await api.setText(BETA);
  await page.getByTestId("save-as").click();
  await page.getByTestId("save-as-name").fill("  ");
  await page.getByTestId("save-as-confirm").click();
  await expect(page.getByTestId("save-as-dialog").getByRole("alert")).toContainText(
    "Give the workspace a name.",
  );
  await page.getByTestId("save-as-name").fill("beta");
  await shot(page, "workspaces-save-as.png");
  await page.getByTestId("save-as-confirm").click();
  await expect(page.getByTestId("notice")).toContainText("Saved as “beta”");
  await page.evaluate(() => window.__gwsim!.flushAutosave!());

  await page.reload();
  await app.open();
  expect(await api.getText()).toBe(BETA);
  await page.getByTestId("open-saved").click();
  await expect(savedItems(page)).toHaveCount(2);
  // Most recent first, each with its date and size; the one on screen is marked.
  await expect(savedItems(page).nth(0)).toHaveAttribute("data-name", "beta");
  await expect(savedItems(page).nth(0)).toContainText("on screen");
  await expect(savedItems(page).nth(1)).toHaveAttribute("data-name", "alpha");
  await expect(savedItems(page).nth(1)).toContainText(/\d{4}.*· 9 lines/);
  await shot(page, "workspaces-open-saved.png");
  await page.keyboard.press("Escape");

  // What is on screen is saved as "beta": opening another asks nothing.
  await openSaved(page, "alpha");
  await expect.poll(() => api.getText()).toBe(ALPHA);
  await expect(page.getByTestId("notice")).toContainText("Opened “alpha”");
  expect((await api.waitForAnalysis()).objects).toEqual(["Service/team-a/alpha"]);
  await openSaved(page, "beta");
  await expect.poll(() => api.getText()).toBe(BETA);

  await page.getByTestId("open-saved").click();
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("Delete the saved workspace “alpha”");
    void dialog.accept();
  });
  await page
    .locator('[data-testid="saved-item"][data-name="alpha"]')
    .getByTestId("saved-delete")
    .click();
  await expect(savedItems(page)).toHaveCount(1);
  await expect(savedItems(page).first()).toHaveAttribute("data-name", "beta");
  await page.reload();
  await app.open();
  expect(Object.keys(await storedNamed(page))).toEqual(["beta"]);
});

test("opening a saved workspace over unsaved work asks first; saving over a name says what it replaces", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  await api.setText(ALPHA);
  await saveAs(page, "alpha");
  const unsaved = `${ALPHA}# not saved anywhere\n`;
  await api.setText(unsaved);

  // The question comes after the examples are compared (loaded on demand): wait for it, so the
  // next step's handler cannot see this dialog.
  const asked = page.waitForEvent("dialog");
  await openSaved(page, "alpha");
  const question = await asked;
  expect(question.message()).toContain("not saved under a name");
  await question.dismiss();
  await expect(page.getByTestId("open-saved")).toBeEnabled();
  expect(await api.getText()).toBe(unsaved);

  page.once("dialog", (dialog) => void dialog.accept());
  await openSaved(page, "alpha");
  await expect.poll(() => api.getText()).toBe(ALPHA);
  await api.undo();
  await expect.poll(() => api.getText()).toBe(unsaved);

  await page.getByTestId("save-as").click();
  await page.getByTestId("save-as-name").fill("alpha");
  await expect(page.getByTestId("save-as-replaces")).toContainText(
    "Replaces the saved workspace “alpha” from",
  );
  await expect(page.getByTestId("save-as-confirm")).toHaveText("Replace");
  await shot(page, "workspaces-replace.png");
  await page.getByTestId("save-as-confirm").click();
  await expect(page.getByTestId("notice")).toContainText("Saved as “alpha”");
  expect(await storedNamed(page)).toEqual({ alpha: unsaved });
});

test("an autosave written by the version-1 database still loads after the upgrade that adds named workspaces", async ({
  page,
  app,
  api,
}) => {
  // A blank page of the app's origin, so the old database can be written before the app ever runs.
  await page.route("**/seed-old-database", (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>seed</title>" }),
  );
  await page.goto("/seed-old-database");
  const old = {
    format: 1,
    text: BETA,
    positions: { "Service/team-b/beta": { x: 40, y: 60 } },
    splitRatio: 0.4,
  };
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("gwsim", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("workspace");
        open.onsuccess = () => {
          const tx = open.result.transaction("workspace", "readwrite");
          tx.objectStore("workspace").put(record, "current");
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    old,
  );

  await app.open();
  expect(await api.getText()).toBe(BETA);
  const db = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; current: unknown }>((resolve, reject) => {
        const open = indexedDB.open("gwsim");
        open.onsuccess = () => {
          const get = open.result.transaction("workspace").objectStore("workspace").get("current");
          get.onsuccess = () => {
            resolve({
              version: open.result.version,
              stores: [...open.result.objectStoreNames],
              current: get.result,
            });
            open.result.close();
          };
        };
        open.onerror = () => reject(open.error);
      }),
  );
  expect(db.version).toBe(2);
  expect(db.stores).toEqual(["named", "workspace"]);
  expect(db.current).toEqual(old);
  await saveAs(page, "after upgrade");
  expect(await storedNamed(page)).toEqual({ "after upgrade": BETA });
});

test("a read-only shared workspace cannot be saved over named workspaces or replaced by one", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  await api.setText(ALPHA);
  await saveAs(page, "mine");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await api.setText(BETA);
  await page.getByTestId("export").click();
  await page.getByTestId("export-share-link").click();
  await expect(page.getByTestId("notice")).toContainText("share link is on the clipboard");
  const link = await page.evaluate(() => window.__gwsim!.lastShareLink!);

  await page.goto(link);
  await page.reload();
  await page.waitForFunction(() => window.__gwsim !== undefined);
  await expect(page.getByTestId("share-notice")).toBeVisible();
  expect(await api.getText()).toBe(BETA);
  await expect(page.getByTestId("save-as")).toBeDisabled();
  await page.getByTestId("open-saved").click();
  await expect(
    page.locator('[data-testid="saved-item"][data-name="mine"]').getByRole("menuitem"),
  ).toBeDisabled();
  await expect(page.getByTestId("start-empty")).toBeDisabled();
  await page.keyboard.press("Escape");
  expect(await storedNamed(page)).toEqual({ mine: ALPHA });

  await page.getByTestId("share-edit").click();
  await expect(page.getByTestId("save-as")).toBeEnabled();
});
