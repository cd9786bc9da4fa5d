import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

async function flowTransform(canvas: CanvasPage, key: string): Promise<string> {
  return canvas.flowNode(key).evaluate((el) => (el as HTMLElement).style.transform);
}

test("a dragged node stays where it was put, across a reload, without touching the YAML; Re-layout resets it", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const key = "Service/team-b/shop-v1";
  const textBefore = await api.getText();
  const before = await flowTransform(canvas, key);
  await canvas.drag(key, 0, 140);
  await expect.poll(() => flowTransform(canvas, key)).not.toBe(before);
  const after = await flowTransform(canvas, key);
  expect(await api.getText()).toBe(textBefore);
  await page.waitForTimeout(800); // the autosave debounce: the saved workspace is what is under test
  await page.reload();
  await app.open();
  await canvas.ready();
  await expect.poll(() => flowTransform(canvas, key)).toBe(after);
  // Re-layout forgets the dragged positions: elk is deterministic, so the node goes back.
  await page.getByTestId("relayout").click();
  await expect.poll(() => flowTransform(canvas, key)).toBe(before);
});

test("a listener that stops allowing the route turns its edge red with NotAllowedByListeners", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const text = await api.getText();
  expect(text.match(/from: Selector/g)).toHaveLength(2);
  await api.setText(text.replaceAll("from: Selector", "from: Same"));
  await api.waitForAnalysis();
  const rejected = canvas.edge("parent:HTTPRoute/team-b/shop:0");
  await expect(rejected).toHaveAttribute("data-state", "error");
  await expect(rejected).toHaveAttribute("data-reason", "NotAllowedByListeners");
  await expect(canvas.edgeLabel("parent:HTTPRoute/team-b/shop:0")).toHaveText(
    "NotAllowedByListeners",
  );
  await expect(canvas.node("HTTPRoute/team-b/shop")).toHaveAttribute("data-status", "error");
  await expect(canvas.edge("parent:HTTPRoute/team-b/shop:0:http")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENS}/designer-not-allowed.png` });
  await canvas.node("HTTPRoute/team-b/shop").click();
  await expect(page.getByTestId("inspector-check-0-http-namespace")).toHaveAttribute(
    "data-pass",
    "false",
  );
  await page.screenshot({ path: `${SCREENS}/designer-not-allowed-inspector.png` });
});

test("connecting a route to a Service adds exactly one backendRef, and undo restores the text byte for byte", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const before = await api.getText();
  await canvas.connect(
    canvas.handle("HTTPRoute/team-b/shop", "out"),
    canvas.handle("Service/team-a/store-web", "in"),
  );
  await expect.poll(() => api.getText()).not.toBe(before);
  const after = await api.getText();
  // The route's last rule gets the Service with its first port; the namespace is written because it differs.
  const lines = before.split("\n");
  const anchor = lines.findIndex(
    (l, i) => l === "          weight: 10" && lines[i - 2] === "        - name: shop-v2",
  );
  expect(anchor).toBeGreaterThan(0);
  const expected = [
    ...lines.slice(0, anchor + 1),
    "        - name: store-web",
    "          namespace: team-a",
    "          port: 80",
    ...lines.slice(anchor + 1),
  ].join("\n");
  expect(after).toBe(expected);
  await api.waitForAnalysis();
  // Cross-namespace without a ReferenceGrant: the engine refuses it, and the edge says so.
  const edge = canvas.edge("backend:HTTPRoute/team-b/shop:1:2");
  await expect(edge).toHaveAttribute("data-state", "error");
  await expect(edge).toHaveAttribute("data-reason", "RefNotPermitted");
  await page.screenshot({ path: `${SCREENS}/designer-connect.png` });
  await app.clickUndo();
  await expect.poll(() => api.getText()).toBe(before);
});

test("a weight edited on its edge label is written into the YAML", async ({ page, app, api }) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const before = await api.getText();
  await canvas.edgeLabel("backend:HTTPRoute/team-b/shop:1:0").getByRole("button").click();
  const input = page.getByTestId("graph-edge-backend-httproute-team-b-shop-1-0-weight-input");
  await input.fill("80");
  await input.press("Enter");
  await expect
    .poll(() => api.getText())
    .toBe(before.replace("          weight: 90", "          weight: 80"));
  await api.waitForAnalysis();
  await expect(canvas.edgeLabel("backend:HTTPRoute/team-b/shop:1:0")).toHaveText("rule 1 · 88.9%");
});

test('deleting a referenced Service asks first, removes its document, and leaves a "not in input" ghost', async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const before = await api.getText();
  let dialog = "";
  page.once("dialog", (d) => {
    dialog = d.message();
    void d.accept();
  });
  await canvas.node("Service/team-b/shop-v1").click();
  await page.keyboard.press("Delete");
  await expect.poll(() => api.getText()).not.toBe(before);
  expect(dialog).toContain("HTTPRoute shop");
  const after = await api.getText();
  expect(after).not.toContain("name: shop-v1\n  namespace: team-b");
  expect(after.length).toBeLessThan(before.length);
  await api.waitForAnalysis();
  await expect(canvas.node("Service/team-b/shop-v1")).toHaveAttribute("data-status", "missing");
  await expect(canvas.edge("backend:HTTPRoute/team-b/shop:1:0")).toHaveAttribute(
    "data-reason",
    "BackendNotFound",
  );
  await page.screenshot({ path: `${SCREENS}/designer-ghost.png` });
});

test("objects added from the palette appear on the canvas with unique names", async ({
  page,
  app,
  api,
}) => {
  // Eight edits, each analysed: over 30 s on a loaded machine.
  test.setTimeout(90_000);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await page.getByTestId("palette-add-service").click();
  await expect(canvas.node("Service/default/service")).toBeVisible();
  await page.getByTestId("palette-add-service").click();
  await expect(canvas.node("Service/default/service-2")).toBeVisible();
  // A listener goes to the selected Gateway.
  await canvas.node("Gateway/infra/shared").click();
  await page.getByTestId("palette-add-listener").click();
  await expect(canvas.listener("Gateway/infra/shared", "http-2")).toBeVisible();
  const text = await api.getText();
  expect(text).toContain("kind: Service\nmetadata:\n  name: service-2\n  namespace: default");
  // Every kind the palette offers is valid as created: no schema diagnostics at all.
  for (const kind of [
    "gatewayclass",
    "gateway",
    "httproute",
    "grpcroute",
    "namespace",
    "referencegrant",
  ]) {
    const revision = await api.getRevision();
    await page.getByTestId(`palette-add-${kind}`).click();
    await expect.poll(() => api.getRevision()).toBeGreaterThan(revision);
  }
  const analysis = await api.waitForAnalysis();
  expect(analysis.objects).toEqual(
    expect.arrayContaining([
      "GatewayClass//gateway-class",
      "HTTPRoute/infra/http-route",
      "GRPCRoute/infra/grpc-route",
      "Namespace//namespace",
      "ReferenceGrant/infra/reference-grant",
    ]),
  );
  expect(
    analysis.diagnostics.filter((d) => d.code.startsWith("schema") || d.code.startsWith("yaml")),
  ).toEqual([]);
});

test("while a document has a YAML syntax error its objects stay on the canvas, greyed as stale", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const text = await api.getText();
  await api.setText(
    text.replace("  hostnames:\n    - shop.example.com", "  hostnames: [shop.example.com"),
  );
  await api.waitForAnalysis();
  await expect(canvas.node("HTTPRoute/team-b/shop")).toHaveAttribute("data-stale", "true");
  await expect(canvas.node("HTTPRoute/team-b/shop")).toContainText(
    "stale: YAML has a syntax error",
  );
  await expect(canvas.node("HTTPRoute/team-a/store")).not.toHaveAttribute("data-stale", "true");
  await page.screenshot({ path: `${SCREENS}/designer-stale.png` });
});

test("renaming in the inspector rewrites metadata.name only; the route now points at a missing Service", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const before = await api.getText();
  await canvas.node("Service/team-a/store-api").click();
  const field = page.getByTestId("inspector-rename");
  await field.fill("store-api-v2");
  await field.press("Enter");
  await expect
    .poll(() => api.getText())
    .toBe(
      before.replace(
        "  name: store-api\n  namespace: team-a",
        "  name: store-api-v2\n  namespace: team-a",
      ),
    );
  await api.waitForAnalysis();
  await expect(page.getByTestId("inspector-title")).toHaveText("team-a/store-api-v2");
  await expect(canvas.node("Service/team-a/store-api-v2")).toHaveAttribute("data-status", "ok");
  await expect(canvas.edge("backend:HTTPRoute/team-a/store:0:0")).toHaveAttribute(
    "data-reason",
    "BackendNotFound",
  );
});

test("dragging a listener onto a route that names the whole Gateway narrows its parentRef, after asking", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const before = await api.getText();
  const question = new Promise<string>((resolve) =>
    page.once("dialog", (d) => void d.accept().then(() => resolve(d.message()))),
  );
  await canvas.connect(
    canvas.handle("Gateway/infra/shared", "listener:https"),
    canvas.handle("HTTPRoute/team-a/store", "in"),
  );
  expect(await question).toContain("Narrow parentRefs[0] to listener https only?");
  await expect.poll(() => api.getText()).not.toBe(before);
  const lines = before.split("\n");
  const anchor = lines.findIndex(
    (l, i) =>
      l === "      namespace: infra" &&
      lines[i - 1] === "    - name: shared" &&
      lines[i - 5] === "  name: store",
  );
  expect(anchor).toBeGreaterThan(0);
  // One parentRef, narrowed; appending a second one to the same Gateway would break the CRD's rule.
  expect(await api.getText()).toBe(
    [...lines.slice(0, anchor + 1), "      sectionName: https", ...lines.slice(anchor + 1)].join(
      "\n",
    ),
  );
  const analysis = await api.waitForAnalysis();
  expect(analysis.diagnostics.filter((d) => d.code.startsWith("schema"))).toEqual([]);
  await expect(canvas.edge("parent:HTTPRoute/team-a/store:0:https")).toHaveAttribute(
    "data-state",
    "ok",
  );
});
