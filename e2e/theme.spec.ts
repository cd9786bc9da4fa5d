/**
 * Dark mode (issue 12): follows the system until the toolbar switch says otherwise, persists the
 * choice, and themes the canvas, the panels and Monaco (vs-dark). Screenshots at 1366×768 and
 * 1600×1000 in both themes, with the inspector open, for people to look at.
 */
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

test.describe("a system set to dark", () => {
  test.use({ colorScheme: "dark" });

  test("gets the dark theme, Monaco vs-dark; the switch goes Light, persists across a reload, then back to System", async ({
    page,
    app,
  }) => {
    test.setTimeout(90_000);
    await app.open();
    await new CanvasPage(page).ready();
    const html = page.locator("html");
    const themeSwitch = page.getByTestId("theme-switch");
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expect(themeSwitch).toHaveText(/Theme: System \(dark\)/);
    await expect(page.locator(".monaco-editor").first()).toHaveClass(/vs-dark/);
    // The panels really change colour: the variables are re-valued.
    const panel = () =>
      page.getByTestId("palette").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await panel()).toBe("rgb(24, 28, 34)");
    await themeSwitch.click(); // system → light
    await expect(html).toHaveAttribute("data-theme", "light");
    await expect(page.locator(".monaco-editor").first()).not.toHaveClass(/vs-dark/);
    expect(await panel()).toBe("rgb(255, 255, 255)");
    await page.reload();
    await app.open();
    await expect(html).toHaveAttribute("data-theme", "light");
    await expect(themeSwitch).toHaveText(/Theme: Light/);
    await themeSwitch.click(); // light → dark
    await themeSwitch.click(); // dark → system (dark here)
    await expect(themeSwitch).toHaveText(/Theme: System \(dark\)/);
    await expect(html).toHaveAttribute("data-theme", "dark");
  });
});

for (const [width, height] of [
  [1366, 768],
  [1600, 1000],
] as const) {
  for (const scheme of ["light", "dark"] as const) {
    test.describe(`${width}×${height} ${scheme}`, () => {
      test.use({ viewport: { width, height }, colorScheme: scheme });
      test(`screenshot with the inspector open (${width}×${height}, ${scheme})`, async ({
        page,
        app,
      }) => {
        test.setTimeout(90_000);
        const canvas = new CanvasPage(page);
        await app.open();
        await canvas.ready();
        await canvas.node("HTTPRoute/team-b/shop").click();
        await expect(page.getByTestId("inspector-edit-route")).toBeVisible();
        await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
        await page.screenshot({ path: `${SCREENS}/theme-${width}x${height}-${scheme}.png` });
      });
    });
  }
}
