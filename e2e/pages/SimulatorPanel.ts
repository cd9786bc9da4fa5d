import { expect, type Locator, type Page } from "@playwright/test";

/** The Simulator panel: composer, trace, canary lab, mixes, rollout, what-if. */
export class SimulatorPanel {
  readonly panel: Locator;
  readonly trace: Locator;
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId("simulator-panel");
    this.trace = page.getByTestId("sim-trace");
    this.outcome = page.getByTestId("trace-outcome");
  }

  async open(tab: "request" | "canary" | "mix" | "rollout" | "whatif" = "request"): Promise<void> {
    await this.page.getByTestId(`sim-tab-${tab}`).click();
    await expect(this.page.getByTestId(`sim-tab-${tab}`)).toHaveAttribute("aria-selected", "true");
  }

  /** Fills the composer; fields left out keep their value. Headers replace the existing rows. */
  async compose(req: {
    gateway?: string;
    scheme?: string;
    host?: string;
    method?: string;
    path?: string;
    headers?: Record<string, string>;
  }): Promise<void> {
    const p = this.page;
    if (req.gateway !== undefined) await p.getByTestId("sim-gateway").selectOption(req.gateway);
    if (req.scheme !== undefined) await p.getByTestId("sim-scheme").selectOption(req.scheme);
    if (req.host !== undefined) await p.getByTestId("sim-host").fill(req.host);
    if (req.method !== undefined) await p.getByTestId("sim-method").selectOption(req.method);
    if (req.path !== undefined) await p.getByTestId("sim-path").fill(req.path);
    if (req.headers !== undefined) {
      const remove = this.panel.getByRole("button", { name: "remove header" });
      while ((await remove.count()) > 0) await remove.first().click();
      let i = 0;
      for (const [k, v] of Object.entries(req.headers)) {
        await p.getByTestId("sim-add-header").click();
        await p.getByTestId(`sim-header-name-${i}`).fill(k);
        await p.getByTestId(`sim-header-value-${i}`).fill(v);
        i++;
      }
    }
  }

  /** Sends the composed request and waits for a current trace of it. */
  async send(): Promise<void> {
    const revision = String(await this.page.evaluate(() => window.__gwsim!.getRevision()));
    const pathInput = this.page.getByTestId("sim-path");
    const path = (await pathInput.count()) > 0 ? await pathInput.inputValue() : "";
    await this.page.getByTestId("sim-send").click();
    await expect(this.trace).toHaveAttribute("data-revision", revision);
    await expect(this.trace).toHaveAttribute("data-state", "current");
    // The trace shown is of the request just sent (not an earlier one shown for this revision).
    if (path !== "") await expect(this.page.getByTestId("trace-step-request")).toContainText(path);
  }

  candidate(rank: number): Locator {
    return this.page.getByTestId(`trace-candidate-${rank}`);
  }

  splitRow(testId: string, label: string): Locator {
    return this.page.getByTestId(`${testId}-row-${label}`);
  }
}
