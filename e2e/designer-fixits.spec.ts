/**
 * Issue 12, defect 5: a fix-it is offered only when re-analysis proves it resolves the finding and
 * changes nothing else. An HTTPRoute refused by a TCP listener that accepts only TCPRoute gets no
 * "Allow routes from apps" offer (it would widen access and leave the route refused).
 */
import { expect, test } from "./fixtures";

const GATEWAY = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: { name: example }
spec: { controllerName: gwsim.dev/controller }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: edge, namespace: infra }
spec:
  gatewayClassName: example
  listeners:
`;
const ROUTE = `---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web, namespace: apps }
spec:
  parentRefs: [{ name: edge, namespace: infra, sectionName: SECTION }]
  rules: [{ backendRefs: [{ name: svc, port: 80 }] }]
---
apiVersion: v1
kind: Service
metadata: { name: svc, namespace: apps }
spec: { ports: [{ port: 80 }] }
`;

test("a route refused by a TCP-only listener is reported, but no fix-it widens access without fixing it", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  const tcp = `    - name: tcp\n      protocol: TCP\n      port: 5432\n      allowedRoutes:\n        kinds: [{ kind: TCPRoute }]\n`;
  await api.setText(GATEWAY + tcp + ROUTE.replace("SECTION", "tcp"));
  await api.waitForAnalysis();
  await page.getByTestId("platform-tab-lint").click();
  const panel = page.getByTestId("platform-panel");
  await expect(panel.getByTestId("lint-finding-lint-route-not-accepted")).toContainText("web");
  await expect(panel.getByTestId("fixit-allowed-routes")).toHaveCount(0);
  await expect(panel.getByTestId("fixit-allowed-kinds")).toHaveCount(0);
  await expect(panel).not.toContainText("Allow routes from apps");
});

test("a listener refusing both the namespace and the kind gets one fix-it that does both, and it works", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  const http = `    - name: http\n      protocol: HTTP\n      port: 80\n      allowedRoutes:\n        kinds: [{ kind: GRPCRoute }]\n`;
  await api.setText(GATEWAY + http + ROUTE.replace("SECTION", "http"));
  await api.waitForAnalysis();
  await page.getByTestId("platform-tab-lint").click();
  const panel = page.getByTestId("platform-panel");
  const fix = panel.getByTestId("fixit-allowed-routes");
  await expect(fix).toHaveCount(1);
  await expect(fix).toContainText(
    "Allow HTTPRoute from apps on listener http of Gateway infra/edge",
  );
  await expect(panel.getByTestId("fixit-allowed-kinds")).toHaveCount(0);
  const before = await api.getText();
  await fix.getByTestId("fixit-apply").click();
  await expect.poll(() => api.getText()).not.toBe(before);
  await api.waitForAnalysis();
  await expect(panel.getByTestId("lint-finding-lint-route-not-accepted")).toHaveCount(0);
});
