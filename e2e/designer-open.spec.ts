/**
 * Issue 12, defect 8: Open replaces the workspace (asking first when work would be lost), Add
 * appends, New is visible, and the example banner goes away once the text is no longer the example.
 */
import { expect, test } from "./fixtures";

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: only
  namespace: apps
spec:
  ports:
    - port: 80
`;
const file = { name: "only.yaml", mimeType: "application/yaml", buffer: Buffer.from(SERVICE) };

test("Open files… replaces the example; Add files… appends", async ({ page, app, api }) => {
  await app.open();
  const example = await api.getText();
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("open-files").click();
  await (await chooser).setFiles(file);
  await expect.poll(() => api.getText()).toBe(`# file: only.yaml\n${SERVICE}`);
  const analysis = await api.waitForAnalysis();
  expect(analysis.objects).toEqual(["Service/apps/only"]);
  expect(analysis.diagnostics.filter((d) => /defined again/.test(d.message))).toEqual([]);

  const adding = page.waitForEvent("filechooser");
  await page.getByTestId("add-files").click();
  await (
    await adding
  ).setFiles({
    ...file,
    name: "again.yaml",
    buffer: Buffer.from(SERVICE.replace("name: only", "name: second")),
  });
  await expect.poll(() => api.getText()).toContain("# file: again.yaml");
  expect(await api.getText()).toContain("# file: only.yaml");
  expect(await api.getText()).not.toBe(example);
});

test("Open asks before replacing unsaved work; declining keeps it", async ({ page, app, api }) => {
  await app.open();
  const edited = `${await api.getText()}\n# my own change\n`;
  await api.setText(edited);
  let question = "";
  page.once("dialog", (d) => {
    question = d.message();
    void d.dismiss();
  });
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("open-files").click();
  await (await chooser).setFiles(file);
  await expect.poll(() => question).toContain("in place of the current workspace");
  await page.waitForTimeout(300);
  expect(await api.getText()).toBe(edited);

  page.once("dialog", (d) => void d.accept());
  const again = page.waitForEvent("filechooser");
  await page.getByTestId("open-files").click();
  await (await again).setFiles(file);
  await expect.poll(() => api.getText()).toBe(`# file: only.yaml\n${SERVICE}`);
});

test("New is a visible button and starts an empty workspace", async ({ page, app, api }) => {
  await app.open();
  await expect(page.getByTestId("new-workspace")).toBeVisible();
  await page.getByTestId("new-workspace").click();
  await expect.poll(() => api.getText()).toBe("");
});

test("the example banner goes away once the text is no longer the example", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  await app.openExample("tls-passthrough");
  const notice = page.getByTestId("notice");
  // The example's title as people write it, not its file name.
  await expect(notice).toContainText("Example “TLS passthrough”: ");
  await page.getByTestId("open-example").click();
  await expect(
    page.getByTestId("open-example-grpc-method-routing-with-header-canary"),
  ).toContainText("gRPC method routing with header canary");
  await page.keyboard.press("Escape");
  await api.setText(`${await api.getText()}\n# edited\n`);
  await expect(notice).toHaveCount(0);
});

test("the examples menu does not move under the pointer when the summaries arrive", async ({
  page,
  app,
}) => {
  // Hold one example's text back: the menu's summaries wait for every text, so the list is drawn
  // first with titles only, as it is on a slow connection.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/tls-passthrough-[^/]*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await app.open();
  await page.getByTestId("open-example").click();
  const last = page.getByTestId("open-example-tls-passthrough");
  await expect(last).toContainText("TLS passthrough");
  await expect(last).not.toContainText("SNI");
  const before = await last.boundingBox();
  release();
  await expect(last).toContainText("routes encrypted connections by SNI");
  expect(await last.boundingBox()).toEqual(before);
  // The whole list fits in the window, or scrolls: the last example can be reached.
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  await page.screenshot({ path: "test-results/screens/examples-menu.png" });
  await last.click();
  await expect(page.getByRole("menu")).toHaveCount(0);
});
