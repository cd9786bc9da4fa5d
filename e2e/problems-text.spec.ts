/**
 * What a person reads in Problems for a pasted route whose Gateway is elsewhere: each sentence
 * once. The "no status" reason is already the tail of the row's message; a second copy below it
 * only doubles the reading.
 */
import { expect, test } from "./fixtures";

const lonelyRoute = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: argo-rollouts-http-route
  namespace: default
spec:
  parentRefs:
    - name: eg
  rules:
    - backendRefs:
        - name: argo-rollouts-stable-service
          port: 80
`;

test("a route whose Gateway is not pasted says why once, not twice", async ({ app, api, page }) => {
  await app.open();
  await api.setText(lonelyRoute);
  await api.waitForAnalysis();
  const row = app.problem("argo-rollouts-http-route is not attached");
  await expect(row).toHaveCount(1);
  const text = await row.innerText();
  const sentence = "Gateway default/eg is not in the workspace";
  expect(text).toContain(sentence);
  expect(text.split(sentence).length - 1).toBe(1);
  await page
    .getByTestId("problems-panel")
    .screenshot({ path: "test-results/ux24-problems-once.png" });
});
