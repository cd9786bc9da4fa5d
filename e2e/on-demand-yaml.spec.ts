import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

/**
 * The engine worker loads the `yaml` library on demand (src/engine/modules/engineModules.ts):
 * the default example's first graph needs none of it, and a document only the library can read
 * (an anchor) loads it then and is analysed as before. The fixtures refuse any request off the
 * page's origin, so this also shows the on-demand chunk comes from the app itself.
 */

/** A message only the `yaml` library's parser holds: marks a script that carries it. */
const YAML_PARSER_MARK = "Implicit keys need to be on a single line";

/**
 * The scripts the engine worker imports on demand that carry the `yaml` parser, as URLs. The page
 * has its own on-demand copy (the edit engine, loaded after the first graph): not counted here.
 */
async function workerYamlChunks(page: Page, worker: Request): Promise<string[]> {
  const response = await worker.response();
  const body = response === null ? "" : await response.text();
  const names = [...body.matchAll(/import\(\s*[`"']\.\/([\w.-]+\.js)[`"']\s*\)/g)].map((m) => m[1]);
  const chunks: string[] = [];
  for (const name of names) {
    const url = new URL(name ?? "", worker.url()).href;
    if ((await (await page.request.get(url)).text()).includes(YAML_PARSER_MARK)) chunks.push(url);
  }
  return chunks;
}

test("the first graph is drawn without the yaml library; an edit that adds an anchor loads it, and the graph follows", async ({
  page,
  app,
  editor,
}) => {
  const requests: Request[] = [];
  page.context().on("request", (request) => void requests.push(request));
  const canvas = new CanvasPage(page);
  await app.open();
  await canvas.readyAsFitted();
  await expect(canvas.node("Gateway/infra/shared")).toBeVisible();
  const beforeGraph = requests.map((r) => r.url());
  const worker = requests.find((r) => /\/engine\.worker-[\w-]+\.js$/.test(r.url()));
  expect(worker, "the engine worker's script").toBeDefined();
  const yamlChunks = await workerYamlChunks(page, worker!);
  expect(yamlChunks).toHaveLength(1);
  expect(beforeGraph).not.toContain(yamlChunks[0]);

  // The route renamed with an anchor on its name: quickParse gives up on that document, the
  // library reads it.
  await editor.replace("name: store", "name: &n shop");
  await expect(canvas.node("HTTPRoute/team-a/shop")).toBeVisible({ timeout: 20_000 });
  await expect(canvas.node("HTTPRoute/team-a/store")).toHaveCount(0);
  expect(requests.map((r) => r.url())).toContain(yamlChunks[0]);
  await page.screenshot({ path: "test-results/screens/on-demand-yaml.png" });
});
