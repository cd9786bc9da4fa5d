/** The Export menu's share actions: a link with the workspace in its fragment, and a zip of folders. */
import type { ObjectSummary, RequestProbe } from "../../engine";
import { MAX_SHARED_REQUESTS, SHARED_REQUESTS_PARAM, encodeSharedRequests } from "./sharedRequests";
import { buildShareUrl, MAX_SHARE_URL_LENGTH } from "./shareLink";
import { encodeSharedSettings, type SharedSettings } from "./shareSettings";

export type ShareLinkResult =
  | { ok: true; url: string; requests: number; requestsLeftOut: number }
  | { ok: false; message: string };

/**
 * A share link with the workspace, its world and readings, and its saved requests. When the
 * requests would push the link over the length cap, the link carries the workspace (and its
 * settings, without which it analyses differently) alone and says how many were left out.
 */
export async function shareLinkFor(
  text: string,
  saved: readonly RequestProbe[] = [],
  settings?: SharedSettings,
): Promise<ShareLinkResult> {
  const base = `${location.origin}${location.pathname}${location.search}`;
  const requests = saved.slice(0, MAX_SHARED_REQUESTS);
  const settingsParams = settings === undefined ? {} : encodeSharedSettings(settings);
  if (requests.length > 0) {
    const withRequests = await buildShareUrl(base, text, {
      ...settingsParams,
      [SHARED_REQUESTS_PARAM]: await encodeSharedRequests(requests),
    });
    if (withRequests.ok)
      return {
        ok: true,
        url: withRequests.url,
        requests: requests.length,
        requestsLeftOut: saved.length - requests.length,
      };
  }
  const result = await buildShareUrl(base, text, settingsParams);
  if (result.ok) return { ok: true, url: result.url, requests: 0, requestsLeftOut: saved.length };
  return {
    ok: false,
    message: `The workspace is too large for a share link (${result.length.toLocaleString("en")} characters; links over ${MAX_SHARE_URL_LENGTH.toLocaleString("en")} break in many tools). Use Download YAML or Download as folders instead.`,
  };
}

export async function downloadFolders(
  text: string,
  objects: readonly ObjectSummary[],
): Promise<number> {
  // Loaded on demand: the yaml library stays out of the initial bundle.
  const [{ splitWorkspace }, { buildZip }] = await Promise.all([
    import("./splitWorkspace"),
    import("./zipStore"),
  ]);
  const files = splitWorkspace(text, objects);
  const zip = buildZip(files.map((f) => ({ name: f.path, data: f.text })));
  const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: "application/zip" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = "gwsim-workspace.zip";
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return files.length - 1;
}
