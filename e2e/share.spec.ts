import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { readZip } from "../src/ui/share/readZip";
import { CanvasPage } from "./pages/CanvasPage";
import { EditorPane } from "./pages/EditorPane";
import { expect, test } from "./fixtures";

const WORKSPACE = `# Shared with the platform team — ünïcödé ✓
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata:
  name: gwsim
spec:
  controllerName: gwsim.dev/controller
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: shared
  namespace: infra # owned by platform
spec:
  gatewayClassName: gwsim
  listeners:
    - name: http
      protocol: HTTP
      port: 80
      allowedRoutes:
        namespaces:
          from: All
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: web
      namespace: team-a
    spec:
      ports:
        - port: 80
`;

const SAME_ORIGIN = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/;

/** A second, fresh browser profile with the same guards the fixture gives the first page. */
async function openFreshProfile(
  browser: Browser,
  url: string,
): Promise<{ page: Page; problems: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const problems: string[] = [];
  context.on("request", (req) => {
    if (!SAME_ORIGIN.test(req.url())) problems.push(`left the origin: ${req.url()}`);
  });
  await context.route(
    (u) => !SAME_ORIGIN.test(u.href),
    (route) => route.abort(),
  );
  const page = await context.newPage();
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.__gwsim !== undefined);
  return { page, problems, close: () => context.close() };
}

/** The text of the autosaved workspace, read straight from IndexedDB. */
function savedText(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open("gwsim");
        open.onerror = () => reject(open.error ?? new Error("IndexedDB did not open"));
        open.onsuccess = () => {
          const get = open.result.transaction("workspace").objectStore("workspace").get("current");
          get.onerror = () => reject(get.error ?? new Error("read failed"));
          get.onsuccess = () => resolve((get.result as { text?: string } | undefined)?.text);
        };
      }),
  );
}

async function copyShareLink(page: Page): Promise<string> {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByTestId("export").click();
  await page.getByTestId("export-share-link").click();
  await expect(page.getByTestId("notice")).toContainText("share link is on the clipboard");
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await page.evaluate(() => window.__gwsim!.lastShareLink));
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#w=[A-Za-z0-9_-]+$/);
  return link;
}

test.beforeEach(async ({ app }) => {
  await app.open();
});

test("a share link opens the same workspace read-only in a fresh profile until Edit", async ({
  page,
  api,
  browser,
}) => {
  await api.setText(WORKSPACE);
  const original = await api.waitForAnalysis();
  const link = await copyShareLink(page);

  const fresh = await openFreshProfile(browser, link);
  try {
    const other = fresh.page;
    const analysis = await other.evaluate(async () => {
      const { analysis } = await window.__gwsim!.waitForAnalysis();
      return {
        objects: analysis.objects.map((o) => o.key as string),
        diagnostics: analysis.diagnostics.map((d) => d.code as string),
      };
    });
    expect(await other.evaluate(() => window.__gwsim!.getText())).toBe(WORKSPACE);
    expect(analysis.objects).toEqual(original.objects);
    expect(analysis.diagnostics).toEqual(original.diagnostics.map((d) => d.code));
    await expect(other.getByTestId("share-notice")).toContainText(
      "Opened from a share link — read-only until you choose Edit",
    );

    const editor = new EditorPane(other);
    await editor.ready();
    await editor.goTo(1, 1);
    await editor.type("zzz");
    await expect(other.locator(".monaco-editor-overlaymessage")).toContainText("Read-only");
    expect(await other.evaluate(() => window.__gwsim!.getText())).toBe(WORKSPACE);

    // The inspector is refused too while read-only.
    const canvas = new CanvasPage(other);
    await canvas.ready();
    await canvas.node("Service/team-a/web").click();
    await other.getByTestId("inspector-rename").fill("web-v2");
    await other.getByTestId("inspector-rename").press("Enter");
    await expect(other.getByTestId("notice")).toContainText("choose Edit in the bar above");
    expect(await other.evaluate(() => window.__gwsim!.getText())).toBe(WORKSPACE);

    await other.getByTestId("share-edit").click();
    await expect(other.getByTestId("share-notice")).toBeHidden();
    expect(new URL(other.url()).hash).toBe("");
    await editor.goTo(1, 1);
    await editor.type("# edited\n");
    await expect
      .poll(() => other.evaluate(() => window.__gwsim!.getText()))
      .toBe(`# edited\n${WORKSPACE}`);
    expect(fresh.problems).toEqual([]);
  } finally {
    await fresh.close();
  }
});

test("while read-only the shared text does not replace the saved workspace; Keep my workspace restores it", async ({
  page,
  api,
}) => {
  await api.setText(WORKSPACE);
  await api.waitForAnalysis();
  const link = await copyShareLink(page);
  const mine =
    "# my own work\napiVersion: v1\nkind: Service\nmetadata:\n  name: mine\n  namespace: default\n";
  await api.setText(mine);
  await page.evaluate(() => window.__gwsim!.flushAutosave!());

  await page.goto(link);
  await page.reload();
  await page.waitForFunction(() => window.__gwsim !== undefined);
  await expect(page.getByTestId("share-notice")).toBeVisible();
  expect(await api.getText()).toBe(WORKSPACE);
  await page.evaluate(() => window.__gwsim!.waitForAnalysis());
  // Autosave has not started at all while read-only; even a change now must not reach storage.
  expect(await page.evaluate(() => window.__gwsim!.flushAutosave === undefined)).toBe(true);
  await api.setText(`${WORKSPACE}# changed while read-only\n`);
  // Proving that nothing is written needs time to pass: well beyond the 400 ms autosave debounce.
  await page.waitForTimeout(1000);
  expect(await savedText(page)).toBe(mine);
  await page.getByTestId("share-keep-mine").click();
  await expect(page.getByTestId("share-notice")).toBeHidden();
  await expect.poll(() => api.getText()).toBe(mine);
  expect(new URL(page.url()).hash).toBe("");
});

test("a damaged share link says so and shows the own workspace, never a blank page", async ({
  page,
  api,
}) => {
  const link = await copyShareLink(page);
  await page.goto(`${link.slice(0, -12)}`);
  await page.reload();
  await page.waitForFunction(() => window.__gwsim !== undefined);
  await expect(page.getByTestId("notice")).toContainText("This share link could not be opened");
  await expect(page.getByTestId("share-notice")).toBeHidden();
  expect(await api.getText()).toContain("kind: Gateway");
  await api.waitForAnalysis();
});

test("Download as folders gives one file per object and a kustomization.yaml", async ({
  page,
  api,
}) => {
  await api.setText(WORKSPACE);
  await api.waitForAnalysis();
  await page.getByTestId("export").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-zip").click(),
  ]);
  expect(download.suggestedFilename()).toBe("gwsim-workspace.zip");
  const { files, skipped } = await readZip(new Uint8Array(readFileSync(await download.path())));
  expect(skipped).toEqual([]);
  const entries = files.map((f) => ({
    name: f.name,
    text: new TextDecoder("utf-8", { fatal: true }).decode(f.bytes),
  }));
  expect(entries.map((e) => e.name)).toEqual([
    "_cluster/gatewayclass-gwsim.yaml",
    "infra/gateway-shared.yaml",
    "team-a/service-web.yaml",
    "kustomization.yaml",
  ]);
  const gateway = entries.find((e) => e.name === "infra/gateway-shared.yaml");
  expect(gateway?.text).toContain("namespace: infra # owned by platform");
  expect(entries.at(-1)?.text).toContain("  - team-a/service-web.yaml");
});
