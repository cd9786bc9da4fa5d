/**
 * Shared Playwright fixtures. Every test gets, automatically, the two guarantees the app makes:
 * no request leaves the page's origin, and no console error / page error / HTTP error occurs.
 * Page objects: `app` (toolbar, problems), `editor` (Monaco), `api` (window.__gwsim).
 */
import { test as base, expect, type Page } from "@playwright/test";
import { AppPage } from "./pages/AppPage";
import { EditorPane } from "./pages/EditorPane";
// Type-only: brings window.__gwsim / window.__gwsimEditor (declared in those modules) into scope.
export type { GwsimTestApi } from "../src/ui/app/testApi";
export type { EditorTestHooks } from "../src/ui/editor/editorTestHooks";

const SAME_ORIGIN = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:)/;

export interface GwsimApi {
  loadExample(name: string): Promise<void>;
  getText(): Promise<string>;
  setText(text: string): Promise<void>;
  getRevision(): Promise<number>;
  /** Waits until the analysis caught up with the text; returns its revision and a summary. */
  waitForAnalysis(): Promise<{
    revision: number;
    objects: string[];
    diagnostics: { code: string; line: number; message: string }[];
  }>;
  undo(): Promise<void>;
}

function makeApi(page: Page): GwsimApi {
  return {
    loadExample: (name) => page.evaluate((n) => window.__gwsim!.loadExample(n), name),
    getText: () => page.evaluate(() => window.__gwsim!.getText()),
    setText: (text) => page.evaluate((t) => window.__gwsim!.setText(t), text),
    getRevision: () => page.evaluate(() => window.__gwsim!.getRevision()),
    waitForAnalysis: () =>
      page.evaluate(async () => {
        const { revision, analysis } = await window.__gwsim!.waitForAnalysis();
        return {
          revision,
          objects: analysis.objects.map((o) => o.key as string),
          diagnostics: analysis.diagnostics.map((d) => ({
            code: d.code as string,
            line: d.line,
            message: d.message,
          })),
        };
      }),
    undo: () => page.evaluate(() => window.__gwsim!.undo()),
  };
}

export const test = base.extend<{ guard: void; app: AppPage; editor: EditorPane; api: GwsimApi }>({
  guard: [
    async ({ page }, use) => {
      const offOrigin: string[] = [];
      const errors: string[] = [];
      page.context().on("request", (req) => {
        if (!SAME_ORIGIN.test(req.url())) offOrigin.push(req.url());
      });
      // Belt and braces: anything leaving the origin is also refused, so a test cannot pass by luck.
      await page.context().route(
        (url) => !SAME_ORIGIN.test(url.href),
        (route) => route.abort(),
      );
      page.on("console", (msg) => {
        if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
      });
      page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
      page.on("response", (res) => {
        if (res.status() >= 400) errors.push(`HTTP ${res.status()} ${res.url()}`);
      });
      await use();
      expect(offOrigin, "requests that left the origin").toEqual([]);
      expect(errors, "console errors, page errors, HTTP errors").toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => use(new AppPage(page)),
  editor: async ({ page }, use) => use(new EditorPane(page)),
  api: async ({ page }, use) => use(makeApi(page)),
});

export { expect };
