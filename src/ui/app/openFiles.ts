import { useGwsimStore } from '../../store';
import { appendFiles, isYamlFileName, type OpenedFile } from './combineFiles';

/** Reads the chosen/dropped files and appends their documents to the workspace. */
export async function openFiles(fileList: Iterable<File>): Promise<void> {
  const all = [...fileList];
  const yamlFiles = all.filter((f) => isYamlFileName(f.name));
  const skipped = all.filter((f) => !isYamlFileName(f.name)).map((f) => f.name);
  const store = useGwsimStore.getState();
  let opened: OpenedFile[];
  try {
    opened = await Promise.all(yamlFiles.map(async (f) => ({ name: f.name, text: await f.text() })));
  } catch (error) {
    store.setNotice({ kind: 'error', message: `Could not read the file: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  if (opened.length > 0) {
    const current = useGwsimStore.getState().text;
    store.setText(appendFiles(current, opened), 'file');
  }
  if (skipped.length > 0) {
    store.setNotice({ kind: 'info', message: `Skipped ${skipped.join(', ')}: only .yaml and .yml files are opened.` });
  } else if (opened.length > 0) {
    const names = opened.map((f) => f.name).join(', ');
    store.setNotice({ kind: 'info', message: `Added ${names} to the workspace (undo with Ctrl+Z).` });
  }
}
