import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

/**
 * The engine worker loads the `yaml` library on demand (src/engine/modules/engineModules.ts),
 * and RE2 and BackendTLSPolicy's status likewise: the default example's first graph needs none of
 * them; the page asks the worker to fetch them once that graph is shown, and a document only the library can read (an anchor) is analysed as
 * before. The fixtures refuse any request off the page's origin, so this also shows the
 * on-demand chunk comes from the app itself.
 */

/** A message only the `yaml` library's parser holds: marks a script that carries it. */
const YAML_PARSER_MARK = "Implicit keys need to be on a single line";

/** An error message only RE2 (re2js) holds. */
const RE2_MARK = "missing closing )";

/** A condition message only BackendTLSPolicy's status (the backendTls module) holds. */
const BACKEND_TLS_MARK = "is not supported (System)";

/**
 * The scripts the engine worker imports on demand that carry `mark`, as URLs. The page has its
 * own on-demand copy of both (the edit engine, loaded after the first graph): not counted here.
 */
async function workerChunksWith(page: Page, worker: Request, mark: string): Promise<string[]> {
  const response = await worker.response();
  const body = response === null ? "" : await response.text();
  // The loaders may sit in a chunk the worker's script imports statically (shared with its
  // on-demand chunks): read those too.
  const staticNames = [...body.matchAll(/(?:from|import)\s*["'`]\.\/([\w.-]+\.js)["'`]/g)].map(
    (m) => m[1] ?? "",
  );
  let code = body;
  for (const name of staticNames) {
    code += await (await page.request.get(new URL(name, worker.url()).href)).text();
  }
  const names = [...code.matchAll(/import\(\s*[`"']\.\/([\w.-]+\.js)[`"']\s*\)/g)].map((m) => m[1]);
  const chunks: string[] = [];
  for (const name of new Set(names)) {
    const url = new URL(name ?? "", worker.url()).href;
    if ((await (await page.request.get(url)).text()).includes(mark)) chunks.push(url);
  }
  return chunks;
}

test("the engine worker requests the yaml library only after the first graph is laid out; an edit that adds an anchor is analysed with it", async ({
  page,
  app,
  editor,
}) => {
  // When the canvas first says "laid-out", on the same clock as the requests' start times.
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      const canvas = document.querySelector('[data-testid="graph-canvas"]');
      if (canvas?.getAttribute("data-state") !== "laid-out") return;
      (window as unknown as { laidOutAt: number }).laidOutAt =
        performance.timeOrigin + performance.now();
      observer.disconnect();
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
  });
  const requests: Request[] = [];
  page.context().on("request", (request) => void requests.push(request));
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();
  await expect(canvas.node("Gateway/infra/shared")).toBeVisible();
  const laidOutAt = await page.evaluate(
    () => (window as unknown as { laidOutAt: number }).laidOutAt,
  );
  const worker = requests.find((r) => /\/engine\.worker-[\w-]+\.js$/.test(r.url()));
  expect(worker, "the engine worker's script").toBeDefined();
  const yamlChunks = await workerChunksWith(page, worker!, YAML_PARSER_MARK);
  expect(yamlChunks).toHaveLength(1);
  // RE2 too: the default example has no RegularExpression match, and its CRD patterns run without.
  const re2Chunks = await workerChunksWith(page, worker!, RE2_MARK);
  expect(re2Chunks).toHaveLength(1);
  // BackendTLSPolicy's status and rules too: the default example has no such policy.
  const backendTlsChunks = await workerChunksWith(page, worker!, BACKEND_TLS_MARK);
  expect(backendTlsChunks).toHaveLength(1);

  // The route renamed with an anchor on its name: quickParse gives up on that document, the
  // library reads it.
  await editor.replace("name: store", "name: &n shop");
  await expect(canvas.node("HTTPRoute/team-a/shop")).toBeVisible({ timeout: 20_000 });
  await expect(canvas.node("HTTPRoute/team-a/store")).toHaveCount(0);
  // Fetched once the first graph was shown (the page's preload) or by the edit: never before.
  const fetched = requests.filter((r) => r.url() === yamlChunks[0]);
  expect(fetched.length).toBeGreaterThan(0);
  for (const r of fetched) expect(r.timing().startTime).toBeGreaterThan(laidOutAt);
  for (const r of requests.filter(
    (r) => r.url() === re2Chunks[0] || r.url() === backendTlsChunks[0],
  ))
    expect(r.timing().startTime).toBeGreaterThan(laidOutAt);
  await page.screenshot({ path: "test-results/screens/on-demand-yaml.png" });
});
