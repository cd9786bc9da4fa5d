import "./toolbar.css";
import { ReadingsControl } from "./ReadingsControl";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useStore } from "zustand";
import { useGwsimStore } from "../../store";
import { selectCanRedo, selectCanUndo, selectIsBusy } from "../../store/selectors";
import { MenuButton, type MenuItem } from "../common/MenuButton";
import { PanelLoading } from "../common/PanelLoading";
import { useExampleItems } from "./exampleMenu";
import { withNamedWorkspaces } from "../app/namedWorkspacesOnDemand";
import { openFilesOnDemand, type OpenMode } from "../app/openFilesOnDemand";
import { downloadText } from "./exportWorkspace";
import { withExportMenuActions } from "./exportMenuActionsOnDemand";
import { WorkspaceMenus } from "./WorkspaceMenus";
import { ThemeSwitch } from "./ThemeSwitch";
import { useTheme } from "../app/theme";
import { WorldSwitch } from "./WorldSwitch";
import { BUSY_WORDS, BusyAnnouncer } from "./busyAnnouncement";
import { useShownAnalysis } from "../common/shownAnalysis";

// The Ingress migration view (and its diff display) loads when opened.
const MigrateView = lazy(() =>
  import("../migrate/MigrateView").then((m) => ({ default: m.MigrateView })),
);

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? "⌘" : "Ctrl+";

function notify(kind: "info" | "error", message: string) {
  useGwsimStore.getState().setNotice({ kind, message });
}

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
      onSelect: () => withExportMenuActions((m) => m.downloadCleaned(false)),
    },
    {
      id: "clean-timestamps",
      label: "Download cleaned, without creationTimestamp",
      onSelect: () => withExportMenuActions((m) => m.downloadCleaned(true)),
    },
    {
      id: "share-link",
      label: (
        <span title="The workspace is compressed into the link's #fragment. Browsers never send the fragment to a server, so nothing is uploaded.">
          Copy share link
        </span>
      ),
      onSelect: () => withExportMenuActions((m) => m.copyShareLink()),
    },
    {
      id: "zip",
      label: "Download as folders (zip)",
      onSelect: () => withExportMenuActions((m) => m.downloadAsFolders()),
    },
    {
      id: "diagram-svg",
      label: `Diagram as SVG (${theme} theme)`,
      onSelect: () => withExportMenuActions((m) => m.downloadDiagram("svg")),
    },
    {
      id: "diagram-png",
      label: `Diagram as PNG (${theme} theme)`,
      onSelect: () => withExportMenuActions((m) => m.downloadDiagram("png")),
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
 * The visible label is not a live region (a screen reader would announce both words on every
 * key typed): a separate one says only a wait a person notices (busyAnnouncement.ts).
 */
function BusyIndicator() {
  // Up to date once the panels show the answer too (they follow it a frame after the graph).
  const answered = useGwsimStore((s) => s.analysisRevision);
  const shown = useShownAnalysis((s) => s.analysisRevision);
  const busy = useGwsimStore(selectIsBusy) || answered !== shown;
  const announcement = useBusyAnnouncement(busy);
  return (
    <>
      <span className={`busy ${busy ? "is-busy" : ""}`} data-testid="busy-indicator">
        <span className="tb-long">{busy ? BUSY_WORDS.busy : BUSY_WORDS.done}</span>
      </span>
      <span className="visually-hidden" aria-live="polite" data-testid="busy-announcement">
        {announcement}
      </span>
    </>
  );
}

function useBusyAnnouncement(busy: boolean): string {
  const [announcement, setAnnouncement] = useState("");
  const [announcer] = useState(() => new BusyAnnouncer(setAnnouncement));
  useEffect(() => announcer.update(busy), [announcer, busy]);
  useEffect(() => () => announcer.dispose(), [announcer]);
  return announcement;
}
