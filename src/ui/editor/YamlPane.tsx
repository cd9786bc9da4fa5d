/**
 * The YAML pane: one Monaco model bound to the store's text.
 * - Typing sets the text with origin 'editor'; text from anywhere else arrives as a minimal edit.
 * - Undo/redo keys go to the store's single history (Monaco's own stack is not used).
 * - Engine diagnostics become markers once the analysis matches the text.
 * - Selection: a selected object's document is highlighted (and revealed unless the cursor
 *   selected it); moving the cursor into a document selects its object.
 */
import { useEffect, useRef } from 'react';
import { useGwsimStore } from '../../store';
import { useShareSession } from '../share/shareSession';
import { WORKSPACE_FILE } from '../../store/analysisSync';
import { findObjectAtLine, selectObject } from '../../store/selectors';
import { getEngine } from '../../worker/engineClient';
import { buildYamlSchema } from './buildYamlSchema';
import { monaco, setWorkspaceSchema, WORKSPACE_URI } from './monacoEnvironment';
import { computeMinimalEdit } from './minimalEdit';
import { toMonacoMarkers } from './toMonacoMarkers';
import { installEditorTestHooks } from './editorTestHooks';
import { TEST_HOOKS } from '../app/testHooksEnabled';
import { bindMonacoTheme } from '../app/theme';

const MARKER_OWNER = 'gwsim';

export default function YamlPane() {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const store = useGwsimStore;
    const uri = monaco.Uri.parse(WORKSPACE_URI);
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(store.getState().text, 'yaml', uri);
    if (model.getValue() !== store.getState().text) model.setValue(store.getState().text);
    const editor = monaco.editor.create(element, {
      model,
      editContext: false, // Chromium's EditContext input drops spaces typed by automation
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineHeight: 19,
      tabSize: 2,
      insertSpaces: true,
      scrollBeyondLastLine: false,
      renderLineHighlight: 'line',
      fixedOverflowWidgets: true,
      wordWrap: 'off',
      glyphMargin: false,
      folding: true,
      // Sticky scroll pins a key from a previous YAML document above the next one: misleading here.
      stickyScroll: { enabled: false },
    });

    let applyingExternal = false;
    const disposables: { dispose(): void }[] = [editor];
    // vs / vs-dark with the app's theme (monaco themes are global: one binding is enough).
    disposables.push({ dispose: bindMonacoTheme((name) => monaco.editor.setTheme(name)) });

    // A workspace opened from a share link stays read-only until the user chooses Edit.
    const applyReadOnly = (readOnly: boolean) =>
      editor.updateOptions({ readOnly, readOnlyMessage: { value: 'Read-only: choose **Edit** in the bar above.' } });
    applyReadOnly(useShareSession.getState().readOnly);
    disposables.push({ dispose: useShareSession.subscribe((s) => applyReadOnly(s.readOnly)) });

    disposables.push(
      model.onDidChangeContent(() => {
        if (!applyingExternal) store.getState().setText(model.getValue(), 'editor');
      }),
    );

    // The store's history is the one undo stack: canvas and text edits undo in order.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => store.getState().undo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () => store.getState().redo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => store.getState().redo());

    const applyExternalText = (text: string) => {
      const edit = computeMinimalEdit(model.getValue(), text);
      if (!edit) return;
      applyingExternal = true;
      try {
        const { text: replacement, ...range } = edit;
        editor.executeEdits('gwsim-store', [{ range, text: replacement, forceMoveMarkers: true }]);
        // Monaco normalises line endings; if that changed anything, fall back to the exact text.
        if (model.getValue() !== text) model.setValue(text);
      } finally {
        applyingExternal = false;
      }
    };

    const updateMarkers = () => {
      const s = store.getState();
      // Markers from an older analysis would sit on the wrong lines; Monaco moves existing ones with edits.
      if (!s.analysis || s.analysisRevision !== s.revision) return;
      monaco.editor.setModelMarkers(model, MARKER_OWNER, toMonacoMarkers(s.analysis.diagnostics, WORKSPACE_FILE));
    };

    const selection = editor.createDecorationsCollection();
    const highlightSelected = (reveal: boolean) => {
      const s = store.getState();
      const object = selectObject(s.selected)(s);
      if (!object) {
        selection.clear();
        return;
      }
      const endLine = Math.min(object.endLine, model.getLineCount());
      selection.set([
        {
          range: new monaco.Range(object.line, 1, endLine, 1),
          options: { isWholeLine: true, className: 'yaml-selected-doc', linesDecorationsClassName: 'yaml-selected-gutter' },
        },
      ]);
      if (reveal) editor.revealLinesNearTop(object.line, endLine, monaco.editor.ScrollType.Smooth);
    };

    disposables.push(
      editor.onDidChangeCursorPosition((e) => {
        // Cursor moves caused by applying external text are not the user pointing at something.
        if (applyingExternal || e.reason === monaco.editor.CursorChangeReason.ContentFlush) return;
        const s = store.getState();
        if (!s.analysis) return;
        const object = findObjectAtLine(s.analysis.objects, e.position.lineNumber);
        if (object && object.key !== s.selected) s.select(object.key, 'editor');
      }),
    );

    const unsubscribe = store.subscribe((s, p) => {
      // Undo restores the text first and tags the change just after; act on either step.
      const changed = s.text !== p.text || s.lastChange !== p.lastChange;
      if (changed && s.lastChange.origin !== 'editor' && model.getValue() !== s.text) applyExternalText(s.text);
      if (s.analysis !== p.analysis || s.revision !== p.revision) updateMarkers();
      if (s.selected !== p.selected || s.analysis !== p.analysis) {
        highlightSelected(s.selected !== p.selected && s.selectionOrigin !== 'editor' && s.selectionOrigin !== 'problems');
      }
      if (s.reveal && s.reveal !== p.reveal) {
        const { line, column } = s.reveal;
        editor.setPosition({ lineNumber: line, column });
        editor.revealLineInCenter(line, monaco.editor.ScrollType.Smooth);
        editor.focus();
      }
    });
    updateMarkers();
    highlightSelected(true);
    // Completion and hover only: a failure here leaves plain YAML editing fully working.
    getEngine()
      .crdSchemas()
      .then((crds) => setWorkspaceSchema(buildYamlSchema(crds) as unknown as Parameters<typeof setWorkspaceSchema>[0]))
      .catch(() => undefined);
    const removeHooks = TEST_HOOKS ? installEditorTestHooks(model, editor) : () => undefined;

    return () => {
      unsubscribe();
      removeHooks();
      for (const d of disposables) d.dispose();
    };
  }, []);

  return <div className="yaml-pane" ref={container} data-testid="yaml-editor" />;
}
