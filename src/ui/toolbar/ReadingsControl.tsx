/**
 * The readings control, beside the world switch: where the Gateway API spec is unsettled or
 * implementations split, gwsim follows one reading by default and offers the other by name
 * (engine readings/readings.ts). Each reading shows its question and its values, gwsim's default
 * marked (ReadingsPanel.tsx); the button carries a badge while any non-default reading is active, so nobody takes
 * the analysis for gwsim's default behaviour. The words are the engine's: names, values and
 * questions come from READINGS and READING_QUESTIONS.
 */
import { lazy, Suspense, useCallback, useId, useRef, useState } from "react";
import type { ReadingName, Readings } from "../../engine/present";
import { useGwsimStore } from "../../store";
import { nonDefaultReadings, readingAssignments } from "../../store/readingChoices";
import { useDismiss } from "../common/useDismiss";

// The panel and the questions it shows load when it first opens (initial JS, issue 11).
const ReadingsPanel = lazy(() => import("./ReadingsPanel"));

export function ReadingsControl() {
  const readings = useGwsimStore((s) => s.readings);
  const setReadings = useGwsimStore((s) => s.setReadings);
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => {
    setOpen(false);
    buttonRef.current?.focus();
  }, []);
  useDismiss(ref, open, close);
  const active = nonDefaultReadings(readings);
  const choose = (name: ReadingName, value: string) =>
    setReadings({ ...readings, [name]: value } as Readings);
  return (
    <div className="tb-group readings-control menu" ref={ref} data-testid="readings-control">
      <button
        type="button"
        className={`tb-button readings-button ${active.length > 0 ? "is-non-default" : ""}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="readings-button"
        title={
          active.length > 0
            ? `Non-default readings in force: ${readingAssignments(readings).join(", ")}`
            : "Where the spec is unsettled, gwsim follows its default readings; choose another here"
        }
        ref={buttonRef}
        onClick={() => setOpen((o) => !o)}
      >
        Readings
        {active.length > 0 ? (
          <span className="readings-badge" data-testid="readings-badge">
            {active.length}
            <span className="tb-long"> non-default</span>
          </span>
        ) : null}{" "}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <ReadingsPanel
            id={panelId}
            readings={readings}
            active={active.length > 0}
            choose={choose}
            reset={() => setReadings({})}
            close={close}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
