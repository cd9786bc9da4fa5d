import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const SCREENS = process.env.GWSIM_SCREENS;
const shot = async (page: Page, name: string) => {
  if (SCREENS) await page.screenshot({ path: `${SCREENS}/${name}` });
};

test.describe("Migrate from Ingress", () => {
  test("shows both YAMLs and the differences, traces a row, follows an edit, and loads the result", async ({
    page,
    app,
    api,
  }) => {
    await app.open();
    await api.loadExample("ingress-nginx-migration");
    await api.waitForAnalysis();
    await page.getByTestId("migrate-open").click();
    const view = page.getByTestId("migrate-view");
    await expect(view).toBeVisible();
    await expect(page.getByTestId("migrate-ingress-yaml")).toContainText("kind: Ingress");
    await expect(page.getByTestId("migrate-gateway-yaml")).toHaveValue(/kind: HTTPRoute/);
    await expect(page.getByTestId("migrate-summary")).toContainText(
      "44 requests: 38 behave the same, 6 differ.",
    );
    const rows = page.getByTestId("migrate-difference");
    await expect(rows).toHaveCount(6);
    await expect(rows.nth(2)).toContainText("docs.example.com/search/");
    await expect(rows.nth(2)).toContainText("Exact /search matches /search/ in ingress-nginx");

    await rows.nth(2).click();
    await expect(page.getByTestId("migrate-ingress-trace")).toContainText('location ~* "^/search"');
    await expect(page.getByTestId("migrate-gateway-trace")).toContainText("HTTPRoute docs/docs");
    await shot(page, "migrate-view.png");

    // Make the docs route do what ingress-nginx did: a case-insensitive prefix regex for /search.
    const editor = page.getByTestId("migrate-gateway-yaml");
    const yaml = await editor.inputValue();
    await editor.fill(
      yaml.replace(
        "type: Exact\n            value: /search",
        "type: RegularExpression\n            value: (?i)/search.*",
      ),
    );
    await expect(page.getByTestId("migrate-summary")).toContainText(
      "44 requests: 42 behave the same, 2 differ.",
    );
    await expect(rows).toHaveCount(2);
    await shot(page, "migrate-view-edited.png");

    await page.getByTestId("migrate-use").click();
    await expect(view).toBeHidden();
    const after = await api.waitForAnalysis();
    expect(after.objects).toContain("HTTPRoute/docs/docs");
    expect(after.objects).toContain("Service/shop/storefront");
    expect(after.objects.some((o) => o.startsWith("Ingress/"))).toBe(false);
    expect(await api.getText()).toContain("value: (?i)/search.*");
  });

  test("says what to do when the workspace holds no Ingress", async ({ page, app, api }) => {
    await app.open();
    await api.loadExample("quickstart");
    await page.getByTestId("migrate-open").click();
    await expect(page.getByTestId("migrate-empty")).toContainText("holds no Ingress");
    await page.getByTestId("migrate-close").click();
    await expect(page.getByTestId("migrate-view")).toBeHidden();
  });
});
