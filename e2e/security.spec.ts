/**
 * Untrusted input in the browser: share links and zips made to exhaust the page, and names made to
 * read as something else. Each must end in a clear notice or a visible escape, never in silence.
 */
import { existsSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { toBase64Url } from "../src/ui/share/shareLink";
import { crc32, writeZipArchive } from "../src/ui/share/zipStore";
import { CanvasPage } from "./pages/CanvasPage";
import { expect, test } from "./fixtures";

const SCREENS = existsSync("/work/notes") ? "/work/notes/screens" : undefined;
const shot = async (page: Page, name: string) => {
  if (SCREENS)
    await page.screenshot({
      path: `${SCREENS}/${name}`,
      clip: { x: 0, y: 0, width: 1440, height: 160 },
    });
};

test("a share link that unpacks to 256 MB is refused with a notice; the own workspace stays, never an empty one", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  const own = await api.getText();
  await page.evaluate(() => window.__gwsim!.flushAutosave?.());
  const bomb = toBase64Url(deflateRawSync(Buffer.alloc(256 * 1024 * 1024, 0x20)));
  await page.goto("about:blank");
  await page.goto(`/#w=${bomb}`);
  await page.waitForFunction(() => window.__gwsim !== undefined);
  const notice = page.getByTestId("notice");
  await expect(notice).toContainText(
    "This share link could not be opened: the workspace in it is too large (it unpacks to more than 5 MB)",
  );
  await expect(notice).toContainText("Showing your own workspace instead");
  await shot(page, "share-link-too-large.png");
  await expect(page.getByTestId("share-notice")).toHaveCount(0);
  expect(await api.getText()).toBe(own);
  expect(new URL(page.url()).hash).toBe("");
});

/** One deflated entry listed twice in the central directory: the overlapping-entries zip bomb. */
function overlappingZip(): Buffer {
  const text = Buffer.from("apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n");
  const zip = Buffer.from(
    writeZipArchive([
      {
        name: "a.yaml",
        stored: deflateRawSync(text),
        method: 8,
        crc: crc32(text),
        size: text.length,
      },
    ]),
  );
  const centralAt = zip.readUInt32LE(zip.length - 6);
  const centralSize = zip.readUInt32LE(zip.length - 10);
  const record = zip.subarray(centralAt, centralAt + centralSize);
  const second = Buffer.from(record);
  second[46] = "b".charCodeAt(0);
  const end = Buffer.from(zip.subarray(centralAt + centralSize));
  end.writeUInt16LE(2, 8);
  end.writeUInt16LE(2, 10);
  end.writeUInt32LE(centralSize * 2, 12);
  return Buffer.concat([zip.subarray(0, centralAt), record, second, end]);
}

test("a zip whose entries overlap is refused and the user is told why", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  const before = await api.getText();
  const transfer = await page.evaluateHandle(
    (bytes) => {
      const dt = new DataTransfer();
      dt.items.add(
        new File([new Uint8Array(bytes)], "overlapping.zip", { type: "application/zip" }),
      );
      return dt;
    },
    [...overlappingZip()],
  );
  const zone = page.getByTestId("drop-zone");
  await zone.dispatchEvent("dragover", { dataTransfer: transfer });
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
  await expect(page.getByTestId("notice")).toContainText(
    "Could not open overlapping.zip: its entries overlap one another",
  );
  await shot(page, "zip-overlapping-refused.png");
  expect(await api.getText()).toBe(before);
});

const SPOOF = "shop\u202Elmay.exe";
const SPOOFED_WORKSPACE = `apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: "${SPOOF}"
  namespace: team-a
spec:
  parentRefs:
    - name: missing-gateway
`;

test("a bidi override in a name shows as a visible escape on the canvas, the inspector and the Problems panel", async ({
  page,
  app,
  api,
}) => {
  await app.open();
  await api.setText(SPOOFED_WORKSPACE);
  await api.waitForAnalysis();
  const canvas = new CanvasPage(page);
  await canvas.ready();
  const escaped = "shop\\u202Elmay.exe";
  const node = page.locator(".gn-name").filter({ hasText: escaped });
  await expect(node).toBeVisible();
  await expect(node).toHaveAttribute("title", `team-a/${escaped}`);
  await expect(app.problems).toContainText(escaped);
  await node.click();
  await expect(page.locator(".inspector")).toContainText(escaped);
  // Nowhere outside the editor does the raw control character reach the screen.
  // (Form fields keep the exact value for editing; they are not shown text.)
  const raw = await page.evaluate(() => {
    const app = document.querySelector(".app")!.cloneNode(true) as Element;
    app.querySelector(".pane-editor")?.remove();
    for (const field of app.querySelectorAll("input, textarea")) field.remove();
    // Shown text: text nodes and the attributes people see or hear (ids are not shown).
    const shown = ["title", "aria-label", "alt", "placeholder"];
    return [...app.querySelectorAll("*")]
      .filter(
        (el) =>
          [...el.childNodes].some(
            (n) => n.nodeType === Node.TEXT_NODE && n.nodeValue!.includes("\u202E"),
          ) || shown.some((a) => el.getAttribute(a)?.includes("\u202E")),
      )
      .map((el) => el.outerHTML.slice(0, 200));
  });
  expect(raw).toEqual([]);
  if (SCREENS) await page.screenshot({ path: `${SCREENS}/bidi-name-escaped.png` });
});
