/**
 * Which entries of an opened zip become workspace files: the .yaml/.yml entries in archive order,
 * except kustomization files (build configuration for kustomize, not cluster objects). Everything
 * left out is reported with the reason, so nothing disappears silently.
 */
import type { ZipContents } from "../share/readZip";
import { isYamlFileName, type OpenedFile } from "./combineFiles";
import { listSome } from "./describeOpened";

export interface ZipYaml {
  files: OpenedFile[];
  /** One line per entry that was not opened: "name: why". */
  skipped: string[];
}

export function isKustomizationFile(path: string): boolean {
  return /(^|\/)kustomization\.ya?ml$/i.test(path);
}

export function zipYamlFiles(contents: ZipContents): ZipYaml {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const files: OpenedFile[] = [];
  const skipped: string[] = contents.skipped.map((s) => `${s.name}: ${s.reason}`);
  const otherFiles: string[] = [];
  for (const entry of contents.files) {
    // macOS archives carry resource forks beside every file; they are not the user's files.
    if (entry.name.startsWith("__MACOSX/") || /(^|\/)\._[^/]*$/.test(entry.name)) continue;
    if (!isYamlFileName(entry.name)) {
      otherFiles.push(entry.name);
      continue;
    }
    if (isKustomizationFile(entry.name)) {
      skipped.push(`${entry.name}: it is kustomize build configuration, not a cluster object`);
      continue;
    }
    try {
      files.push({ name: entry.name, text: decoder.decode(entry.bytes) });
    } catch {
      skipped.push(`${entry.name}: it is not UTF-8 text`);
    }
  }
  if (otherFiles.length > 0)
    skipped.push(`${listSome(otherFiles, 10, ", ")}: only .yaml and .yml files are opened`);
  return { files, skipped };
}
