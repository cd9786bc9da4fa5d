import { expect, test } from "./fixtures";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

test("a fix-it writes the missing ReferenceGrant: previewed as a diff, applied as one edit, the problem goes", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  await app.openExample("broken-on-purpose");
  await api.waitForAnalysis();
  await expect(app.problem("RefNotPermitted")).not.toHaveCount(0);

  await page.getByTestId("platform-tab-lint").click();
  const panel = page.getByTestId("platform-panel");
  await expect(panel.getByTestId("lint-finding-lint-reference-not-granted")).toContainText(
    "Service payments/checkout",
  );
  const fix = panel.getByTestId("fixit-reference-grant");
  await expect(fix).toContainText(
    "Add ReferenceGrant payments/allow-httproutes-from-shop-to-checkout",
  );
  await expect(panel.getByTestId("fixit-suggested-value")).toContainText("to PathPrefix");

  await fix.getByTestId("fixit-preview").click();
  const diff = panel.getByTestId("fixit-diff");
  await expect(diff).toContainText("+kind: ReferenceGrant");
  await expect(diff).toContainText("+      name: checkout");
  await page.screenshot({ path: `${SCREENS}/platform-fixit-preview.png` });

  const before = await api.getText();
  await fix.getByTestId("fixit-apply").click();
  await expect.poll(() => api.getText()).not.toBe(before);
  const after = await api.getText();
  // Only appended: every byte of the original text is still there, in front.
  expect(after.startsWith(before.trimEnd())).toBe(true);
  expect(after).toContain("kind: ReferenceGrant");
  await api.waitForAnalysis();
  await expect(panel.getByTestId("lint-finding-lint-reference-not-granted")).toHaveCount(0);
  await expect(panel.getByTestId("fixit-reference-grant")).toHaveCount(0);
  await expect(app.problem("RefNotPermitted")).toHaveCount(0);

  // One undo step brings the problem back.
  await api.undo();
  await api.waitForAnalysis();
  await expect(panel.getByTestId("lint-finding-lint-reference-not-granted")).toHaveCount(1);
});

test("the isolation lens shows who may attach where and flags a label that opens a namespace to both domains", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  await app.openExample("external-vs-internal-isolation");
  await api.waitForAnalysis();
  await page.getByTestId("platform-tab-isolation").click();
  const lens = page.getByTestId("isolation-lens");
  await expect(
    lens.getByTestId("lens-cell-storefront-gateway-gw-external-public-https"),
  ).toContainText("may attach");
  await expect(lens.getByTestId("lens-cell-ledger-gateway-gw-external-public-https")).toContainText(
    "✗ namespace",
  );
  await expect(lens.getByTestId("lens-cell-ledger-gateway-gw-external-public-https")).toContainText(
    "1 refused",
  );
  await expect(
    lens.getByTestId("lens-cell-ledger-gateway-gw-internal-private-https"),
  ).toContainText("1 attached");
  await expect(lens).toContainText("No leaks");
  await page.screenshot({ path: `${SCREENS}/platform-isolation-clean.png` });

  // Open the external listener to every namespace: the internal ledger namespace can now publish externally.
  const text = await api.getText();
  const opened = text.replace(
    "          from: Selector\n          selector:\n            matchLabels:\n              exposure: external",
    "          from: All",
  );
  expect(opened).not.toBe(text);
  await api.setText(opened);
  await api.waitForAnalysis();
  await expect(lens.getByTestId("lens-leak-namespace-open-to-domains")).toContainText(
    "Namespace ledger",
  );
  await expect(lens.getByTestId("lens-cell-ledger-gateway-gw-external-public-https")).toContainText(
    "1 attached",
  );
  await page.screenshot({ path: `${SCREENS}/platform-isolation-leak.png` });
});

test("a rule that can never win is listed with the request that proves it, and the simulator traces it to the winner", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  await app.openExample("quickstart");
  await api.waitForAnalysis();
  const base = await api.getText();
  // A legacy catch-all written as a regular expression ranks above every PathPrefix (Envoy's order).
  await api.setText(`${base}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: legacy-catch-all
  namespace: default
spec:
  parentRefs:
    - name: web
  hostnames:
    - hello.example.com
  rules:
    - matches:
        - path:
            type: RegularExpression
            value: "/.*"
      backendRefs:
        - name: hello
          port: 8080
`);
  await api.waitForAnalysis();
  await page.getByTestId("platform-tab-lint").click();
  const panel = page.getByTestId("platform-panel");
  const finding = panel.getByTestId("lint-finding-lint-shadowed-match");
  await expect(finding).toHaveCount(1);
  await expect(finding).toContainText(
    "HTTPRoute default/hello rule 0 match 0 never receives traffic",
  );
  await expect(finding).toContainText(
    "HTTPRoute default/legacy-catch-all rule 0 match 0 ranks above it",
  );
  await page.screenshot({ path: `${SCREENS}/platform-shadowed-rule.png` });

  await panel.getByTestId("lint-trace-request").click();
  const outcome = page.getByTestId("trace-outcome");
  await expect(outcome).toHaveAttribute("data-status", "200");
  await expect(page.getByTestId("sim-trace")).toContainText("legacy-catch-all");
  await page.screenshot({ path: `${SCREENS}/platform-shadowed-rule-traced.png` });
});
