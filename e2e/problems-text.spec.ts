/**
 * What a person reads in Problems for a pasted route whose Gateway is elsewhere: no error (the
 * Gateway is assumed, its verdict unknown) and the located note that says so, each sentence once.
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

test("a route whose Gateway is not pasted: no error, and the assumption said once", async ({
  app,
  api,
  page,
}) => {
  await app.open();
  await api.setText(lonelyRoute);
  await api.waitForAnalysis();
  // The parent is assumed, so its status is unknown: not a refusal, as `gwsim check` counts it.
  await expect(page.getByTestId("problem-counts")).toContainText("0 errors");
  await expect(app.problem("argo-rollouts-http-route is not attached")).toHaveCount(0);
  const sentence = "Gateway default/eg is not in the workspace";
  const note = app.problem(sentence);
  await expect(note).toHaveCount(1);
  const text = await note.innerText();
  expect(text.split(sentence).length - 1).toBe(1);
  await page
    .getByTestId("problems-panel")
    .screenshot({ path: "test-results/ux24-problems-once.png" });
});
