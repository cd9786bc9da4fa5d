import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { parseAllDocuments } from "yaml";
import { crc32, writeZipArchive } from "../src/ui/share/zipStore";
import { CanvasPage } from "./pages/CanvasPage";
import { expect, test } from "./fixtures";

/** Copies for people to look at, only where the notes folder exists (not in CI). */
const SCREENS = existsSync("/work/notes") ? "/work/notes/screens" : undefined;

test.beforeEach(async ({ app }) => {
  await app.open();
});

async function exportDownload(page: Page, item: string): Promise<{ name: string; path: string }> {
  await page.getByTestId("export").click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId(`export-${item}`).click(),
  ]);
  return { name: download.suggestedFilename(), path: await download.path() };
}

function keep(path: string, name: string) {
  if (!SCREENS) return;
  mkdirSync(SCREENS, { recursive: true });
  copyFileSync(path, `${SCREENS}/${name}`);
}

/** Width and height from the PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The SVG parsed by the browser: parse errors, root, text content, and anything pointing outside. */
function parseSvg(page: Page, svg: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const all = [...doc.querySelectorAll("*")];
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: doc.documentElement.localName,
      namespace: doc.documentElement.namespaceURI,
      width: Number(doc.documentElement.getAttribute("width")),
      height: Number(doc.documentElement.getAttribute("height")),
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent ?? ""),
      external: all.filter((el) =>
        [...el.attributes].some((a) => /href$/i.test(a.name) || /url\((?!#)/.test(a.value)),
      ).length,
      rejected: [...doc.querySelectorAll('path[data-state="error"]')].map((p) => ({
        stroke: p.getAttribute("stroke"),
        dash: p.getAttribute("stroke-dasharray"),
      })),
    };
  }, svg);
}

test("Diagram as SVG and PNG: a standalone picture naming every object, and its 2× rendering", async ({
  page,
  api,
}) => {
  const { objects } = await api.waitForAnalysis();
  await new CanvasPage(page).ready();

  if (SCREENS) {
    await page.getByTestId("export").click();
    await page.screenshot({
      path: `${SCREENS}/export-menu.png`,
      clip: { x: 0, y: 0, width: 1100, height: 300 },
    });
    await page.keyboard.press("Escape");
  }
  const svgFile = await exportDownload(page, "diagram-svg");
  expect(svgFile.name).toBe("gwsim-diagram.svg");
  const svg = readFileSync(svgFile.path, "utf8");
  keep(svgFile.path, "diagram.svg");
  const parsed = await parseSvg(page, svg);
  expect(parsed.error).toBeNull();
  expect([parsed.root, parsed.namespace]).toEqual(["svg", "http://www.w3.org/2000/svg"]);
  expect(parsed.external).toBe(0);
  const names = objects.map((key) => key.split("/").at(-1)!);
  expect(names.length).toBeGreaterThan(5);
  for (const name of names)
    expect(
      parsed.texts.some((t) => t.includes(name)),
      `object name ${name} in the SVG`,
    ).toBe(true);
  await expect(page.getByTestId("notice")).toContainText(
    `Downloaded the diagram as SVG (${parsed.width} × ${parsed.height}, light theme)`,
  );

  const pngFile = await exportDownload(page, "diagram-png");
  expect(pngFile.name).toBe("gwsim-diagram.png");
  const png = readFileSync(pngFile.path);
  keep(pngFile.path, "diagram.png");
  const size = pngSize(png);
  expect(size).toEqual({ width: parsed.width * 2, height: parsed.height * 2 });
  await expect(page.getByTestId("notice")).toContainText(
    `PNG (${size.width} × ${size.height} pixels, light theme)`,
  );
  console.log(
    `diagram of the first-start example: SVG ${svg.length} bytes, ${parsed.width}×${parsed.height}; PNG ${png.length} bytes, ${size.width}×${size.height}`,
  );
});

test.describe("on a dark screen", () => {
  test.use({ colorScheme: "dark" });

  test("the diagram is exported in the dark theme the canvas shows", async ({ page }) => {
    await new CanvasPage(page).ready();
    await page.getByTestId("export").click();
    await expect(page.getByTestId("export-diagram-svg")).toHaveText("Diagram as SVG (dark theme)");
    await page.keyboard.press("Escape");
    const svgFile = await exportDownload(page, "diagram-svg");
    const svg = readFileSync(svgFile.path, "utf8");
    keep(svgFile.path, "diagram-dark.svg");
    const parsed = await parseSvg(page, svg);
    expect(parsed.error).toBeNull();
    // The background and every card in the dark canvas' colours, no white card left.
    const colours = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, "image/svg+xml");
      const rects = [...doc.querySelectorAll("rect")];
      return {
        background: rects[0]?.getAttribute("fill"),
        cards: [...doc.querySelectorAll("g[data-key] > rect[stroke]")].map((r) =>
          r.getAttribute("fill"),
        ),
      };
    }, svg);
    expect(colours.background).toBe("#111418");
    expect(colours.cards.length).toBeGreaterThan(5);
    expect(colours.cards.filter((f) => f !== "#1f242c" && f !== "#1c2128")).toEqual([]);
    await expect(page.getByTestId("notice")).toContainText("dark theme");
    const pngFile = await exportDownload(page, "diagram-png");
    keep(pngFile.path, "diagram-dark.png");
    await expect(page.getByTestId("notice")).toContainText("pixels, dark theme");
  });
});

test("rejected edges are drawn red and dashed in the SVG, each with its reason", async ({
  page,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await canvas.ready();
  const seq = Number(await canvas.root.getAttribute("data-layout-seq"));
  await api.loadExample("broken-on-purpose");
  await expect
    .poll(async () => Number(await canvas.root.getAttribute("data-layout-seq")))
    .toBeGreaterThan(seq);
  const edges = await page.evaluate(async () => {
    const { analysis } = await window.__gwsim!.waitForAnalysis();
    return analysis.graph.edges.filter((e) => e.status === "error").map((e) => e.label ?? "");
  });
  expect(edges.length).toBeGreaterThan(0);
  const file = await exportDownload(page, "diagram-svg");
  const parsed = await parseSvg(page, readFileSync(file.path, "utf8"));
  expect(parsed.error).toBeNull();
  expect(parsed.rejected).toHaveLength(edges.length);
  for (const r of parsed.rejected) expect(r).toEqual({ stroke: "#c42b1c", dash: "6 4" });
  for (const label of edges) expect(parsed.texts).toContain(label);
  const png = await exportDownload(page, "diagram-png");
  keep(png.path, "diagram-broken.png");
});

/** Every object of a workspace text, `kind: List` items included, by kind/namespace/name. */
function objectsOf(text: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const add = (o: Record<string, unknown>) => {
    const meta = (o.metadata ?? {}) as Record<string, unknown>;
    out.set(`${String(o.kind)}/${String(meta.namespace ?? "")}/${String(meta.name)}`, o);
  };
  const docs = parseAllDocuments(text);
  for (const doc of Array.isArray(docs) ? docs : []) {
    const value = doc.toJS() as Record<string, unknown> | null;
    if (!value) continue;
    if (value.kind === "List" && Array.isArray(value.items))
      for (const item of value.items) add(item as Record<string, unknown>);
    else add(value);
  }
  return out;
}

test("a zip exported as folders, opened in an empty workspace, gives identical objects", async ({
  page,
  app,
  api,
}) => {
  const original = await api.waitForAnalysis();
  const originalText = await api.getText();
  const zip = await exportDownload(page, "zip");
  expect(zip.name).toBe("gwsim-workspace.zip");

  await page.getByTestId("open-saved").click();
  await page.getByTestId("start-empty").click();
  await expect.poll(() => api.getText()).toBe("");

  await app.fileInput.setInputFiles({
    name: "gwsim-workspace.zip",
    mimeType: "application/zip",
    buffer: readFileSync(zip.path),
  });
  const count = original.objects.length;
  await expect(page.getByTestId("notice")).toContainText(
    `Added ${count} files from gwsim-workspace.zip to the workspace`,
  );
  await expect(page.getByTestId("notice")).toContainText(
    "kustomization.yaml: it is kustomize build configuration, not a cluster object",
  );
  const reopened = await api.waitForAnalysis();
  expect(reopened.objects).toEqual(original.objects);
  expect(reopened.diagnostics.map((d) => d.code)).toEqual(original.diagnostics.map((d) => d.code));
  const before = objectsOf(originalText);
  const after = objectsOf(await api.getText());
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [key, object] of before) expect(after.get(key), key).toEqual(object);
  expect(await api.getText()).toContain("# file: infra/gateway-shared.yaml\n");
});

test("dropping a zip made by another tool opens its deflated YAML; a damaged zip is reported, never a crash", async ({
  page,
  api,
}) => {
  const before = await api.getText();
  const service =
    "apiVersion: v1\nkind: Service\nmetadata:\n  name: zipped # deflated by zlib\n  namespace: team-c\nspec:\n  ports:\n    - port: 80\n";
  const bytes = Buffer.from(service);
  const made = writeZipArchive([
    { name: "team-c/", stored: new Uint8Array(0), method: 0, crc: 0, size: 0 },
    {
      name: "team-c/service-zipped.yaml",
      stored: deflateRawSync(bytes),
      method: 8,
      crc: crc32(bytes),
      size: bytes.length,
    },
    {
      name: "team-c/README.md",
      stored: Buffer.from("# notes"),
      method: 0,
      crc: crc32(Buffer.from("# notes")),
      size: 7,
    },
    {
      name: "kustomization.yaml",
      stored: Buffer.from("resources: []\n"),
      method: 0,
      crc: crc32(Buffer.from("resources: []\n")),
      size: 14,
    },
  ]);
  const transfer = await page.evaluateHandle(
    ([good, bad]) => {
      const dt = new DataTransfer();
      dt.items.add(
        new File([new Uint8Array(good!)], "from-another-tool.zip", { type: "application/zip" }),
      );
      dt.items.add(new File([new Uint8Array(bad!)], "broken.zip", { type: "application/zip" }));
      return dt;
    },
    [[...made], [...Buffer.from("PK\u0003\u0004 this is not really a zip")]],
  );
  const zone = page.getByTestId("drop-zone");
  await zone.dispatchEvent("dragover", { dataTransfer: transfer });
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
  await expect
    .poll(() => api.getText())
    .toBe(`${before}---\n# file: team-c/service-zipped.yaml\n${service}`);
  const notice = page.getByTestId("notice");
  await expect(notice).toContainText("Added 1 file from from-another-tool.zip");
  await expect(notice).toContainText("team-c/README.md: only .yaml and .yml files are opened");
  await expect(notice).toContainText("kustomization.yaml: it is kustomize build configuration");
  await expect(notice).toContainText("Could not open broken.zip: it has no zip end record");
  expect((await api.waitForAnalysis()).objects).toContain("Service/team-c/zipped");
});
