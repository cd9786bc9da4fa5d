/** The Export menu's share actions: a link with the workspace in its fragment, and a zip of folders. */
import type { ObjectSummary } from '../../engine';
import { buildShareUrl, MAX_SHARE_URL_LENGTH } from './shareLink';

export async function shareLinkFor(text: string): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  const base = `${location.origin}${location.pathname}${location.search}`;
  const result = await buildShareUrl(base, text);
  if (result.ok) return result;
  return {
    ok: false,
    message: `The workspace is too large for a share link (${result.length.toLocaleString('en')} characters; links over ${MAX_SHARE_URL_LENGTH.toLocaleString('en')} break in many tools). Use Download YAML or Download as folders instead.`,
  };
}

export async function downloadFolders(text: string, objects: readonly ObjectSummary[]): Promise<number> {
  // Loaded on demand: the yaml library stays out of the initial bundle.
  const [{ splitWorkspace }, { buildZip }] = await Promise.all([import('./splitWorkspace'), import('./zipStore')]);
  const files = splitWorkspace(text, objects);
  const zip = buildZip(files.map((f) => ({ name: f.path, data: f.text })));
  const url = URL.createObjectURL(new Blob([zip as BlobPart], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'gwsim-workspace.zip';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return files.length - 1;
}
