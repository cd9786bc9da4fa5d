import { test as unguarded, type Page } from "@playwright/test";
import { CanvasPage } from "./pages/CanvasPage";
import { EditorPane } from "./pages/EditorPane";
import { expect, test } from "./fixtures";

/** Records every CSP violation the page reports, from before the app's first script runs. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test("the built app runs under its Content-Security-Policy: editor, workers, layout and export report no violation", async ({
  page,
  app,
  api,
}) => {
  await recordViolations(page);
  await app.open();
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute("content");
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("default-src 'none'");
  expect(policy).not.toMatch(/https?:|\*|unsafe-eval/);

  // Monaco (lazy chunk, its editor and YAML workers), the engine worker, ELK's worker (layout).
  const editor = new EditorPane(page);
  await editor.ready();
  await editor.goTo(1, 1);
  await editor.type("# typed under the policy\n");
  await expect.poll(() => api.getText()).toContain("# typed under the policy");
  await api.waitForAnalysis();
  await new CanvasPage(page).ready();
  // The diagram exports draw through blob: and data: images.
  for (const item of ["diagram-svg", "diagram-png"]) {
    await page.getByTestId("export").click();
    await Promise.all([page.waitForEvent("download"), page.getByTestId(`export-${item}`).click()]);
  }
  expect(await violations(page)).toEqual([]);
});

// Without the fixtures' console guard: the refused script is logged as a console error on purpose.
unguarded(
  "the policy is enforced, not merely present: an injected inline script does not run",
  async ({ page }) => {
    await recordViolations(page);
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "gwsim" })).toBeVisible();
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    expect(await violations(page)).toEqual([
      expect.stringMatching(/^script-src-elem blocked inline/),
    ]);
  },
);
