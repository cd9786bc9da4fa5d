/**
 * A cluster dump with the controller's status: the inspector puts the controller's conditions
 * beside gwsim's, flags each disagreement and the stale observedGeneration, and the Problems panel
 * lists them. And policies: the inspector of a route lists the policies that reach it (its own and
 * the inherited ones) and leads to the policy itself.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";
const DUMP = "cluster-dump-with-drift";

test("a cluster dump: in the closed world the route the controller accepted but gwsim refuses shows both verdicts, the stale generation is called out, both are in Problems", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await app.openExample(DUMP);
  await api.waitForAnalysis();
  // The dump holds no Namespace objects, so in the default world store is assumed to carry the
  // label listener public selects: gwsim agrees with the controller on storefront, and only the
  // stale generation drifts.
  await expect(page.locator(".gn-drift")).toHaveCount(1);
  await expect(canvas.node("HTTPRoute/infra/status-page").locator(".gn-drift")).toBeVisible();
  // Closed: the dump is the whole cluster, store has no such label, and gwsim disagrees.
  await page.getByTestId("world-closed").click();
  await expect(page.getByTestId("world-closed")).toHaveAttribute("aria-checked", "true");

  // The canvas marks exactly the three objects whose status drifted.
  await expect(page.locator(".gn-drift")).toHaveCount(3);
  for (const key of [
    "HTTPRoute/store/storefront",
    "Gateway/infra/shop",
    "HTTPRoute/infra/status-page",
  ]) {
    await expect(canvas.node(key).locator(".gn-drift"), key).toBeVisible();
  }
  await expect(canvas.node("Service/store/storefront").locator(".gn-drift")).toHaveCount(0);

  await canvas.clickNode("HTTPRoute/store/storefront");
  const inspector = page.getByTestId("inspector");
  await expect(page.getByTestId("inspector-title")).toHaveText("store/storefront");
  const drift = inspector.getByTestId("inspector-drift");
  await expect(drift.getByRole("heading")).toHaveText("Controller status vs gwsim");
  const accepted = drift.locator("tbody[data-kinds]", { hasText: "Accepted" });
  await expect(accepted).toHaveCount(1);
  await expect(accepted).toHaveAttribute("data-kinds", "mismatch");
  await expect(accepted).toHaveClass(/insp-drift-row--disagrees/);
  await expect(accepted.getByTestId("drift-controller")).toHaveText(/^True\s*Accepted\s*gen 1$/);
  await expect(accepted.getByTestId("drift-gwsim")).toHaveText(
    /^False\s*NotAllowedByListeners\s*gen 1$/,
  );
  await expect(drift.getByTestId("inspector-drift-stale")).toHaveCount(0);
  // The route's own status section still explains why gwsim refuses it.
  await expect(inspector.getByTestId("inspector-check-0-public-namespace")).toHaveAttribute(
    "data-pass",
    "false",
  );
  await page.screenshot({ path: `${SCREENS}/drift-route-disagrees.png` });

  // The Gateway: the listener's attachedRoutes count differs (the same route, counted by the controller).
  // The readable fit may have left it off screen after a re-layout: zoom out to it, as a person would.
  await canvas.zoomOutUntilVisible(canvas.node("Gateway/infra/shop"));
  await canvas.clickNode("Gateway/infra/shop");
  await expect(page.getByTestId("inspector-title")).toHaveText("infra/shop");
  const counted = inspector
    .getByTestId("inspector-drift")
    .locator("tbody[data-kinds]", { hasText: "attachedRoutes" });
  await expect(counted).toHaveAttribute("data-kinds", "attached-routes");
  await expect(counted.getByTestId("drift-controller")).toHaveText("1");
  await expect(counted.getByTestId("drift-gwsim")).toHaveText("0");
  await page.screenshot({ path: `${SCREENS}/drift-gateway-attached-routes.png` });

  // The Problems panel lists every drift entry; clicking the stale one selects the route it is about.
  await expect(app.problem("status.controller-disagrees")).toHaveCount(2);
  await expect(
    app.problem(
      /HTTPRoute store\/storefront.*controller says Accepted=True\/Accepted, gwsim computes Accepted=False\/NotAllowedByListeners/,
    ),
  ).toHaveCount(1);
  const stale = app.problem("status.stale-generation");
  await expect(stale).toHaveCount(1);
  await expect(stale).toContainText("written for generation 2, but the object is at generation 3");
  await stale.click();
  await expect(page.getByTestId("inspector-title")).toHaveText("infra/status-page");
  const note = inspector.getByTestId("inspector-drift-stale");
  await expect(note).toContainText("written for generation 2; the object is at generation 3");
  const staleRow = inspector.getByTestId("inspector-drift").locator("tbody[data-kinds]");
  await expect(staleRow).toHaveCount(1);
  await expect(staleRow).toHaveAttribute("data-kinds", "stale-generation");
  await expect(staleRow.getByTestId("drift-controller")).toContainText("gen 2");
  await expect(staleRow.getByTestId("drift-gwsim")).toHaveText("no disagreement");
  await page.screenshot({ path: `${SCREENS}/drift-stale-generation.png` });
});

test("a dump opened through Open files into an empty workspace shows the drift too", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  await api.setText("");
  await api.waitForAnalysis();
  await app.fileInput.setInputFiles({
    name: "shop-dump.yaml",
    mimeType: "application/yaml",
    buffer: readFileSync(new URL(`../fixtures/examples/${DUMP}.yaml`, import.meta.url)),
  });
  await expect.poll(async () => (await api.getText()).includes("kind: List")).toBe(true);
  await api.waitForAnalysis();
  await expect(app.problem("status.stale-generation")).toHaveCount(1);
  await expect(app.problem("status.controller-disagrees")).toHaveCount(0);
  await page.getByTestId("world-closed").click();
  await expect(app.problem("status.controller-disagrees")).toHaveCount(2);
  await expect(app.problem("status.stale-generation")).toHaveCount(1);
  await expect(page.locator(".gn-drift")).toHaveCount(3);
});

test("a route lists the policies that reach it, its own and the inherited one; a click selects the policy, which shows where it takes effect", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await app.openExample("envoy-gateway-policies");
  await api.waitForAnalysis();

  await canvas.clickNode("HTTPRoute/apps/api");
  const inspector = page.getByTestId("inspector");
  const policies = inspector.getByTestId("inspector-policies");
  await expect(policies.locator("li")).toHaveCount(2);
  const own = policies.getByTestId("inspector-policy-backendtrafficpolicy-apps-api-resilience");
  await expect(own).toContainText("BackendTrafficPolicy apps/api-resilience");
  await expect(own).toContainText("targets this route");
  const inherited = policies.getByTestId(
    "inspector-policy-clienttrafficpolicy-apps-client-defaults",
  );
  await expect(inherited).toContainText("ClientTrafficPolicy apps/client-defaults");
  await expect(inherited).toContainText("inherited from Gateway apps/eg");
  // Most specific first.
  await expect(policies.locator("li").first()).toContainText("BackendTrafficPolicy");
  await page.screenshot({ path: `${SCREENS}/policies-route.png` });

  await inherited.getByRole("button", { name: /client-defaults/ }).click();
  await expect
    .poll(() => page.evaluate(() => window.__gwsim!.getSelected()))
    .toBe("ClientTrafficPolicy/apps/client-defaults");
  await expect(page.getByTestId("inspector-title")).toHaveText("apps/client-defaults");
  const targets = inspector.getByTestId("inspector-policy-targets");
  await expect(targets.getByTestId("inspector-policy-target-0")).toHaveAttribute(
    "data-resolved",
    "true",
  );
  await expect(targets.getByTestId("inspector-policy-target-0")).toContainText("Gateway apps/eg");
  await expect(targets.getByTestId("inspector-policy-reaches-gateway-apps-eg")).toContainText(
    "direct target",
  );
  await expect(targets.getByTestId("inspector-policy-reaches-httproute-apps-api")).toContainText(
    "inherited from Gateway apps/eg",
  );
  await expect(targets.getByTestId("inspector-policy-reaches-httproute-apps-admin")).toContainText(
    "inherited from Gateway apps/eg",
  );
  await page.screenshot({ path: `${SCREENS}/policies-policy-selected.png` });

  // The Gateway gets the EnvoyProxy of its class.
  await canvas.clickNode("Gateway/apps/eg");
  await expect(
    inspector.getByTestId("inspector-policy-envoyproxy-envoy-gateway-system-proxy-config"),
  ).toContainText("from GatewayClass eg");
  await expect(
    inspector.getByTestId("inspector-policy-clienttrafficpolicy-apps-client-defaults"),
  ).toContainText("targets this Gateway");

  // Renaming the route leaves the BackendTrafficPolicy's targetRef pointing at nothing.
  const text = await api.getText();
  const renamed = text.replace(
    "  name: api\n  namespace: apps\nspec:\n  parentRefs:",
    "  name: api-v2\n  namespace: apps\nspec:\n  parentRefs:",
  );
  expect(renamed).not.toBe(text);
  await api.setText(renamed);
  await api.waitForAnalysis();
  await canvas.zoomOutUntilVisible(canvas.node("BackendTrafficPolicy/apps/api-resilience"));
  await canvas.clickNode("BackendTrafficPolicy/apps/api-resilience");
  const target = inspector.getByTestId("inspector-policy-target-0");
  await expect(target).toHaveAttribute("data-resolved", "false");
  await expect(target).toContainText("HTTPRoute apps/api");
  await expect(target).toContainText("not in input");
  await expect(inspector.getByText("Takes effect on")).toHaveCount(0);
  await canvas.clickNode("HTTPRoute/apps/api-v2");
  await expect(inspector.getByTestId("inspector-policies").locator("li")).toHaveCount(1);
  await expect(
    inspector.getByTestId("inspector-policy-clienttrafficpolicy-apps-client-defaults"),
  ).toContainText("inherited from Gateway apps/eg");
});

test("a Gateway-wide policy is shown as overridden on the route that has its own policy of the same kind", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await app.openExample("envoy-gateway-policies");
  await api.waitForAnalysis();
  await api.setText(`${await api.getText()}---
apiVersion: gateway.envoyproxy.io/v1alpha1
kind: BackendTrafficPolicy
metadata:
  name: gateway-defaults
  namespace: apps
spec:
  targetRefs:
    - group: gateway.networking.k8s.io
      kind: Gateway
      name: eg
  timeout:
    http:
      requestTimeout: 15s
`);
  await api.waitForAnalysis();

  await canvas.clickNode("HTTPRoute/apps/api");
  const inspector = page.getByTestId("inspector");
  const defaults = inspector.getByTestId(
    "inspector-policy-backendtrafficpolicy-apps-gateway-defaults",
  );
  await expect(defaults).toContainText("inherited from Gateway apps/eg");
  await expect(defaults).toHaveAttribute("data-overridden", "true");
  await expect(defaults.getByTestId("inspector-policy-overridden")).toHaveText(
    "overridden by BackendTrafficPolicy apps/api-resilience",
  );
  await expect(
    inspector.getByTestId("inspector-policy-backendtrafficpolicy-apps-api-resilience"),
  ).not.toHaveAttribute("data-overridden", "true");
  await page.screenshot({ path: `${SCREENS}/policies-overridden.png` });

  // admin has no BackendTrafficPolicy of its own: the Gateway's applies, not overridden.
  await canvas.clickNode("HTTPRoute/apps/admin");
  const onAdmin = inspector.getByTestId(
    "inspector-policy-backendtrafficpolicy-apps-gateway-defaults",
  );
  await expect(onAdmin).toContainText("inherited from Gateway apps/eg");
  await expect(onAdmin).not.toHaveAttribute("data-overridden", "true");
});

test("a policy on an InferencePool the slice lacks: the assumed pool's inspector lists it, marked as an assumed target", async ({
  page,
  app,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await api.setText(
    readFileSync("cli/testdata/check-inference-pool-slice/gke-inference.yaml", "utf8"),
  );
  await api.waitForAnalysis();

  const pool = "InferencePool/default/vllm-llama3-8b-instruct";
  await canvas.zoomOutUntilVisible(canvas.node(pool));
  await canvas.clickNode(pool);
  const inspector = page.getByTestId("inspector");
  const policies = inspector.getByTestId("inspector-policies");
  await expect(policies).not.toContainText("No policy applies");
  const applied = policies.getByTestId(
    "inspector-policy-gcpbackendpolicy-default-inferencepool-backend-policy",
  );
  await expect(applied).toContainText("GCPBackendPolicy default/inferencepool-backend-policy");
  await expect(applied).toContainText("targets this InferencePool");
  await expect(applied.getByTestId("inspector-policy-target-assumed")).toHaveText("assumed target");
  await page.screenshot({ path: `${SCREENS}/policies-assumed-pool.png` });

  // From the policy's side, its target is assumed (not "not in input") and leads to the pool.
  await applied.getByRole("button", { name: /inferencepool-backend-policy/ }).click();
  const target = inspector.getByTestId("inspector-policy-target-0");
  await expect(target).toHaveAttribute("data-resolved", "assumed");
  await expect(target).toContainText("assumed");
  await expect(
    inspector.getByTestId("inspector-policy-reaches-inferencepool-default-vllm-llama3-8b-instruct"),
  ).toContainText("direct target");
  await page.screenshot({ path: `${SCREENS}/policies-assumed-pool-policy.png` });
});
