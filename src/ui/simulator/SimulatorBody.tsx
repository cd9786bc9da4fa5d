/**
 * The open Simulator panel's tabs, loaded lazily by SimulatorPanel (its header stays in the
 * page's first JavaScript; these bodies and the engine helpers they use do not).
 */
import type { SimulatorTab } from "../../store/simulatorSlice";
import { CanaryLab } from "./CanaryLab";
import { MixEditor } from "./MixEditor";
import { RequestComposer } from "./RequestComposer";
import { RequestLists } from "./RequestLists";
import { RolloutStepper } from "./RolloutStepper";
import { TraceView } from "./TraceView";
import { WhatIfView } from "./WhatIfView";
// Its edits are synchronous: the engine's editor comes with this code (store/editEngine.ts).
import "../../store/editEngineModule";

export default function SimulatorBody({ tab }: { tab: SimulatorTab }) {
  return (
    <>
      {tab === "request" ? (
        <div className="sim-columns">
          <div className="sim-left">
            <RequestComposer />
            <RequestLists />
          </div>
          {/* A scrolling region keyboard users can reach and scroll even when the trace holds no
              button (an empty or outdated trace squeezed into a short panel). */}
          <div className="sim-right" role="region" aria-label="Trace" tabIndex={0}>
            <TraceView />
          </div>
        </div>
      ) : tab === "canary" ? (
        <CanaryLab />
      ) : tab === "mix" ? (
        <MixEditor />
      ) : tab === "rollout" ? (
        <RolloutStepper />
      ) : (
        <WhatIfView />
      )}
    </>
  );
}
