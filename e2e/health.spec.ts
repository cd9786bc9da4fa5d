/**
 * The inspector predicts the health Argo CD and Flux would show for a Gateway API object, from
 * the status gwsim computes, with the reason: a route whose backend is not permitted is Degraded
 * in Argo CD and still Current in Flux.
 */
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

test("the inspector shows Argo CD and Flux health with the reason", async ({ page, app, api }) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await app.openExample("broken-on-purpose");
  await api.waitForAnalysis();

  await canvas.clickNode("HTTPRoute/shop/orders");
  const health = page.getByTestId("inspector").getByTestId("inspector-health");
  await expect(health.getByRole("heading")).toHaveText("Health");
  const argo = health.getByTestId("inspector-health-argocd");
  await expect(argo).toHaveAttribute("data-health", "Degraded");
  await expect(argo).toContainText("Argo CD");
  await expect(argo).toContainText(
    "Parent public: backendRef Service payments/checkout:8080: no ReferenceGrant",
  );
  const flux = health.getByTestId("inspector-health-flux");
  await expect(flux).toHaveAttribute("data-health", "Healthy");
  await expect(flux).toContainText("Healthy (Current)");
  await expect(flux).toContainText(
    "even though parent public ResolvedRefs=False (RefNotPermitted)",
  );
  await health.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENS}/inspector-health-route.png` });

  // A Service is not a Gateway API object: no Health section.
  await canvas.clickNode("Service/shop/storefront");
  await expect(page.getByTestId("inspector-title")).toHaveText("shop/storefront");
  await expect(page.getByTestId("inspector-health")).toHaveCount(0);
});
