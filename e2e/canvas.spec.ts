import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

test("the example draws its topology with every reference and its state", async ({ page, app }) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  for (const key of [
    "GatewayClass//envoy",
    "Gateway/infra/shared",
    "HTTPRoute/team-a/store",
    "HTTPRoute/team-b/shop",
    "Service/team-a/store-api",
    "Service/team-a/store-static",
    "Service/team-a/store-web",
    "Service/team-b/shop-v1",
    "Service/team-b/shop-v2",
  ]) {
    await expect(canvas.node(key), key).toHaveAttribute("data-status", "ok");
  }
  await expect(canvas.listener("Gateway/infra/shared", "http")).toHaveAttribute(
    "data-state",
    "ready",
  );
  // Both routes attach to both listeners (no sectionName); every edge is accepted.
  for (const route of ["HTTPRoute/team-a/store", "HTTPRoute/team-b/shop"]) {
    for (const listener of ["http", "https"]) {
      await expect(canvas.edge(`parent:${route}:0:${listener}`)).toHaveAttribute(
        "data-state",
        "ok",
      );
    }
  }
  await expect(canvas.edge("class:Gateway/infra/shared")).toHaveAttribute("data-state", "ok");
  await expect(canvas.edgeLabel("backend:HTTPRoute/team-b/shop:1:0")).toHaveText("rule 1 · 90%");
  await expect(canvas.edgeLabel("backend:HTTPRoute/team-b/shop:1:1")).toHaveText("rule 1 · 10%");
  await expect(canvas.edge("backend:HTTPRoute/team-a/store:0:0")).toHaveAttribute(
    "data-state",
    "ok",
  );
  await expect(page.getByTestId("graph-namespace-team-a")).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/canvas-example.png` });

  await canvas.node("HTTPRoute/team-b/shop").click();
  await expect(page.getByTestId("inspector-title")).toHaveText("team-b/shop");
  await expect(page.getByTestId("inspector-check-0-http-namespace")).toHaveAttribute(
    "data-pass",
    "true",
  );
  await page.screenshot({ path: `${SCREENS}/canvas-inspector-route.png` });
});

for (const example of [
  "shared-gateway-two-teams",
  "cross-namespace-backend-with-referencegrant",
  "broken-on-purpose",
  "quickstart",
]) {
  test(`example ${example}: every object is drawn, and no two nodes overlap`, async ({
    page,
    app,
    api,
  }) => {
    const canvas = new CanvasPage(page);
    await app.open();
    await canvas.ready();
    const seq = Number(await canvas.root.getAttribute("data-layout-seq"));
    await api.loadExample(example);
    const analysis = await api.waitForAnalysis();
    if (example !== "shared-gateway-two-teams") {
      await expect
        .poll(async () => Number(await canvas.root.getAttribute("data-layout-seq")))
        .toBeGreaterThan(seq);
    }
    const drawn = analysis.objects.filter((k) => !/^(Namespace|Secret|ConfigMap)\//.test(k));
    for (const key of drawn) await expect(canvas.node(key), key).toBeAttached();
    const boxes = await page.locator(".react-flow__node-graphNode").evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { id: el.getAttribute("data-id"), x: r.x, y: r.y, w: r.width, h: r.height };
      }),
    );
    for (const a of boxes) {
      for (const b of boxes) {
        if (a.id! >= b.id!) continue;
        const apart =
          a.x + a.w <= b.x + 0.5 ||
          b.x + b.w <= a.x + 0.5 ||
          a.y + a.h <= b.y + 0.5 ||
          b.y + b.h <= a.y + 0.5;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
    }
    await page.screenshot({ path: `${SCREENS}/example-${example}.png` });
  });
}
