/**
 * The words for a file that is not UTF-8 text: a UTF-16 byte-order mark, bytes that are not UTF-8
 * (every decoder, Node's and the browser's, turns them into U+FFFD), or a NUL character, which YAML
 * does not allow. The CLI and the app decode files the same way, so both report it at the same
 * place. Part of the on-demand diagnostic words: loadManifests asks only when the text holds one
 * of those characters.
 */
import { diagnostic } from "../diagnostics/diagnostic";
import type { Diagnostic, SourceFile } from "../types";
import { positionIn } from "./guardDocuments";

export function describeEncoding(source: SourceFile): Diagnostic | undefined {
  const text = source.text;
  const at = (offset: number) => {
    const p = positionIn(text, offset);
    return {
      file: source.name,
      line: p.line,
      column: p.col,
      endLine: p.line,
      endColumn: p.col + 1,
    };
  };
  // FF FE or FE FF decode as two replacement characters; UTF-16 text then alternates with NULs.
  if (text.startsWith("\ufffd\ufffd") && text.slice(2, 64).includes("\u0000"))
    return diagnostic(
      "load.not-utf8",
      at(0),
      "This file starts with a UTF-16 byte-order mark: it is UTF-16 text, and gwsim reads YAML as UTF-8, so nothing in it could be read.",
      {
        severity: "error",
        hint: "Save the file as UTF-8 (for example `iconv -f UTF-16 -t UTF-8`), then load it again.",
      },
    );
  const bad = text.indexOf("\ufffd");
  if (bad >= 0)
    return diagnostic(
      "load.not-utf8",
      at(bad),
      "This file holds bytes that are not UTF-8 here (the first of them): gwsim read them as U+FFFD, so names or values with them do not match what the cluster would hold.",
    );
  const nul = text.indexOf("\u0000");
  if (nul >= 0)
    return diagnostic(
      "load.nul-character",
      at(nul),
      "This file holds a NUL character (byte 0) here, which YAML does not allow: the file may be binary, or cut or corrupted.",
    );
  return undefined;
}
