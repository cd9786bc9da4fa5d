/**
 * The inspector edits a route's structure: add and remove rules, matches and backendRefs, each a
 * minimal YAML edit and one undo step; the CRD's limits are said inline; removing the last backend
 * or the last rule first says what it means (HTTP 500). Screenshots at 1366×768 and 1600×1000,
 * light and dark.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

const WORKSPACE = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/c}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: app}
spec:
  gatewayClassName: gc
  listeners: [{name: http, protocol: HTTP, port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: app}
spec: {ports: [{port: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: app}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: shop, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    # the API
    - matches:
        - path: {type: PathPrefix, value: /api}
      backendRefs:
        - name: api   # keep this comment
          port: 8080
`;
const ROUTE = "HTTPRoute/app/shop";

test("rules, matches and backendRefs are added and removed from the inspector, one undo step each", async ({
  page,
  app,
  api,
}) => {
  test.setTimeout(120_000);
  const canvas = new CanvasPage(page);
  await app.open();
  await api.setText(WORKSPACE);
  await api.waitForAnalysis();
  await canvas.ready();
  await canvas.clickNode(ROUTE);

  // A new rule: an unused path, the route's own backend (no weight), appended after the rest.
  await page.getByTestId("edit-route-add-rule").click();
  await expect.poll(() => api.getText()).not.toBe(WORKSPACE);
  const withRule = await api.getText();
  expect(withRule.startsWith(WORKSPACE)).toBe(true);
  expect(withRule.slice(WORKSPACE.length)).toMatch(
    /^ {4}- matches:\n\s+- path:\n\s+type: PathPrefix\n\s+value: \/new-rule\n\s+backendRefs:\n\s+- name: api\n\s+port: 8080\n$/,
  );
  await expect(page.getByTestId("edit-rule-1")).toBeVisible();
  // One undo step restores the text byte for byte.
  await api.undo();
  await expect.poll(() => api.getText()).toBe(WORKSPACE);
  await expect(page.getByTestId("edit-rule-1")).toHaveCount(0);

  // A second match on rule 0, then removed again.
  await page.getByTestId("edit-rule-0-add-match").click();
  await expect(page.getByTestId("edit-rule-0-match-1-path-value")).toHaveValue("/new-rule");
  await page.getByTestId("edit-rule-0-match-1-remove").click();
  await expect.poll(() => api.getText()).toBe(WORKSPACE);

  // A backend from the workspace's Services: its port is filled in; a bad weight is refused inline.
  const add = "edit-rule-0-add-backend";
  await page.getByTestId(`${add}-name`).fill("web");
  await expect(page.getByTestId(`${add}-port`)).toHaveValue("80");
  await page.getByTestId(`${add}-weight`).fill("1000001");
  await expect(page.getByTestId(`${add}-error`)).toContainText("weight");
  await expect(page.getByTestId(`${add}-submit`)).toBeDisabled();
  expect(await api.getText()).toBe(WORKSPACE);
  await page.getByTestId(`${add}-weight`).fill("3");
  await expect(page.getByTestId(`${add}-error`)).toHaveCount(0);
  await page.getByTestId(`${add}-weight`).press("Enter");
  await expect
    .poll(() => api.getText())
    .toContain(
      "        - name: api   # keep this comment\n          port: 8080\n        - name: web\n          port: 80\n          weight: 3\n",
    );
  await expect(page.getByTestId("edit-rule-0-backend-1-name")).toHaveValue("web");

  // Removing one of two backends is immediate; the comment of the other stays.
  await page.getByTestId("edit-rule-0-backend-1-remove").click();
  await expect.poll(() => api.getText()).toBe(WORKSPACE);

  // Removing the last backend first says what it means, and writes nothing until confirmed.
  await page.getByTestId("edit-rule-0-backend-0-remove").click();
  const confirm = page.getByTestId("edit-rule-0-backend-0-remove-confirm");
  await expect(confirm).toContainText("requests it matches get HTTP 500");
  expect(await api.getText()).toBe(WORKSPACE);
  await page.screenshot({ path: `${SCREENS}/structure-confirm-last-backend.png` });
  await page.getByTestId("edit-rule-0-backend-0-remove-confirm-yes").click();
  await expect.poll(() => api.getText()).not.toContain("backendRefs");
  await expect(page.getByTestId("edit-rule-0-no-backends")).toContainText("HTTP 500");
  await api.undo();
  await expect.poll(() => api.getText()).toBe(WORKSPACE);

  // The last rule: said first, then the route has no rules at all.
  await page.getByTestId("edit-rule-0-remove").click();
  await expect(page.getByTestId("edit-rule-0-remove-confirm")).toContainText("without rules");
  await page.getByTestId("edit-rule-0-remove-confirm-no").click();
  await expect(page.getByTestId("edit-rule-0-remove-confirm")).toHaveCount(0);
  expect(await api.getText()).toBe(WORKSPACE);
});

test("a 17th rule is refused with the CRD's limit, and nothing is written", async ({
  page,
  app,
  api,
}) => {
  test.setTimeout(120_000);
  const canvas = new CanvasPage(page);
  await app.open();
  const sixteen = WORKSPACE.replace(
    "  rules:\n",
    `  rules:\n${Array.from({ length: 15 }, (_, i) => `    - matches: [{path: {type: PathPrefix, value: /r${i}}}]\n      backendRefs: [{name: web, port: 80}]\n`).join("")}`,
  );
  await api.setText(sixteen);
  await api.waitForAnalysis();
  await canvas.ready();
  await canvas.clickNode(ROUTE);
  await expect(page.getByTestId("edit-rule-15")).toBeAttached();
  await page.getByTestId("edit-route-add-rule").click();
  await expect(page.getByTestId("edit-route-add-rule-error")).toContainText("16");
  expect(await api.getText()).toBe(sixteen);
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
])
  for (const scheme of ["light", "dark"] as const)
    test.describe(`at ${size.width}×${size.height}, ${scheme}`, () => {
      test.use({ viewport: size, colorScheme: scheme });
      test("the structure controls are on screen and labelled", async ({ page, app, api }) => {
        test.setTimeout(90_000);
        const canvas = new CanvasPage(page);
        await app.open();
        await api.setText(WORKSPACE);
        await api.waitForAnalysis();
        await canvas.ready();
        await canvas.clickNode(ROUTE);
        await expect(page.getByRole("button", { name: "Add a rule" })).toBeAttached();
        await expect(
          page.getByRole("button", { name: "Remove backend 0 of rule 0" }),
        ).toBeVisible();
        await expect(page.getByRole("button", { name: "Add a match to rule 0" })).toBeVisible();
        await page.getByTestId("edit-rule-0-add-backend-name").fill("web");
        await page.getByTestId("edit-rule-0-backend-0-remove").click();
        await expect(page.getByTestId("edit-rule-0-backend-0-remove-confirm")).toBeVisible();
        await page.getByTestId("edit-rule-0-backend-0-remove-confirm").scrollIntoViewIfNeeded();
        // The controls, the confirmation and its buttons: no serious or critical axe finding.
        const axe = await new AxeBuilder({ page }).include(".inspector").analyze();
        expect(
          axe.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`),
        ).toEqual([]);
        await page.screenshot({
          path: `${SCREENS}/structure-${size.width}x${size.height}-${scheme}.png`,
        });
      });
    });
