/**
 * The YAML pane: one Monaco model bound to the store by small bindings (./bindings), each
 * unit-tested with a fake editor: text sync, read-only, markers, selection and reveal.
 * Undo/redo keys go to the store's single history (Monaco's own stack is not used).
 */
import { useEffect, useRef } from "react";
import { useGwsimStore } from "../../store";
import { getEngine } from "../../worker/engineClient";
import { buildYamlSchema } from "./buildYamlSchema";
import { EDITOR_OPTIONS, MODEL_OPTIONS } from "./editorOptions";
import { monaco, setWorkspaceSchema, WORKSPACE_URI } from "./monacoEnvironment";
import { disposeAll } from "./bindings/editorPorts";
import { bindMarkers } from "./bindings/markers";
import { editorPort, modelPort, screenReaderPort } from "./bindings/monacoPorts";
import { bindReadOnly } from "./bindings/readOnly";
import { bindReveal } from "./bindings/reveal";
import { bindScreenReaderPage } from "./bindings/screenReaderPage";
import { bindSelection } from "./bindings/selection";
import { bindTextSync } from "./bindings/textSync";
import { installEditorTestHooks } from "./editorTestHooks";
import { TEST_HOOKS } from "../app/testHooksEnabled";
import { bindMonacoTheme } from "../app/theme";

export default function YamlPane() {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const store = useGwsimStore;
    const uri = monaco.Uri.parse(WORKSPACE_URI);
    const model =
      monaco.editor.getModel(uri) ?? monaco.editor.createModel(store.getState().text, "yaml", uri);
    model.updateOptions(MODEL_OPTIONS);
    const editor = monaco.editor.create(element, { ...EDITOR_OPTIONS, model });

    const context = { store, model: modelPort(model), editor: editorPort(editor, model) };
    const text = bindTextSync(context);
    // vs / vs-dark with the app's theme (monaco themes are global: one binding is enough).
    const theme = { dispose: bindMonacoTheme((name) => monaco.editor.setTheme(name)) };
    const bindings = [
      theme,
      text,
      bindReadOnly(context),
      bindMarkers(context),
      bindSelection(context, text.applyingExternal),
      bindReveal(context),
      bindScreenReaderPage(screenReaderPort(editor)),
    ];

    // The store's history is the one undo stack: canvas and text edits undo in order.
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyZ, () => store.getState().undo());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyZ, () =>
      store.getState().redo(),
    );
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyY, () => store.getState().redo());
    // Completion and hover only: a failure here leaves plain YAML editing fully working.
    getEngine()
      .crdSchemas()
      .then((crds) =>
        setWorkspaceSchema(
          buildYamlSchema(crds) as unknown as Parameters<typeof setWorkspaceSchema>[0],
        ),
      )
      .catch(() => undefined);
    // The user skipped to the editor while Monaco was still loading: the pane held focus for it.
    if (document.activeElement === document.getElementById("editor-pane")) editor.focus();
    const removeHooks = TEST_HOOKS ? installEditorTestHooks(model, editor) : () => undefined;

    return () => {
      removeHooks();
      disposeAll(bindings);
      editor.dispose();
    };
  }, []);

  return <div className="yaml-pane" ref={container} data-testid="yaml-editor" />;
}
