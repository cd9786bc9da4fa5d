import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

/** Flow coordinates of every drawn object (React Flow's translate), independent of pan and zoom. */
async function flowPositions(canvas: CanvasPage): Promise<Record<string, string>> {
  const entries = await canvas.page
    .locator(".react-flow__node-graphNode")
    .evaluateAll((els) =>
      els.map(
        (el) => [el.getAttribute("data-id") ?? "", (el as HTMLElement).style.transform] as const,
      ),
    );
  return Object.fromEntries(entries);
}

async function layoutSeq(canvas: CanvasPage): Promise<number> {
  return Number(await canvas.root.getAttribute("data-layout-seq"));
}

const extraRoute = `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: added
  namespace: team-a
spec:
  parentRefs:
    - name: shared
      namespace: infra
  rules:
    - backendRefs:
        - name: added-svc
          port: 80
`;

test("adding an object in the YAML leaves every other object where it was; Re-layout lays out afresh", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await api.loadExample("shared-gateway-two-teams");
  await api.waitForAnalysis();
  await canvas.ready();
  // Let the example's layout land and the canvas settle.
  await expect.poll(async () => Object.keys(await flowPositions(canvas)).length).toBeGreaterThan(5);
  const before = await flowPositions(canvas);
  const seq = await layoutSeq(canvas);

  await api.setText(`${await api.getText()}${extraRoute}`);
  await api.waitForAnalysis();
  await expect.poll(() => layoutSeq(canvas)).toBeGreaterThan(seq);
  await expect(canvas.node("HTTPRoute/team-a/added")).toBeVisible();
  const after = await flowPositions(canvas);
  for (const [id, transform] of Object.entries(before)) expect(after[id], id).toBe(transform);

  // The new route and its (assumed) Service overlap nothing.
  const boxes = await page.locator(".react-flow__node-graphNode").evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.getAttribute("data-id") ?? "", x: r.x, y: r.y, w: r.width, h: r.height };
    }),
  );
  for (const a of boxes.filter((b) => !(b.id in before))) {
    for (const b of boxes) {
      if (a.id === b.id) continue;
      const apart =
        a.x + a.w <= b.x + 0.5 ||
        b.x + b.w <= a.x + 0.5 ||
        a.y + a.h <= b.y + 0.5 ||
        b.y + b.h <= a.y + 0.5;
      expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
    }
  }
  await page.screenshot({ path: `${SCREENS}/layout-after-edit.png` });

  const seqBeforeRelayout = await layoutSeq(canvas);
  await page.getByRole("button", { name: "Re-layout" }).click();
  await expect.poll(() => layoutSeq(canvas)).toBeGreaterThan(seqBeforeRelayout);
  await page.screenshot({ path: `${SCREENS}/layout-relayout.png` });
});

for (const example of [
  "shared-gateway-two-teams",
  "external-vs-internal-isolation",
  "envoy-gateway-policies",
]) {
  test(`example ${example} is laid out in traffic columns`, async ({ page, app, api }) => {
    const canvas = new CanvasPage(page);
    await app.open();
    const seq = await layoutSeq(canvas);
    await api.loadExample(example);
    await api.waitForAnalysis();
    if (example !== "shared-gateway-two-teams")
      await expect.poll(() => layoutSeq(canvas)).toBeGreaterThan(seq);
    await canvas.ready();
    const columns = await page.locator(".react-flow__node-graphNode").evaluateAll((els) =>
      els.map((el) => ({
        id: el.getAttribute("data-id") ?? "",
        x: el.getBoundingClientRect().x,
      })),
    );
    const xOf = (kind: string) =>
      columns.filter((c) => c.id.startsWith(`${kind}/`)).map((c) => c.x);
    // Every Gateway left of every route, every route left of every Service.
    const gateways = xOf("Gateway");
    const routes = [...xOf("HTTPRoute"), ...xOf("GRPCRoute"), ...xOf("TLSRoute")];
    const services = xOf("Service");
    expect(gateways.length).toBeGreaterThan(0);
    for (const g of gateways) for (const r of routes) expect(g).toBeLessThan(r);
    for (const r of routes) for (const s of services) expect(r).toBeLessThan(s);
    await page.screenshot({ path: `${SCREENS}/layout-${example}.png` });
  });
}
