/**
 * The readings control, beside the world switch: where the Gateway API spec is unsettled or
 * implementations split, gwsim follows one reading by default and offers the other by name
 * (engine readings/readings.ts). Each reading shows its question and its values, gwsim's default
 * marked; the button carries a badge while any non-default reading is active, so nobody takes
 * the analysis for gwsim's default behaviour. The words are the engine's: names, values and
 * questions come from READINGS.
 */
import { useCallback, useId, useRef, useState } from "react";
import { READINGS, type ReadingName, type Readings } from "../../engine/present";
import { useGwsimStore } from "../../store";
import { nonDefaultReadings, readingAssignments } from "../../store/readingChoices";
import { useDismiss } from "../common/useDismiss";

const READING_NAMES = Object.keys(READINGS) as ReadingName[];

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
        <div
          className="readings-panel"
          role="dialog"
          aria-label="Readings"
          id={panelId}
          data-testid="readings-panel"
        >
          <p className="readings-intro">
            Where the spec is unsettled or implementations split, gwsim follows its default and
            offers the other reading by name. What a non-default reading changes is reported where
            it acts (Problems, status, traces).
          </p>
          {READING_NAMES.map((name) => {
            const spec = READINGS[name];
            const current = readings[name] ?? spec.default;
            return (
              <fieldset key={name} className="reading" data-testid={`reading-${name}`}>
                <legend className="reading-name">{name}</legend>
                <p className="reading-question">{spec.question}</p>
                <div className="reading-values">
                  {spec.values.map((value) => (
                    <label
                      key={value}
                      className={`reading-value ${value === current ? "is-on" : ""}`}
                    >
                      <input
                        type="radio"
                        name={`${panelId}-${name}`}
                        value={value}
                        checked={value === current}
                        data-testid={`reading-${name}-${value}`}
                        onChange={() => choose(name, value)}
                      />
                      {value}
                      {value === spec.default ? (
                        <span className="reading-default"> (gwsim's default)</span>
                      ) : null}
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
          <div className="readings-actions">
            <button
              type="button"
              className="tb-button"
              data-testid="readings-reset"
              disabled={active.length === 0}
              onClick={() => setReadings({})}
            >
              Use gwsim's defaults
            </button>
            <button type="button" className="tb-button" onClick={close}>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
