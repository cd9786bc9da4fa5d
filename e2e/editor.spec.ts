import { expect, test } from "./fixtures";

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
