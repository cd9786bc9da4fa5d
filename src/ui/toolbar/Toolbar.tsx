import "./toolbar.css";
import { ReadingsControl } from "./ReadingsControl";
import { lazy, Suspense, useRef, useState } from "react";
import { useStore } from "zustand";
import { useGwsimStore } from "../../store";
import { selectCanRedo, selectCanUndo, selectIsBusy } from "../../store/selectors";
import { MenuButton, type MenuItem } from "../common/MenuButton";
import { PanelLoading } from "../common/PanelLoading";
import { useExampleItems } from "./exampleMenu";
import { withNamedWorkspaces } from "../app/namedWorkspacesOnDemand";
import { openFilesOnDemand, type OpenMode } from "../app/openFilesOnDemand";
import { cleanedText, downloadText } from "./exportWorkspace";
import { loadExportActions } from "./deferredActions";
import { WorkspaceMenus } from "./WorkspaceMenus";
import { TEST_HOOKS } from "../app/testHooksEnabled";
import { ThemeSwitch } from "./ThemeSwitch";
import { currentTheme, useTheme } from "../app/theme";
import { WorldSwitch } from "./WorldSwitch";

// The Ingress migration view (and its diff display) loads when opened.
const MigrateView = lazy(() =>
  import("../migrate/MigrateView").then((m) => ({ default: m.MigrateView })),
);

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? "⌘" : "Ctrl+";

function notify(kind: "info" | "error", message: string) {
  useGwsimStore.getState().setNotice({ kind, message });
}

function downloadCleaned(dropCreationTimestamp: boolean) {
  cleanedText(useGwsimStore.getState().text, dropCreationTimestamp).then(
    (t) => downloadText(t, "gwsim-clean.yaml"),
    (error: unknown) =>
      notify(
        "error",
        `Could not clean the YAML: ${error instanceof Error ? error.message : String(error)}`,
      ),
  );
}

function copyShareLink() {
  const { text, simSaved, world, readings } = useGwsimStore.getState();
  loadExportActions()
    .then(({ shareLinkFor }) => shareLinkFor(text, simSaved, { world, readings }))
    .then(
      (result) => {
        if (!result.ok) return notify("error", result.message);
        if (TEST_HOOKS && window.__gwsim) window.__gwsim.lastShareLink = result.url;
        const requests =
          result.requests > 0
            ? ` It includes ${result.requests === 1 ? "the saved request" : `${result.requests} saved requests`}.`
            : "";
        const leftOut =
          result.requestsLeftOut > 0
            ? ` ${result.requestsLeftOut === 1 ? "One saved request was" : `${result.requestsLeftOut} saved requests were`} left out to keep the link short enough.`
            : "";
        navigator.clipboard.writeText(result.url).then(
          () =>
            notify(
              "info",
              `A share link is on the clipboard. The workspace travels inside the link itself; nothing is uploaded.${requests}${leftOut}`,
            ),
          () => notify("error", "The browser did not allow copying to the clipboard."),
        );
      },
      (error: unknown) =>
        notify(
          "error",
          `Could not build a share link: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
}

function downloadAsFolders() {
  const { text, analysis, analysisText } = useGwsimStore.getState();
  if (!analysis || analysisText !== text)
    return notify(
      "error",
      "The analysis has not caught up with the text yet; try again in a moment.",
    );
  loadExportActions()
    .then(({ downloadFolders }) => downloadFolders(text, analysis.objects))
    .then(
      (count) => notify("info", `Downloaded ${count} object files with a kustomization.yaml.`),
      (error: unknown) =>
        notify(
          "error",
          `Could not build the zip: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
}

function downloadDiagram(format: "svg" | "png") {
  // The picture in the theme on screen: a dark canvas exports a dark diagram.
  const theme = currentTheme();
  // Loaded on demand: the SVG builder is only needed when a diagram is exported.
  import("../export/exportDiagram")
    .then(async ({ diagramOf, downloadBlob, renderDiagramPng, svgBlob }) => {
      const diagram = diagramOf(useGwsimStore.getState(), DIAGRAM_TITLE, theme);
      if (!diagram)
        return notify("error", "There is no analysed graph to draw yet; try again in a moment.");
      if (format === "svg") {
        downloadBlob(svgBlob(diagram), "gwsim-diagram.svg");
        return notify(
          "info",
          `Downloaded the diagram as SVG (${diagram.width} × ${diagram.height}, ${theme} theme).`,
        );
      }
      const png = await renderDiagramPng(diagram);
      downloadBlob(png.blob, "gwsim-diagram.png");
      notify(
        "info",
        `Downloaded the diagram as PNG (${png.width} × ${png.height} pixels, ${theme} theme).`,
      );
    })
    .catch((error: unknown) =>
      notify(
        "error",
        `Could not export the diagram: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
}

const DIAGRAM_TITLE = "Gateway API topology";

export function Toolbar() {
  const fileInput = useRef<HTMLInputElement>(null);
  // Which button opened the file picker: the same hidden input serves Open and Add.
  const fileMode = useRef<OpenMode>("add");
  const undo = useGwsimStore((s) => s.undo);
  const redo = useGwsimStore((s) => s.redo);
  const requestRelayout = useGwsimStore((s) => s.requestRelayout);
  const canUndo = useStore(useGwsimStore.temporal, selectCanUndo);
  const canRedo = useStore(useGwsimStore.temporal, selectCanRedo);
  const [migrating, setMigrating] = useState(false);
  const { theme } = useTheme();

  const examples = useExampleItems();

  const text = () => useGwsimStore.getState().text;
  const exportItems: MenuItem[] = [
    {
      id: "download",
      label: "Download YAML",
      onSelect: () => downloadText(text(), "gwsim-workspace.yaml"),
    },
    {
      id: "copy",
      label: "Copy YAML to clipboard",
      onSelect: () =>
        void navigator.clipboard.writeText(text()).then(
          () => notify("info", "The workspace YAML is on the clipboard."),
          () =>
            notify(
              "error",
              "The browser did not allow copying to the clipboard; use Download instead.",
            ),
        ),
    },
    {
      id: "clean",
      label: "Download cleaned cluster dump",
      onSelect: () => downloadCleaned(false),
    },
    {
      id: "clean-timestamps",
      label: "Download cleaned, without creationTimestamp",
      onSelect: () => downloadCleaned(true),
    },
    {
      id: "share-link",
      label: (
        <span title="The workspace is compressed into the link's #fragment. Browsers never send the fragment to a server, so nothing is uploaded.">
          Copy share link
        </span>
      ),
      onSelect: copyShareLink,
    },
    { id: "zip", label: "Download as folders (zip)", onSelect: downloadAsFolders },
    {
      id: "diagram-svg",
      label: `Diagram as SVG (${theme} theme)`,
      onSelect: () => downloadDiagram("svg"),
    },
    {
      id: "diagram-png",
      label: `Diagram as PNG (${theme} theme)`,
      onSelect: () => downloadDiagram("png"),
    },
  ];

  return (
    <header className="toolbar" role="toolbar" aria-label="gwsim" data-testid="toolbar">
      <h1 className="app-name">gwsim</h1>
      <span className="app-tagline">Gateway API designer</span>
      <div className="tb-group">
        {/* The examples' summaries load as the pointer or the focus reaches the button. */}
        <div
          className="menu-prefetch"
          onPointerEnter={examples.prefetch}
          onFocusCapture={examples.prefetch}
        >
          <MenuButton label="Open example" items={examples.items} testId="open-example" />
        </div>
        <button
          type="button"
          className="tb-button"
          data-testid="new-workspace"
          title="Start an empty workspace (asks first when the current work is not saved)"
          onClick={() => void withNamedWorkspaces((m) => m.startEmptyWorkspace(), undefined)}
        >
          New
        </button>
        <button
          type="button"
          className="tb-button"
          data-testid="open-files"
          title="Open .yaml/.yml files, or a .zip of them, in place of the current workspace (asks first when the current work is not saved)"
          onClick={() => {
            fileMode.current = "open";
            fileInput.current?.click();
          }}
        >
          Open files…
        </button>
        <button
          type="button"
          className="tb-button"
          data-testid="add-files"
          title="Add .yaml/.yml files, or a .zip of them (such as Download as folders), to the current workspace"
          onClick={() => {
            fileMode.current = "add";
            fileInput.current?.click();
          }}
        >
          Add files…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".yaml,.yml,.zip,application/yaml,text/yaml,application/zip"
          multiple
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const files = e.currentTarget.files;
            if (files)
              void openFilesOnDemand(files, fileMode.current).finally(() => (e.target.value = ""));
          }}
        />
        <WorkspaceMenus />
        <MenuButton label="Export" items={exportItems} testId="export" />
        <button
          type="button"
          className="tb-button"
          data-testid="migrate-open"
          title="Convert the workspace's Ingresses (ingress-nginx) to Gateway API and see which requests would behave differently"
          onClick={() => setMigrating(true)}
        >
          Migrate<span className="tb-long"> from Ingress</span>
          <span className="tb-short" aria-hidden="true">
            …
          </span>
        </button>
        {migrating ? (
          <Suspense fallback={<PanelLoading what="the migration view" inline />}>
            <MigrateView onClose={() => setMigrating(false)} />
          </Suspense>
        ) : null}
      </div>
      <div className="tb-group">
        <button
          type="button"
          className="tb-button"
          data-testid="undo"
          disabled={!canUndo}
          onClick={undo}
          title={`Undo (${MOD}Z)`}
        >
          <span className="tb-short" aria-hidden="true">
            ↶
          </span>
          <span className="tb-long">Undo</span>
        </button>
        <button
          type="button"
          className="tb-button"
          data-testid="redo"
          disabled={!canRedo}
          onClick={redo}
          title={`Redo (${MOD}Shift+Z)`}
        >
          <span className="tb-short" aria-hidden="true">
            ↷
          </span>
          <span className="tb-long">Redo</span>
        </button>
        <button
          type="button"
          className="tb-button"
          data-testid="relayout"
          onClick={requestRelayout}
          title="Lay out the graph again"
        >
          Re-layout
        </button>
      </div>
      <WorldSwitch />
      <ReadingsControl />
      <div className="tb-spacer" />
      <ThemeSwitch />
      <BusyIndicator />
    </header>
  );
}

/**
 * Analysing… / Up to date. Its own component: busy flips twice per keystroke (the text gets ahead
 * of the analysis, then the answer lands), and only this span shows it, not the whole toolbar.
 */
function BusyIndicator() {
  const busy = useGwsimStore(selectIsBusy);
  return (
    <span
      className={`busy ${busy ? "is-busy" : ""}`}
      data-testid="busy-indicator"
      aria-live="polite"
    >
      <span className="tb-long">{busy ? "Analysing…" : "Up to date"}</span>
    </span>
  );
}
