import { expect, type Locator, type Page } from "@playwright/test";

/** The Monaco YAML pane. Typing goes through the real keyboard (editContext is off in the app). */
export class EditorPane {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("yaml-editor");
  }

  /** Monaco is fetched only once the first graph is laid out (useEditorAfterFirstGraph): allow for it. */
  async ready(): Promise<void> {
    await expect(this.root.locator(".view-lines")).toBeVisible({ timeout: 20_000 });
    await this.page.waitForFunction(() => window.__gwsimEditor !== undefined);
  }

  /** The model's text as Monaco holds it. */
  text(): Promise<string> {
    return this.page.evaluate(() => window.__gwsimEditor!.getEditorText());
  }

  markers(owner = "gwsim") {
    return this.page.evaluate(
      (o) => window.__gwsimEditor!.getMarkers().filter((m) => m.owner === o),
      owner,
    );
  }

  /** Places the cursor at a 1-based line/column through Monaco's API and focuses the editor. */
  async goTo(line: number, column: number): Promise<void> {
    await this.root.locator(".view-lines").click();
    await this.page.evaluate(([l, c]) => window.__gwsimEditor!.setCursor(l!, c!), [line, column]);
  }

  /** Finds `search` in the text and replaces it by selecting it and typing the replacement. */
  async replace(search: string, replacement: string): Promise<void> {
    await this.ready();
    await this.root.locator(".view-lines").click();
    const found = await this.page.evaluate((s) => window.__gwsimEditor!.selectText(s), search);
    expect(found, `"${search}" is in the editor`).toBe(true);
    await this.page.keyboard.type(replacement);
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }
}
