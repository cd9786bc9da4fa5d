import { expect, type Locator, type Page } from "@playwright/test";

/** Key-based slugs, as the canvas builds its test ids ("HTTPRoute/team-b/shop" → "httproute-team-b-shop"). */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The designer canvas: nodes by ResourceKey, edges by their graph id, listener handles, the palette. */
export class CanvasPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId("graph-canvas");
  }

  /**
   * Waits until the canvas shows a graph that elk has laid out, then zooms out (with the canvas
   * control, as a person would) until every node is on screen: the default fit keeps text
   * readable and may leave part of a wide graph off screen, and most tests act on any node.
   */
  async ready(): Promise<void> {
    await this.readyAsFitted();
    await this.zoomOutUntilVisible(this.page.locator(".react-flow__node"));
  }

  /** Waits for the laid-out graph and leaves the view as the app fitted it. */
  async readyAsFitted(): Promise<void> {
    await expect(this.root).toHaveAttribute("data-state", "laid-out", { timeout: 20_000 });
    await this.settled();
  }

  /**
   * Waits until the view stops moving, as a person waits before clicking: a refit follows a
   * layout, a banner or a panel resizing the canvas (a short animation), and a click during it
   * can land beside the node it aimed at.
   */
  async settled(): Promise<void> {
    const viewport = this.page.locator(".react-flow__viewport");
    let last: string | null = "";
    await expect
      .poll(
        async () => {
          const now = await viewport.getAttribute("style");
          const still = now === last;
          last = now;
          return still;
        },
        { intervals: [300], timeout: 15_000 },
      )
      .toBe(true);
  }

  /**
   * The default fit keeps node text readable, so a wide graph is partly off screen: zoom out
   * (the control a user would press) until `target` lies inside the graph area.
   */
  async zoomOutUntilVisible(target: Locator): Promise<void> {
    const flow = this.page.getByTestId("graph-flow");
    for (let i = 0; i < 8; i++) {
      const f = await flow.boundingBox();
      // The union of everything the locator matches (one label, or every node).
      const t = await target.evaluateAll((els) => {
        const rects = els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
        if (rects.length === 0) return null;
        const x = Math.min(...rects.map((r) => r.left));
        const y = Math.min(...rects.map((r) => r.top));
        return {
          x,
          y,
          width: Math.max(...rects.map((r) => r.right)) - x,
          height: Math.max(...rects.map((r) => r.bottom)) - y,
        };
      });
      if (!f || !t) return; // nothing drawn (empty graph): nothing to bring into view
      if (
        t.x >= f.x &&
        t.y >= f.y &&
        t.x + t.width <= f.x + f.width &&
        t.y + t.height <= f.y + f.height
      )
        return;
      await this.page.locator(".react-flow__controls-zoomout").click();
      await this.page.waitForTimeout(250);
    }
  }

  /**
   * Clicks a node as a user would: zoomed out first if the readable fit (or an example opened
   * since ready()) left it off screen, where a click would land on whatever covers that point.
   */
  async clickNode(key: string): Promise<void> {
    const node = this.node(key);
    await expect(node).toHaveCount(1);
    await this.zoomOutUntilVisible(node);
    await this.settled();
    await node.click();
  }

  node(key: string): Locator {
    return this.page.getByTestId(`graph-node-${slug(key)}`);
  }

  /** An edge by its semantic id, e.g. "parent:HTTPRoute/team-b/shop:0:http". */
  edge(id: string): Locator {
    return this.page.getByTestId(`graph-edge-${slug(id)}`);
  }

  edgeLabel(id: string): Locator {
    return this.page.getByTestId(`graph-edge-${slug(id)}-label`);
  }

  listener(gatewayKey: string, name: string): Locator {
    return this.page.getByTestId(`graph-listener-${slug(gatewayKey)}-${slug(name)}`);
  }

  /** The React Flow wrapper of a node (what is dragged). */
  flowNode(key: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${key}"]`);
  }

  handle(key: string, handleId: string): Locator {
    return this.page.locator(
      `.react-flow__handle[data-nodeid="${key}"][data-handleid="${handleId}"]`,
    );
  }

  async nodePosition(key: string): Promise<{ x: number; y: number }> {
    const box = await this.flowNode(key).boundingBox();
    if (!box) throw new Error(`node ${key} is not visible`);
    return { x: box.x, y: box.y };
  }

  async drag(key: string, dx: number, dy: number): Promise<void> {
    const box = (await this.node(key).boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + 12;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Drags a connection from one handle to another, as a user would. */
  async connect(from: Locator, to: Locator): Promise<void> {
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }
}
