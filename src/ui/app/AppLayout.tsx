/**
 * The one page: toolbar on top; the graph canvas (with the inspector on its right) and the YAML
 * pane side by side with a draggable divider; the Problems panel at the bottom.
 * The canvas work owns GraphCanvas and Inspector; this layout only gives them their slots.
 */
import { lazy, Suspense, useRef } from 'react';
import { GraphCanvas } from '../canvas/GraphCanvas';
import { Inspector } from '../inspector/Inspector';
import { Toolbar } from '../toolbar/Toolbar';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { SimulatorPanel } from '../simulator/SimulatorPanel';
import { PlatformPanel } from '../lint/PlatformPanel';
import { NoticeBar } from '../common/NoticeBar';
import { SplitDivider } from '../common/SplitDivider';
import { useGwsimStore } from '../../store';
import { selectSplitRatio } from '../../store/selectors';
import { FileDropZone } from './FileDropZone';
import { useUndoShortcuts } from './useUndoShortcuts';
import { useEscapeBidi } from '../common/useEscapeBidi';
import { useEditorAfterFirstGraph } from './useEditorAfterFirstGraph';

// Monaco is the largest part of the app: fetched once the first graph is on screen.
const YamlPane = lazy(() => import('../editor/YamlPane'));
const EDITOR_LOADING = <div className="pane-loading">Loading editor…</div>;

export function AppLayout() {
  const ratio = useGwsimStore(selectSplitRatio);
  const setSplitRatio = useGwsimStore((s) => s.setSplitRatio);
  const mainRef = useRef<HTMLDivElement>(null);
  const appRef = useRef<HTMLDivElement>(null);
  useUndoShortcuts();
  useEscapeBidi(appRef);
  const editorReady = useEditorAfterFirstGraph();
  return (
    <FileDropZone>
      <div className="app" ref={appRef}>
        <Toolbar />
        <NoticeBar />
        <div className="app-main" ref={mainRef}>
          <section className="pane pane-canvas" style={{ flexBasis: `${ratio * 100}%` }} aria-label="Graph">
            <div className="canvas-slot">
              <GraphCanvas />
            </div>
            <Inspector />
          </section>
          <SplitDivider containerRef={mainRef} ratio={ratio} onChange={setSplitRatio} />
          <section className="pane pane-editor" aria-label="YAML">
            <Suspense fallback={EDITOR_LOADING}>{editorReady ? <YamlPane /> : EDITOR_LOADING}</Suspense>
          </section>
        </div>
        <SimulatorPanel />
        <PlatformPanel />
        <ProblemsPanel />
      </div>
    </FileDropZone>
  );
}
