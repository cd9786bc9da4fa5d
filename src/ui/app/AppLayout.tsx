/**
 * The one page: skip links and the toolbar on top; the graph canvas, the inspector docked beside
 * it (its own column: it never covers the graph) and the YAML pane, with a draggable divider;
 * the Simulator and Platform panels below, each resizable and collapsible, then Problems.
 * The graph keeps a minimum height whatever the panels ask for (CSS: .app-main min-height).
 * The canvas work owns GraphCanvas and Inspector; this layout only gives them their slots.
 */
import { lazy, Suspense, useEffect, useRef } from "react";
import { GraphCanvas } from "../canvas/GraphCanvas";
import { InspectorSlot } from "../inspector/InspectorSlot";
import { Toolbar } from "../toolbar/Toolbar";
import { ProblemsPanel } from "../problems/ProblemsPanel";
import { SimulatorPanel } from "../simulator/SimulatorPanel";
import { PlatformPanel } from "../lint/PlatformPanel";
import { NoticeBar } from "../common/NoticeBar";
import { PanelLoading } from "../common/PanelLoading";
import { SplitDivider } from "../common/SplitDivider";
import { useGwsimStore } from "../../store";
import { loadEditEngine } from "../../store/editEngine";
import { getEngine } from "../../worker/engineClient";
import { selectSplitRatio } from "../../store/selectors";
import { DockedPanel } from "./DockedPanel";
import { FileDropZone } from "./FileDropZone";
import { SkipLinks } from "./SkipLinks";
import { useUndoShortcuts } from "./useUndoShortcuts";
import { useEscapeBidi } from "../common/useEscapeBidi";
import { useEditorAfterFirstGraph } from "./useEditorAfterFirstGraph";
import { loadExportActions } from "../toolbar/deferredActions";
import { loadExportMenuActions } from "../toolbar/exportMenuActionsOnDemand";
import { loadPaletteTemplates } from "../palette/paletteTemplates";
import { loadCanvasEditing } from "../canvas/loadCanvasEditing";
import { loadOpenFiles } from "./openFilesOnDemand";
import { loadNamedWorkspaces } from "./namedWorkspacesOnDemand";

// Monaco is the largest part of the app: fetched once the first graph is on screen.
const YamlPane = lazy(() => import("../editor/YamlPane"));
const EDITOR_LOADING = <PanelLoading what="editor" />;

export function AppLayout() {
  const ratio = useGwsimStore(selectSplitRatio);
  const setSplitRatio = useGwsimStore((s) => s.setSplitRatio);
  const mainRef = useRef<HTMLDivElement>(null);
  const appRef = useRef<HTMLDivElement>(null);
  useUndoShortcuts();
  useEscapeBidi(appRef);
  const afterFirstGraph = useEditorAfterFirstGraph();
  // The engine's editor (canvas and palette edits) arrives with the other deferred parts, so the
  // first edit does not wait for it; a failed fetch is retried by that edit (store/editEngine.ts).
  // So do the engine worker's on-demand modules (`yaml` and others the first graph did not need).
  useEffect(() => {
    if (!afterFirstGraph) return;
    loadEditEngine().catch(() => undefined);
    loadExportActions().catch(() => undefined);
    loadExportMenuActions().catch(() => undefined);
    loadPaletteTemplates().catch(() => undefined);
    loadCanvasEditing().catch(() => undefined);
    loadOpenFiles().catch(() => undefined);
    loadNamedWorkspaces().catch(() => undefined);
    getEngine()
      .preloadModules()
      .catch(() => undefined);
  }, [afterFirstGraph]);
  return (
    <FileDropZone>
      <div className="app" ref={appRef}>
        <SkipLinks />
        <Toolbar />
        <NoticeBar />
        <div className="app-main" ref={mainRef}>
          <section
            className="pane pane-canvas"
            style={{ flexBasis: `${ratio * 100}%` }}
            aria-label="Graph"
          >
            <div className="canvas-slot">
              <GraphCanvas />
            </div>
          </section>
          <SplitDivider containerRef={mainRef} ratio={ratio} onChange={setSplitRatio} />
          <InspectorSlot ready={afterFirstGraph} />
          <section className="pane pane-editor" aria-label="YAML" id="editor-pane" tabIndex={-1}>
            <Suspense fallback={EDITOR_LOADING}>
              {afterFirstGraph ? <YamlPane /> : EDITOR_LOADING}
            </Suspense>
            {/* Monaco keeps Tab for indentation; say how to get out, where people look when stuck. */}
            <p className="editor-hint" data-testid="editor-tab-hint">
              Tab indents here. <kbd>Ctrl</kbd>+<kbd>M</kbd> makes Tab move focus instead;{" "}
              <kbd>Alt</kbd>+<kbd>F1</kbd> opens the editor's accessibility help.
            </p>
          </section>
        </div>
        <div className="bottom-panels">
          <DockedPanel id="simulator" label="Simulator">
            <SimulatorPanel />
          </DockedPanel>
          <DockedPanel id="platform" label="Platform">
            <PlatformPanel />
          </DockedPanel>
          <ProblemsPanel />
        </div>
      </div>
    </FileDropZone>
  );
}
