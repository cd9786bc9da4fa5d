import { useRef } from 'react';
import { useStore } from 'zustand';
import { useGwsimStore } from '../../store';
import { selectCanRedo, selectCanUndo, selectIsBusy } from '../../store/selectors';
import { MenuButton, type MenuItem } from '../common/MenuButton';
import { EXAMPLES, isUnmodifiedExample } from '../app/examples';
import { openFiles } from '../app/openFiles';
import { cleanedText, downloadText } from './exportWorkspace';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

function loadExample(name: string) {
  const state = useGwsimStore.getState();
  const text = EXAMPLES[name];
  if (text === undefined) return;
  if (!isUnmodifiedExample(state.text) && !window.confirm(`Replace the workspace with the example “${name}”? You can undo this.`)) return;
  state.replaceWorkspace(text, 'example');
}

function notify(kind: 'info' | 'error', message: string) {
  useGwsimStore.getState().setNotice({ kind, message });
}

function downloadCleaned(dropCreationTimestamp: boolean) {
  cleanedText(useGwsimStore.getState().text, dropCreationTimestamp).then(
    (t) => downloadText(t, 'gwsim-clean.yaml'),
    (error: unknown) => notify('error', `Could not clean the YAML: ${error instanceof Error ? error.message : String(error)}`),
  );
}

export function Toolbar() {
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = useGwsimStore(selectIsBusy);
  const undo = useGwsimStore((s) => s.undo);
  const redo = useGwsimStore((s) => s.redo);
  const requestRelayout = useGwsimStore((s) => s.requestRelayout);
  const canUndo = useStore(useGwsimStore.temporal, selectCanUndo);
  const canRedo = useStore(useGwsimStore.temporal, selectCanRedo);

  const exampleItems: MenuItem[] = Object.keys(EXAMPLES)
    .sort()
    .map((name) => ({ id: name, label: name.replace(/-/g, ' '), onSelect: () => loadExample(name) }));

  const text = () => useGwsimStore.getState().text;
  const exportItems: MenuItem[] = [
    { id: 'download', label: 'Download YAML', onSelect: () => downloadText(text(), 'gwsim-workspace.yaml') },
    {
      id: 'copy',
      label: 'Copy YAML to clipboard',
      onSelect: () =>
        void navigator.clipboard.writeText(text()).then(
          () => notify('info', 'The workspace YAML is on the clipboard.'),
          () => notify('error', 'The browser did not allow copying to the clipboard; use Download instead.'),
        ),
    },
    {
      id: 'clean',
      label: 'Download cleaned cluster dump',
      onSelect: () => downloadCleaned(false),
    },
    {
      id: 'clean-timestamps',
      label: 'Download cleaned, without creationTimestamp',
      onSelect: () => downloadCleaned(true),
    },
  ];

  return (
    <header className="toolbar" role="toolbar" aria-label="gwsim">
      <h1 className="app-name">gwsim</h1>
      <span className="app-tagline">Gateway API designer</span>
      <div className="tb-group">
        <MenuButton label="Open example" items={exampleItems} testId="open-example" />
        <button type="button" className="tb-button" data-testid="open-files" onClick={() => fileInput.current?.click()}>
          Open files…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          multiple
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const files = e.currentTarget.files;
            if (files) void openFiles(files).finally(() => (e.target.value = ''));
          }}
        />
        <MenuButton label="Export" items={exportItems} testId="export" />
      </div>
      <div className="tb-group">
        <button type="button" className="tb-button" data-testid="undo" disabled={!canUndo} onClick={undo} title={`Undo (${MOD}Z)`}>
          Undo
        </button>
        <button type="button" className="tb-button" data-testid="redo" disabled={!canRedo} onClick={redo} title={`Redo (${MOD}Shift+Z)`}>
          Redo
        </button>
        <button type="button" className="tb-button" data-testid="relayout" onClick={requestRelayout} title="Lay out the graph again">
          Re-layout
        </button>
      </div>
      <div className="tb-spacer" />
      <span className={`busy ${busy ? 'is-busy' : ''}`} data-testid="busy-indicator" aria-live="polite">
        {busy ? 'Analysing…' : 'Up to date'}
      </span>
    </header>
  );
}
