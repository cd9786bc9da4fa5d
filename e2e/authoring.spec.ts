/**
 * Authoring (issue 12): the palette creates every kind gwsim models, valid as created; the
 * inspector edits listeners, hostnames, matches and backends as minimal YAML edits with
 * validation as you type; RequestMirror backends are drawn as edges.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { CanvasPage } from './pages/CanvasPage';

const SCREENS = process.env.GWSIM_SCREENS ?? 'test-results/screens';

/** Error diagnostics of the current analysis, with their object, as "code key: message". */
async function errorDiagnostics(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const { analysis } = await window.__gwsim!.waitForAnalysis();
    return analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.object ? `${d.object.kind}/${d.object.namespace ?? ''}/${d.object.name}` : ''}: ${d.message}`);
  });
}

test('the palette adds every kind gwsim models, each valid and not rejected', async ({ page, app, api }) => {
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.ready();
  const before = await errorDiagnostics(page);
  // Namespace team-a: the shared Gateway admits routes from it.
  await canvas.node('HTTPRoute/team-a/store').click();
  const added: Record<string, string> = {
    listenerset: 'ListenerSet/infra/listener-set',
    tlsroute: 'TLSRoute/team-a/tls-route',
    tcproute: 'TCPRoute/team-a/tcp-route',
    udproute: 'UDPRoute/team-a/udp-route',
    backendtlspolicy: 'BackendTLSPolicy/team-a/backend-tls-policy',
    referencegrant: 'ReferenceGrant/team-a/reference-grant',
    httproute: 'HTTPRoute/team-a/http-route',
  };
  for (const kind of Object.keys(added)) {
    const revision = await api.getRevision();
    await page.getByTestId(`palette-add-${kind}`).click();
    await expect.poll(() => api.getRevision()).toBeGreaterThan(revision);
  }
  const analysis = await api.waitForAnalysis();
  expect(analysis.objects).toEqual(expect.arrayContaining(Object.values(added)));
  expect(await errorDiagnostics(page)).toEqual(before);
  for (const key of Object.values(added)) await expect(canvas.node(key)).not.toHaveAttribute('data-status', 'error');
  // The new HTTPRoute attached to the shared Gateway; the ListenerSet was admitted (allowedListeners).
  await expect(canvas.node('HTTPRoute/team-a/http-route')).toHaveAttribute('data-status', 'ok');
  await expect(canvas.node('ListenerSet/infra/listener-set')).toHaveAttribute('data-status', 'ok');
  const text = await api.getText();
  // The grant names one Service, never "every Service in the namespace".
  expect(text).toMatch(/kind: ReferenceGrant[\s\S]*?to:\n\s+- group: ""\n\s+kind: Service\n\s+name: \S+/);
  await page.screenshot({ path: `${SCREENS}/authoring-palette.png` });
});
