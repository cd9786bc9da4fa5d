import { expect, type Locator, type Page } from "@playwright/test";

/** The shell around the canvas and the editor: toolbar, problems, notices. */
export class AppPage {
  readonly problems: Locator;
  readonly problemItems: Locator;
  readonly busy: Locator;
  readonly fileInput: Locator;

  constructor(readonly page: Page) {
    this.problems = page.getByTestId("problems-panel");
    this.problemItems = this.problems.locator('[data-testid^="problem-"][data-kind]');
    this.busy = page.getByTestId("busy-indicator");
    this.fileInput = page.getByTestId("file-input");
  }

  /** Opens the app on a clean profile state (IndexedDB is per test context) and waits for the first analysis. */
  async open(): Promise<void> {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { name: "gwsim" })).toBeVisible();
    await this.page.waitForFunction(() => window.__gwsim !== undefined);
    await this.page.evaluate(() => window.__gwsim!.waitForAnalysis());
  }

  problem(textOrRegex: string | RegExp): Locator {
    return this.problemItems.filter({ hasText: textOrRegex });
  }

  async clickUndo(): Promise<void> {
    await this.page.getByTestId("undo").click();
  }

  /** Picks an example in the menu without waiting for it to become the workspace. */
  async clickExample(name: string): Promise<void> {
    await this.page.getByTestId("open-example").click();
    await this.page.getByTestId(`open-example-${name}`).click();
  }

  /**
   * Picks an example in the menu and waits until it is the workspace text: its text is fetched on
   * demand, so a waitForAnalysis right after the click could still see the previous workspace.
   */
  async openExample(name: string): Promise<void> {
    await this.clickExample(name);
    await this.page.waitForFunction(async (example) => {
      const api = window.__gwsim!;
      const text = await api.exampleText(example);
      return text !== undefined && api.getText() === text;
    }, name);
  }
}
