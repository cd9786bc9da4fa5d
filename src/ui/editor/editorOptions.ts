/**
 * The options the YAML pane creates its Monaco editor with (the model is added by YamlPane).
 * Kept apart from YamlPane so they can be checked without loading Monaco.
 */
import type { editor } from "monaco-editor/editor";

export const EDITOR_OPTIONS = {
  editContext: false, // Chromium's EditContext input drops spaces typed by automation
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  lineHeight: 19,
  tabSize: 2,
  insertSpaces: true,
  scrollBeyondLastLine: false,
  renderLineHighlight: "line",
  fixedOverflowWidgets: true,
  wordWrap: "off",
  glyphMargin: false,
  folding: true,
  // Sticky scroll pins a key from a previous YAML document above the next one: misleading here.
  stickyScroll: { enabled: false },
  // Inline (ghost text) suggestions: no provider of ours or monaco-yaml's offers any, and Monaco's
  // own word-suggest one answers only with quickSuggestions' "inline" mode, which is off. Left on,
  // every keystroke still runs the inline-completions model (tokenizing the line, asking the
  // providers) on the main thread for nothing.
  inlineSuggest: { enabled: false },
  // Colouring brackets by nesting depth re-parses the bracket tree while rendering each changed
  // line (after every keystroke, in the frame that shows it). Workspace YAML nests block mappings,
  // not brackets: its few flow collections (`methods: [GET]`) are one level deep, where the
  // colours say nothing. Matching-bracket highlighting (matchBrackets) is kept.
  bracketPairColorization: { enabled: false },
} as const satisfies editor.IStandaloneEditorConstructionOptions;

/**
 * Bracket colours are the model's option too, and the model is created before the editor: the
 * editor's option alone leaves the model's bracket colorizer on.
 */
export const MODEL_OPTIONS = {
  bracketColorizationOptions: { enabled: false, independentColorPoolPerBracketType: false },
} as const satisfies editor.ITextModelUpdateOptions;
