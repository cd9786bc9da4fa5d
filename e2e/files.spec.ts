import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

const extraRoute = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: imported
  namespace: team-a
spec:
  parentRefs:
    - name: shared
      namespace: infra
  hostnames: [imported.example.com]
  rules:
    - backendRefs:
        - name: store-web
          port: 80
`;
const extraService = `# a comment that must survive
apiVersion: v1
kind: Service
metadata:
  name: dropped-in
  namespace: team-b
spec:
  ports:
    - port: 80
`;

test.beforeEach(async ({ app }) => {
  await app.open();
});

test("opening files through the picker appends their documents after a # file: comment", async ({
  app,
  api,
}) => {
  const before = await api.getText();
  await app.fileInput.setInputFiles([
    { name: "imported-route.yaml", mimeType: "application/yaml", buffer: Buffer.from(extraRoute) },
    { name: "svc.yml", mimeType: "application/yaml", buffer: Buffer.from(extraService) },
  ]);
  await expect.poll(() => api.getText()).not.toBe(before);
  const text = await api.getText();
  expect(text.startsWith(before)).toBe(true);
  expect(text.slice(before.length)).toBe(
    `---\n# file: imported-route.yaml\n${extraRoute}---\n# file: svc.yml\n${extraService}`,
  );
  const analysis = await api.waitForAnalysis();
  expect(analysis.objects).toEqual(
    expect.arrayContaining(["HTTPRoute/team-a/imported", "Service/team-b/dropped-in"]),
  );
  await expect(app.page.getByTestId("notice")).toContainText("Added imported-route.yaml, svc.yml");

  // The import is one undo step.
  await app.clickUndo();
  await expect.poll(() => api.getText()).toBe(before);
});

test("added files come into view: the first added object is shown in the inspector, canvas and editor", async ({
  app,
  api,
  page,
}) => {
  await app.fileInput.setInputFiles([
    { name: "imported-route.yaml", mimeType: "application/yaml", buffer: Buffer.from(extraRoute) },
  ]);
  await api.waitForAnalysis();
  await expect(page.getByTestId("inspector-title")).toContainText("imported");
  await expect(page.getByTestId("graph-node-httproute-team-a-imported")).toBeInViewport();
  await expect(page.locator("#editor-pane .view-lines")).toContainText(
    "# file: imported-route.yaml",
  );
  await page.screenshot({ path: "test-results/ux24-added-file-in-view.png" });
});

test("dropping a YAML file on the page adds it; other files are skipped with a note", async ({
  page,
  app,
  api,
}) => {
  const before = await api.getText();
  const dataTransfer = await page.evaluateHandle(
    ([yaml]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([yaml!], "dropped.yaml", { type: "application/yaml" }));
      dt.items.add(new File(["{}"], "notes.json", { type: "application/json" }));
      return dt;
    },
    [extraService],
  );
  const zone = page.getByTestId("drop-zone");
  await zone.dispatchEvent("dragover", { dataTransfer });
  await expect(page.getByText("Drop here to add the files to the workspace")).toBeVisible();
  await zone.dispatchEvent("drop", { dataTransfer });
  await expect
    .poll(() => api.getText())
    .toBe(`${before}---\n# file: dropped.yaml\n${extraService}`);
  await expect(app.page.getByTestId("notice")).toContainText("Skipped notes.json");
  expect((await api.waitForAnalysis()).objects).toContain("Service/team-b/dropped-in");
});

test("reload restores the workspace: the text byte for byte, the analysis and dragged positions", async ({
  page,
  app,
  editor,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await canvas.ready();
  const gateway = "Gateway/infra/shared";
  const transformOf = () =>
    canvas.flowNode(gateway).evaluate((el) => (el as HTMLElement).style.transform);
  const before = await transformOf();
  await canvas.drag(gateway, 0, 140);
  await expect.poll(transformOf).not.toBe(before);
  const dragged = await transformOf();
  await editor.ready();
  await editor.goTo(13, 15);
  await editor.type("-edited # kept after reload");
  await expect.poll(() => api.getText()).toContain("envoy-edited # kept after reload");
  const text = await api.getText();
  await page.evaluate(() => window.__gwsim!.flushAutosave!());

  await page.reload();
  await app.open();
  expect(await api.getText()).toBe(text);
  expect((await api.waitForAnalysis()).objects).toContain("GatewayClass//envoy-edited");
  await editor.ready();
  expect(await editor.text()).toBe(text);
  await canvas.ready();
  expect(await transformOf()).toBe(dragged);
});

test("opening an example replaces the workspace after a confirmation when the text was changed", async ({
  page,
  app,
  api,
}) => {
  await api.setText(`${await api.getText()}\n# my change\n`);
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("quickstart");
    void dialog.accept();
  });
  await app.page.getByTestId("open-example").click();
  // Each example is listed with the first sentence of its own explanation.
  await expect(app.page.getByTestId("open-example-quickstart")).toContainText(
    "The smallest useful setup",
  );
  await app.page.getByTestId("open-example-quickstart").click();
  await expect.poll(() => api.getText()).not.toContain("# my change");
  // Loading it says what it shows and what to try.
  await expect(app.page.getByTestId("notice")).toContainText(
    "Example “Quickstart”: The smallest useful setup",
  );
  await expect(app.page.getByTestId("notice")).toContainText("Try: send GET /");
  await app.page.screenshot({ path: "test-results/screens/example-loaded-notice.png" });
  const analysis = await api.waitForAnalysis();
  expect(analysis.objects.length).toBeGreaterThan(0);
  expect(analysis.objects).not.toContain("Gateway/infra/shared");
});

test("an unreadable saved workspace is reported, and the example is shown instead of a blank page", async ({
  page,
  app,
  api,
}) => {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("gwsim");
        open.onsuccess = () => {
          const tx = open.result.transaction("workspace", "readwrite");
          tx.objectStore("workspace").put({ format: 99, something: "from the future" }, "current");
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
  );
  await page.reload();
  await app.open();
  await expect(page.getByTestId("notice")).toContainText(
    "Your saved workspace could not be restored",
  );
  expect(await api.getText()).toContain("kind: Gateway");
  expect((await api.waitForAnalysis()).objects).toContain("Gateway/infra/shared");
});

test("Export downloads the workspace byte for byte, and a cleaned cluster dump without server fields", async ({
  page,
  api,
}) => {
  const text = await api.getText();
  await page.getByTestId("export").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-download").click(),
  ]);
  expect(download.suggestedFilename()).toBe("gwsim-workspace.yaml");
  const saved = await download.path();
  const { readFileSync } = await import("node:fs");
  expect(readFileSync(saved, "utf8")).toBe(text);

  const dump = `# from the cluster\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: web\n      namespace: team-a\n      uid: 42\n      resourceVersion: "7"\n      managedFields: [{ manager: kubectl }]\n    spec:\n      ports:\n        - port: 80\n    status:\n      loadBalancer: {}\n`;
  await api.setText(dump);
  await page.getByTestId("export").click();
  const [cleaned] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("export-clean").click(),
  ]);
  expect(readFileSync(await cleaned.path(), "utf8")).toBe(
    `# from the cluster\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Service\n    metadata:\n      name: web\n      namespace: team-a\n    spec:\n      ports:\n        - port: 80\n`,
  );
});

test("a pasted `kubectl get -o yaml` List loads its items as objects", async ({
  page,
  editor,
  api,
}) => {
  await editor.ready();
  await editor.goTo(1, 1);
  await page.keyboard.press("Control+a");
  const list = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: pasted-a\n    namespace: team-a\n  spec:\n    ports:\n    - port: 80\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: pasted-b\n    namespace: team-a\n  spec:\n    ports:\n    - port: 8080\n`;
  // A real paste: a paste event carrying the text, as the browser delivers Ctrl+V from the clipboard.
  await editor.root.locator("textarea").evaluate((textarea, text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    textarea.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, list);
  await expect.poll(() => api.getText()).toBe(list);
  const analysis = await api.waitForAnalysis();
  expect(analysis.objects).toEqual(
    expect.arrayContaining(["Service/team-a/pasted-a", "Service/team-a/pasted-b"]),
  );
});
