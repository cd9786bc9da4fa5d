import { expect, test } from "./fixtures";
import { CanvasPage } from "./pages/CanvasPage";

test.beforeEach(async ({ app, editor }) => {
  await app.open();
  await editor.ready();
});

test("typing an invalid path type shows a marker at its position and a Problems entry with the hint", async ({
  page,
  app,
  editor,
  api,
}) => {
  // Line 99 of the example: `            type: PathPrefix` in HTTPRoute team-a/store.
  await editor.goTo(99, 19);
  await page.keyboard.press("Shift+End");
  await editor.type("Prefix");
  expect((await api.getText()).split("\n")[98]).toBe("            type: Prefix");

  const analysis = await api.waitForAnalysis();
  expect(analysis.diagnostics.map((d) => d.code)).toContain("schema.enum");

  await expect
    .poll(() => editor.markers())
    .toEqual([
      expect.objectContaining({
        startLineNumber: 99,
        startColumn: 19,
        severity: 8,
        message: expect.stringContaining("PathPrefix"),
      }),
    ]);
  await expect(editor.root.locator(".squiggly-error").first()).toBeVisible();

  const problem = app.problem('Unsupported value "Prefix"');
  await expect(problem).toHaveCount(1);
  await expect(problem).toContainText('Did you mean "PathPrefix"?');
  await expect(problem).toContainText("line 99");
  await page.screenshot({ path: "test-results/screens/editor-invalid-path-type.png" });
});

test("undo restores the text byte for byte after typing, from the keyboard and from the toolbar", async ({
  page,
  app,
  editor,
  api,
}) => {
  const original = await api.getText();
  await editor.goTo(13, 15); // after `  name: envoy`
  await editor.type(" # a comment typed in a burst");
  await expect.poll(() => api.getText()).toContain("envoy # a comment typed in a burst");

  await page.keyboard.press("Control+z");
  await expect.poll(() => api.getText()).toBe(original);
  expect(await editor.text()).toBe(original);

  await page.keyboard.press("Control+Shift+z");
  await expect.poll(() => api.getText()).toContain("# a comment typed in a burst");

  await app.clickUndo();
  await expect.poll(() => api.getText()).toBe(original);
  expect(await editor.text()).toBe(original);
  const analysis = await api.waitForAnalysis();
  expect(analysis.revision).toBe(await api.getRevision());
});

test("a typing burst ends with the graph, the markers and Problems showing its last text; undo takes them back", async ({
  page,
  app,
  editor,
  api,
}) => {
  const canvas = new CanvasPage(page);
  await canvas.ready();
  const route = canvas.node("HTTPRoute/team-a/store");
  const statusBefore = await route.getAttribute("data-status");
  expect(statusBefore).not.toBe("error");
  const original = await api.getText();

  // Line 103: `          port: 8080` of HTTPRoute team-a/store. The burst's first keystroke is
  // analysed at once (port 80809), the last one makes the port a string: what stays is the last.
  await editor.goTo(103, 21);
  await page.keyboard.type("9x");
  expect((await api.getText()).split("\n")[102]).toBe("          port: 80809x");
  const broken = await api.waitForAnalysis();
  expect(broken.revision).toBe(await api.getRevision());
  expect(broken.diagnostics).toContainEqual(
    expect.objectContaining({ code: "schema.type", line: 103 }),
  );
  await expect
    .poll(() => editor.markers())
    .toContainEqual(expect.objectContaining({ startLineNumber: 103, severity: 8 }));
  await expect(route).toHaveAttribute("data-status", "error");
  await expect(app.problem('got the string "80809x"')).toHaveCount(1);

  // A second burst, after a pause longer than undo grouping's (UNDO_PAUSE_MS, 700 ms), fixes it:
  // everything follows back to the clean state.
  await page.waitForTimeout(800);
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await expect.poll(() => api.getText()).toBe(original);
  expect((await api.waitForAnalysis()).diagnostics).toEqual([]);
  await expect.poll(() => editor.markers()).toEqual([]);
  await expect(route).toHaveAttribute("data-status", statusBefore ?? "");
  await expect(app.problem('got the string "80809x"')).toHaveCount(0);

  // Undo steps back through the bursts (grouping itself is the undo test's and the unit tests'
  // subject: a loaded machine may deliver one typed burst as two), and the graph and the markers
  // follow every step: first the break comes back, then the original text.
  await page.keyboard.press("Control+z");
  await expect.poll(() => api.getText()).not.toBe(original);
  for (let i = 0; i < 3 && !(await api.getText()).includes("port: 80809x"); i++)
    await page.keyboard.press("Control+z");
  await expect.poll(() => api.getText()).toContain("port: 80809x");
  await expect(route).toHaveAttribute("data-status", "error");
  await expect
    .poll(() => editor.markers())
    .toContainEqual(expect.objectContaining({ startLineNumber: 103, severity: 8 }));
  for (let i = 0; i < 3 && (await api.getText()) !== original; i++)
    await page.keyboard.press("Control+z");
  await expect.poll(() => api.getText()).toBe(original);
  await expect.poll(() => editor.markers()).toEqual([]);
  await expect(route).toHaveAttribute("data-status", statusBefore ?? "");
});

test("moving the cursor into a document selects its object; a problem click reveals its line", async ({
  page,
  app,
  editor,
  api,
}) => {
  await editor.goTo(88, 5); // inside HTTPRoute team-a/store
  await expect
    .poll(() => page.evaluate(() => window.__gwsim!.getSelected()))
    .toBe("HTTPRoute/team-a/store");
  await expect
    .poll(() => page.evaluate(() => window.__gwsimEditor!.getHighlightedLines()))
    .toEqual({ start: 85, end: 114 });

  // Break a rule so a problem exists, then click it.
  await editor.goTo(106, 19);
  await page.keyboard.press("Shift+End");
  await editor.type("Prefix");
  await api.waitForAnalysis();
  await editor.goTo(1, 1);
  await app.problem('Unsupported value "Prefix"').click();
  await expect
    .poll(() => page.evaluate(() => window.__gwsimEditor!.getCursor()))
    .toEqual({ line: 106, column: 19 });
  await expect
    .poll(() => page.evaluate(() => window.__gwsim!.getSelected()))
    .toBe("HTTPRoute/team-a/store");
});

test("the selected document's highlight follows edits inside it and above it", async ({
  page,
  editor,
  api,
}) => {
  const highlighted = () => page.evaluate(() => window.__gwsimEditor!.getHighlightedLines());
  await editor.goTo(88, 5); // inside HTTPRoute team-a/store
  await expect.poll(highlighted).toEqual({ start: 85, end: 114 });

  // A comment line typed inside the document: it is one line longer.
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await editor.type("# note");
  await api.waitForAnalysis();
  await expect.poll(highlighted).toEqual({ start: 85, end: 115 });

  // A line added at the top of the file (a comment, in no document): the highlight moves down.
  await editor.goTo(1, 1);
  await editor.type("# top");
  await page.keyboard.press("Enter");
  await api.waitForAnalysis();
  expect(await page.evaluate(() => window.__gwsim!.getSelected())).toBe("HTTPRoute/team-a/store");
  await expect.poll(highlighted).toEqual({ start: 86, end: 116 });
});

test("half-typed YAML: the broken document is marked stale, the rest keeps updating, nothing is rewritten", async ({
  page,
  editor,
  api,
}) => {
  await editor.goTo(88, 14); // end of `  name: store`
  await editor.type(": x"); // `name: store: x`: a nested mapping on one line is a YAML syntax error
  const typed = await api.getText();
  const analysis = await api.waitForAnalysis();
  expect(analysis.diagnostics.map((d) => d.code)).toContain("yaml.syntax");
  expect(analysis.objects).not.toContain("HTTPRoute/team-a/store");
  expect(analysis.objects).toContain("HTTPRoute/team-b/shop");
  expect(await page.evaluate(() => window.__gwsim!.getStaleKeys())).toEqual([
    "HTTPRoute/team-a/store",
  ]);

  // Another document still follows edits while this one is broken.
  await editor.goTo(13, 15);
  await editor.type("-x");
  await expect
    .poll(async () => (await api.waitForAnalysis()).objects)
    .toContain("GatewayClass//envoy-x");
  expect(await page.evaluate(() => window.__gwsim!.getStaleKeys())).toEqual([
    "HTTPRoute/team-a/store",
  ]);
  // The app never rewrote what was typed.
  expect(await api.getText()).toBe(typed.replace("name: envoy\n", "name: envoy-x\n"));
});

test("completion offers the fields of the CRD schema of the document under the cursor", async ({
  page,
  editor,
  api,
}) => {
  const original = await api.getText();
  await editor.goTo(28, 27); // end of `  gatewayClassName: envoy` in Gateway infra/shared
  await page.keyboard.press("Enter");
  await page.keyboard.press("Control+Space");
  const suggestions = editor.root.locator(".suggest-widget .monaco-list-row");
  // `addresses` is a Gateway spec field; it would not be offered in any other kind.
  await expect(suggestions.filter({ hasText: /^addresses/ })).toHaveCount(1);
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+z");
  await expect.poll(() => api.getText()).toBe(original);
});
