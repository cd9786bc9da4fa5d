import { useGwsimStore } from '../../store';
import { appendFiles, isYamlFileName, type OpenedFile } from './combineFiles';
import { describeOpened, isZipFileName, type OpenedSource } from './describeOpened';

/**
 * Reads the chosen/dropped files and appends their documents to the workspace: YAML files as they
 * are, zip archives by their YAML entries. One notice says what was added and what was left out.
 */
export async function openFiles(fileList: Iterable<File>): Promise<void> {
  const sources: OpenedSource[] = [];
  for (const file of fileList) sources.push(await readSource(file));
  const opened: OpenedFile[] = sources.flatMap((s) => s.files);
  const store = useGwsimStore.getState();
  if (opened.length > 0) store.setText(appendFiles(useGwsimStore.getState().text, opened), 'file');
  const notice = describeOpened(sources);
  if (notice) store.setNotice(notice);
}

async function readSource(file: File): Promise<OpenedSource> {
  try {
    if (isYamlFileName(file.name)) return { name: file.name, kind: 'yaml', files: [{ name: file.name, text: await file.text() }], skipped: [] };
    if (!isZipFileName(file.name)) return { name: file.name, kind: 'other', files: [], skipped: [] };
    // Loaded on demand: most sessions never open a zip.
    const [{ readZip }, { zipYamlFiles }] = await Promise.all([import('../share/readZip'), import('./zipYamlFiles')]);
    const { files, skipped } = zipYamlFiles(await readZip(new Uint8Array(await file.arrayBuffer())));
    return { name: file.name, kind: 'zip', files, skipped };
  } catch (error) {
    return { name: file.name, kind: 'unreadable', files: [], skipped: [], error: error instanceof Error ? error.message : String(error) };
  }
}
