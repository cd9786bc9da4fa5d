/**
 * Issue 12, defect 6 (composer part): for TLS and TCP the composer's headline, fields and port
 * follow the scheme.
 */
import { expect, test } from "./fixtures";
import { SimulatorPanel } from "./pages/SimulatorPanel";

test("choosing scheme tls moves the port to the listener that serves it", async ({ page, app }) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await sim.open("request");
  await sim.compose({ gateway: "infra/shared", scheme: "http" });
  await page.getByTestId("sim-listener").selectOption("http");
  await expect(page.getByTestId("sim-port")).toHaveValue("80");
  await page.getByTestId("sim-scheme").selectOption("tls");
  await expect(page.getByTestId("sim-port")).toHaveValue("443");
  await page.getByTestId("sim-scheme").selectOption("http");
  await expect(page.getByTestId("sim-port")).toHaveValue("80");
});

test("a TLS passthrough forward is headlined as connected and carries no leftover gRPC call", async ({
  page,
  app,
  api,
}) => {
  const sim = new SimulatorPanel(page);
  await app.open();
  await app.openExample("tls-passthrough");
  await api.waitForAnalysis();
  await sim.open("request");
  await sim.compose({
    gateway: "infra/passthrough",
    scheme: "https",
    host: "vault.secure.example.com",
  });
  await page.getByTestId("sim-grpc-service").fill("pkg.Vault");
  await page.getByTestId("sim-grpc-method").fill("Open");
  await page.getByTestId("sim-scheme").selectOption("tls");
  await expect(page.getByTestId("sim-grpc-service")).toHaveCount(0);
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-kind", "forwarded");
  await expect(sim.outcome.locator(".sim-status")).toHaveText("connected");
  await expect(sim.outcome).not.toContainText("gRPC");
  await expect(sim.trace).not.toContainText("pkg.Vault");
});

const TERMINATE = `apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: gc}
spec: {controllerName: example.com/gateway}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: edge, namespace: app}
spec:
  gatewayClassName: gc
  listeners:
    - name: tls
      protocol: TLS
      port: 443
      hostname: "*.example.com"
      tls: {mode: Terminate, certificateRefs: [{name: edge-cert}]}
      allowedRoutes: {kinds: [{kind: TLSRoute}]}
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: secured, namespace: app}
spec:
  parentRefs: [{name: edge}]
  hostnames: [secured.example.com]
  rules: [{backendRefs: [{name: secured, port: 8443}]}]
---
apiVersion: gateway.networking.k8s.io/v1alpha2
kind: TLSRoute
metadata: {name: plain, namespace: app}
spec:
  parentRefs: [{name: edge}]
  hostnames: [plain.example.com]
  rules: [{backendRefs: [{name: plain, port: 8443}]}]
---
apiVersion: v1
kind: Service
metadata: {name: secured, namespace: app}
spec: {ports: [{port: 8443}]}
---
apiVersion: v1
kind: Service
metadata: {name: plain, namespace: app}
spec: {ports: [{port: 8443}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: BackendTLSPolicy
metadata: {name: secured, namespace: app}
spec:
  targetRefs: [{group: "", kind: Service, name: secured}]
  validation:
    caCertificateRefs: [{group: "", kind: ConfigMap, name: backend-ca}]
    hostname: internal.secured.svc
`;

test("the trace says what a TLS listener's backend receives: passed-through, re-encrypted or plaintext", async ({
  page,
  app,
  api,
}) => {
  const sim = new SimulatorPanel(page);
  const stream = page.getByTestId("trace-backend-stream");
  await app.open();
  await sim.open("request");
  // An HTTP request on an HTTP listener carries no backend stream: the step is not drawn.
  await sim.compose({ gateway: "infra/shared", scheme: "http", host: "shop.example.com" });
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-kind", "forwarded");
  await expect(page.getByTestId("trace-step-backend-stream")).toHaveCount(0);

  await app.openExample("tls-passthrough");
  await api.waitForAnalysis();
  await sim.compose({
    gateway: "infra/passthrough",
    scheme: "tls",
    host: "vault.secure.example.com",
  });
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-kind", "forwarded");
  await expect(stream).toHaveText(
    "TLS, SNI vault.secure.example.com (the client's TLS, passed through)",
  );
  await expect(page.getByTestId("trace-step-backend-stream")).toContainText("Backend stream");

  await api.setText(TERMINATE);
  await api.waitForAnalysis();
  await sim.compose({ gateway: "app/edge", scheme: "tls", host: "secured.example.com" });
  await sim.send();
  await expect(sim.outcome).toHaveAttribute("data-kind", "forwarded");
  await expect(stream).toHaveText(
    "TLS, SNI internal.secured.svc (re-encrypted by the Gateway per BackendTLSPolicy)",
  );
  await expect(stream).toHaveAttribute("data-origin", "BackendTLSPolicy");
  await sim.compose({ host: "plain.example.com" });
  await sim.send();
  await expect(stream).toHaveText("plaintext (TLS ends at the Gateway)");
  await expect(stream).toHaveAttribute("data-tls", "false");
  await page.getByTestId("trace-step-backend-stream").screenshot({
    path: `${process.env.GWSIM_SCREENS ?? "test-results/screens"}/trace-backend-stream.png`,
  });
});
