/**
 * Authoring (issue 12): the palette creates every kind gwsim models, valid as created; the
 * inspector edits listeners, hostnames, matches and backends as minimal YAML edits with
 * validation as you type; RequestMirror backends are drawn as edges.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

/** Error diagnostics of the current analysis, with their object, as "code key: message". */
async function errorDiagnostics(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const { analysis } = await window.__gwsim!.waitForAnalysis();
    return analysis.diagnostics
      .filter((d) => d.severity === "error")
      .map(
        (d) =>
          `${d.code} ${d.object ? `${d.object.kind}/${d.object.namespace ?? ""}/${d.object.name}` : ""}: ${d.message}`,
      );
  });
}

test("the palette adds every kind gwsim models, each valid and not rejected", async ({
  page,
  app,
  api,
}) => {
  test.setTimeout(120_000);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const before = await errorDiagnostics(page);
  // Namespace team-a: the shared Gateway admits routes from it.
  await canvas.node("HTTPRoute/team-a/store").click();
  const added: Record<string, string> = {
    listenerset: "ListenerSet/infra/listener-set",
    tlsroute: "TLSRoute/team-a/tls-route",
    tcproute: "TCPRoute/team-a/tcp-route",
    udproute: "UDPRoute/team-a/udp-route",
    backendtlspolicy: "BackendTLSPolicy/team-a/backend-tls-policy",
    referencegrant: "ReferenceGrant/team-a/reference-grant",
    httproute: "HTTPRoute/team-a/http-route",
  };
  for (const kind of Object.keys(added)) {
    const revision = await api.getRevision();
    await page.getByTestId(`palette-add-${kind}`).click();
    await expect.poll(() => api.getRevision()).toBeGreaterThan(revision);
  }
  const analysis = await api.waitForAnalysis();
  expect(analysis.objects).toEqual(expect.arrayContaining(Object.values(added)));
  expect(await errorDiagnostics(page)).toEqual(before);
  for (const key of Object.values(added))
    await expect(canvas.node(key)).not.toHaveAttribute("data-status", "error");
  // The new HTTPRoute attached to the shared Gateway; the ListenerSet was admitted (allowedListeners).
  await expect(canvas.node("HTTPRoute/team-a/http-route")).toHaveAttribute("data-status", "ok");
  await expect(canvas.node("ListenerSet/infra/listener-set")).toHaveAttribute("data-status", "ok");
  const text = await api.getText();
  // The grant names one Service, never "every Service in the namespace".
  expect(text).toMatch(
    /kind: ReferenceGrant[\s\S]*?to:\n\s+- group: ""\n\s+kind: Service\n\s+name: \S+/,
  );
  await page.screenshot({ path: `${SCREENS}/authoring-palette.png` });
});

test("the inspector edits a listener port as a minimal YAML edit, refusing an invalid value inline", async ({
  page,
  app,
  api,
}) => {
  test.setTimeout(90_000);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const before = await api.getText();
  await canvas.node("Gateway/infra/shared").click();
  const port = page.getByTestId("edit-listener-http-port");
  await expect(port).toHaveValue("80");
  await port.fill("70000");
  // Validation as you type: the CRD's limit, shown under the field, and nothing written.
  await expect(page.getByTestId("edit-listener-http-port-error")).toContainText(
    "spec.listeners[0].port",
  );
  await expect(port).toHaveAttribute("aria-invalid", "true");
  await port.press("Enter");
  expect(await api.getText()).toBe(before);
  await port.fill("8080");
  await expect(page.getByTestId("edit-listener-http-port-error")).toHaveCount(0);
  await port.press("Enter");
  await expect.poll(() => api.getText()).not.toBe(before);
  const after = await api.getText();
  // One line changed; the comments and every other line stay.
  expect(after).toBe(
    before.replace(
      "      protocol: HTTP\n      port: 80\n",
      "      protocol: HTTP\n      port: 8080\n",
    ),
  );
  await page.getByTestId("edit-listener-http-from").selectOption("All");
  await expect.poll(() => api.getText()).toContain("          from: All\n          selector:");
  await page.screenshot({ path: `${SCREENS}/authoring-listener-edit.png` });
});

test("the inspector edits a route: hostnames, a match and a backend weight; a bad hostname is refused", async ({
  page,
  app,
  api,
}) => {
  test.setTimeout(90_000);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await canvas.node("HTTPRoute/team-b/shop").click();
  const before = await api.getText();
  const hosts = page.getByTestId("edit-route-hostnames");
  await hosts.fill("shop.example.com, Bad_Host");
  await expect(page.getByTestId("edit-route-hostnames-error")).toContainText("spec.hostnames[1]");
  await hosts.press("Enter");
  expect(await api.getText()).toBe(before);
  await hosts.fill("shop.example.com, shop2.example.com");
  await hosts.press("Enter");
  await expect
    .poll(() => api.getText())
    .toContain("    - shop.example.com\n    - shop2.example.com\n");
  // Rule 1 is the 90/10 split: its weights are edited in place.
  const weight = page.getByTestId("edit-rule-1-backend-1-weight");
  await expect(weight).toHaveValue("10");
  await weight.fill("25");
  await weight.press("Enter");
  await expect.poll(() => api.getText()).toContain("weight: 25");
  const headers = page.getByTestId("edit-rule-0-match-0-headers");
  await expect(headers).toHaveValue("x-canary: true");
  const method = page.getByTestId("edit-rule-0-match-0-method");
  await method.selectOption("GET");
  await expect.poll(() => api.getText()).toContain("method: GET");
  await api.waitForAnalysis();
  await expect(canvas.node("HTTPRoute/team-b/shop")).toHaveAttribute("data-status", "ok");
});

const MIRRORED = `apiVersion: gateway.networking.k8s.io/v1
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
metadata: {name: web, namespace: app}
spec: {ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: shadow, namespace: app}
spec: {ports: [{port: 80}]}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec:
  parentRefs: [{name: gw}]
  rules:
    - filters:
        - type: RequestMirror
          requestMirror:
            backendRef: {name: shadow, port: 80}
      backendRefs: [{name: web, port: 80}]
`;

test('a RequestMirror backend is drawn as its own "mirror" edge; handles have a 24 px hit target', async ({
  page,
  app,
  api,
}) => {
  test.setTimeout(90_000);
  const canvas = new CanvasPage(page);
  await app.open();
  await api.setText(MIRRORED);
  await api.waitForAnalysis();
  await canvas.ready();
  const mirror = canvas.edge("mirror:HTTPRoute/app/r:0:0");
  await expect(mirror).toHaveAttribute("data-state", "ok");
  await expect(canvas.edgeLabel("mirror:HTTPRoute/app/r:0:0")).toHaveText("mirror · rule 0");
  // Drawn differently from the backend edge beside it: dash-dot.
  const dash = await mirror.evaluate((el) => getComputedStyle(el).strokeDasharray);
  expect(dash.replace(/px/g, "")).toBe("10, 3, 2, 3");
  await expect(canvas.node("Service/app/shadow")).toHaveAttribute("data-status", "ok");
  // The handle dot is small; a pointer 10 px from its centre still lands on it.
  const handle = canvas.handle("HTTPRoute/app/r", "in");
  const box = await handle.boundingBox();
  expect(box).not.toBeNull();
  const hit = await page.evaluate(
    ([x, y]) =>
      document
        .elementFromPoint(x!, y!)
        ?.closest(".react-flow__handle")
        ?.getAttribute("data-handleid") ?? null,
    [box!.x + box!.width / 2 - 10, box!.y + box!.height / 2],
  );
  expect(hit).toBe("in");
  await page.screenshot({ path: `${SCREENS}/authoring-mirror.png` });
});

test("the inspector edits a listener's protocol (TLS follows), its hostname, and a match's path type and value", async ({
  page,
  app,
  api,
}) => {
  test.setTimeout(90_000);
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  await canvas.clickNode("Gateway/infra/shared");
  const before = await api.getText();
  // HTTP → HTTPS: the listener gets a Terminate tls block with a certificate to fill in.
  await page.getByTestId("edit-listener-http-protocol").selectOption("HTTPS");
  await expect.poll(() => api.getText()).toContain("      protocol: HTTPS\n      port: 80\n");
  expect(await api.getText()).toMatch(
    /- name: http\n\s+protocol: HTTPS\n[\s\S]*?tls:\n\s+mode: Terminate\n\s+certificateRefs:/,
  );
  await expect(page.getByTestId("edit-listener-http-tls-mode")).toHaveValue("Terminate");
  const host = page.getByTestId("edit-listener-http-hostname");
  await host.fill("shop_.example.com");
  await expect(page.getByTestId("edit-listener-http-hostname-error")).toBeVisible();
  await host.fill("*.shop.example.com");
  await host.press("Enter");
  await expect.poll(() => api.getText()).toContain('hostname: "*.shop.example.com"');
  // The rest of the Gateway's text stays: only the http listener's lines changed.
  expect((await api.getText()).split("\n").length).toBeGreaterThan(before.split("\n").length);

  // A rule's match: the canary rule of team-b's route gets a path.
  await canvas.clickNode("HTTPRoute/team-b/shop");
  await page.getByTestId("edit-rule-0-match-0-path-type").selectOption("Exact");
  const path = page.getByTestId("edit-rule-0-match-0-path-value");
  await path.fill("/cart");
  await path.press("Enter");
  await expect
    .poll(() => api.getText())
    .toMatch(/- matches:\n\s+- headers:[\s\S]*?path:\n\s+type: Exact\n\s+value: \/cart\n/);
  const analysis = await api.waitForAnalysis();
  expect(analysis.diagnostics.filter((d) => d.code.startsWith("schema"))).toEqual([]);
});
