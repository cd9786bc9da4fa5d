/**
 * The palette's overflow is visible: where the row of kinds continues past the edge, that edge
 * fades and a scroll button (with an accessible name, reachable from the keyboard) brings the rest
 * in. Screenshots at 1366×768 and 1600×1000, light and dark.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

const SCREENS = process.env.GWSIM_SCREENS ?? "test-results/screens";

const scrollLeft = (page: Page) =>
  page.getByTestId("palette").evaluate((el) => Math.round(el.scrollLeft));
const mask = (page: Page) =>
  page.getByTestId("palette").evaluate((el) => {
    const style = getComputedStyle(el);
    return style.maskImage || style.getPropertyValue("-webkit-mask-image");
  });

test.describe("at 1366×768", () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test("the hidden end fades and a scroll button brings the rest of the kinds in, by mouse and keyboard", async ({
    page,
    app,
  }) => {
    test.setTimeout(60_000);
    const canvas = new CanvasPage(page);
    await app.open();
    await canvas.readyAsFitted();
    const bar = page.getByTestId("palette-bar");
    const right = page.getByRole("button", { name: "Scroll the palette right: more kinds" });
    const left = page.getByRole("button", { name: "Scroll the palette left" });
    // At the start: more to the right, nothing to the left.
    await expect(bar).toHaveAttribute("data-overflow-right", "true");
    await expect(bar).toHaveAttribute("data-overflow-left", "false");
    await expect(right).toBeVisible();
    await expect(right).toHaveAttribute("aria-disabled", "false");
    await expect(left).toHaveAttribute("aria-disabled", "true");
    expect(await mask(page)).toContain("linear-gradient");
    // The last kind is off screen until the row is scrolled.
    const listener = page.getByTestId("palette-add-listener");
    const barBox = (await bar.boundingBox())!;
    expect((await listener.boundingBox())!.x).toBeGreaterThan(barBox.x + barBox.width - 24);

    await right.click();
    await expect.poll(() => scrollLeft(page)).toBeGreaterThan(0);
    await expect(left).toHaveAttribute("aria-disabled", "false");
    // Focused (a screen reader's cursor; they are not tab stops), they stay focused at the end.
    await left.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => scrollLeft(page)).toBe(0);
    await expect(left).toHaveAttribute("aria-disabled", "true");
    await expect(left).toBeFocused();
    await right.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press("Enter");
    await expect(bar).toHaveAttribute("data-overflow-right", "false");
    await expect(right).toHaveAttribute("aria-disabled", "true");
    await expect(right).toBeFocused();
    const box = (await listener.boundingBox())!;
    const rightBox = (await right.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(rightBox.x + 1);
  });

  test("moving along the row with the arrow keys scrolls the focused kind into view", async ({
    page,
    app,
  }) => {
    test.setTimeout(60_000);
    const canvas = new CanvasPage(page);
    await app.open();
    await canvas.readyAsFitted();
    await page.getByTestId("palette-add-gatewayclass").focus();
    await page.keyboard.press("End");
    // The last enabled kind has focus and is on screen; the row now fades on the left.
    const focused = page.locator(".palette button:focus");
    await expect(focused).toHaveCount(1);
    const bar = page.getByTestId("palette-bar");
    await expect(bar).toHaveAttribute("data-overflow-left", "true");
    const f = (await focused.boundingBox())!;
    const right = (await page.getByTestId("palette-scroll-right").boundingBox())!;
    expect(f.x + f.width).toBeLessThanOrEqual(right.x + 1);
  });
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
])
  for (const scheme of ["light", "dark"] as const)
    test.describe(`screens ${size.width}×${size.height}, ${scheme}`, () => {
      test.use({ viewport: size, colorScheme: scheme });
      test("the palette's overflow cue", async ({ page, app }) => {
        test.setTimeout(60_000);
        const canvas = new CanvasPage(page);
        await app.open();
        await canvas.readyAsFitted();
        const bar = page.getByTestId("palette-bar");
        const overflows = await page
          .getByTestId("palette")
          .evaluate((el) => el.scrollWidth > el.clientWidth + 1);
        // The scroll buttons are there exactly when the row overflows.
        await expect(page.getByTestId("palette-scroll-right")).toHaveCount(overflows ? 1 : 0);
        await bar.screenshot({
          path: `${SCREENS}/palette-overflow-${size.width}x${size.height}-${scheme}.png`,
        });
        if (overflows) {
          await page.getByTestId("palette-scroll-right").click();
          await expect(bar).toHaveAttribute("data-overflow-left", "true");
          await page.waitForTimeout(400);
          await bar.screenshot({
            path: `${SCREENS}/palette-overflow-${size.width}x${size.height}-${scheme}-scrolled.png`,
          });
        }
      });
    });
