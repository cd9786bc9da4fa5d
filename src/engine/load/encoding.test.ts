/**
 * A file that is not UTF-8 text gets a located diagnostic, the same whether the CLI decoded it
 * (Node's Buffer) or the app did (TextDecoder, as File.text()): both turn bad bytes into U+FFFD.
 */
import { describe, expect, test } from "vitest";
import { loadManifests } from "./loadManifests";

const SERVICE = "apiVersion: v1\nkind: Service\nmetadata: {name: a, namespace: d}\n";

function both(bytes: Uint8Array) {
  const decoded = [Buffer.from(bytes).toString("utf8"), new TextDecoder().decode(bytes)];
  return decoded.map((text) =>
    loadManifests([{ name: "in.yaml", text }])
      .diagnostics.filter((d) => d.code.startsWith("load."))
      .map((d) => `${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`),
  );
}

describe("files that are not UTF-8 text", () => {
  test("a UTF-16 file: an error at 1:1 that names UTF-16", () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SERVICE, "utf16le")]);
    const [cli, app] = both(utf16);
    expect(cli).toEqual(app);
    expect(cli).toHaveLength(1);
    expect(cli?.[0]).toMatch(/^1:1 error load\.not-utf8 .*UTF-16/);
  });

  test("a Latin-1 byte: a warning at its line and column", () => {
    const latin1 = Buffer.from(SERVICE.replace("name: a", "name: \xe9a"), "latin1");
    const [cli, app] = both(latin1);
    expect(cli).toEqual(app);
    expect(cli).toEqual([expect.stringMatching(/^3:18 warning load\.not-utf8 /)]);
  });

  test("a NUL character: a warning at it", () => {
    const [cli, app] = both(Buffer.from(SERVICE.replace("Service", "Serv\0ice")));
    expect(cli).toEqual(app);
    expect(cli).toEqual([expect.stringMatching(/^2:11 warning load\.nul-character /)]);
  });

  test("UTF-8 with a BOM or CRLF line ends: nothing to say", () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SERVICE)]);
    expect(both(bom)).toEqual([[], []]);
    expect(both(Buffer.from(SERVICE.replaceAll("\n", "\r\n")))).toEqual([[], []]);
  });
});
