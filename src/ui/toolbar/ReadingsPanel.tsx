/**
 * The readings panel the readings control opens: each reading with its question and values,
 * gwsim's default marked. A module of its own so that READINGS' table and the questions
 * (engine readings/readingQuestions.ts) load when the panel first opens, not with the page.
 */
import { READINGS, type ReadingName, type Readings } from "../../engine/present";
import { READING_QUESTIONS } from "../../engine/present/readingQuestions";

const READING_NAMES = Object.keys(READINGS) as ReadingName[];

export default function ReadingsPanel({
  id,
  readings,
  active,
  choose,
  reset,
  close,
}: {
  id: string;
  readings: Readings;
  /** Whether any non-default reading is in force (the reset button is enabled). */
  active: boolean;
  choose: (name: ReadingName, value: string) => void;
  reset: () => void;
  close: () => void;
}) {
  return (
    <div
      className="readings-panel"
      role="dialog"
      aria-label="Readings"
      id={id}
      data-testid="readings-panel"
    >
      <p className="readings-intro">
        Where the spec is unsettled or implementations split, gwsim follows its default and offers
        the other reading by name. What a non-default reading changes is reported where it acts
        (Problems, status, traces).
      </p>
      {READING_NAMES.map((name) => {
        const spec = READINGS[name];
        const current = readings[name] ?? spec.default;
        return (
          <fieldset key={name} className="reading" data-testid={`reading-${name}`}>
            <legend className="reading-name">{name}</legend>
            <p className="reading-question">{READING_QUESTIONS[name]}</p>
            <div className="reading-values">
              {spec.values.map((value) => (
                <label key={value} className={`reading-value ${value === current ? "is-on" : ""}`}>
                  <input
                    type="radio"
                    name={`${id}-${name}`}
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
          disabled={!active}
          onClick={reset}
        >
          Use gwsim's defaults
        </button>
        <button type="button" className="tb-button" onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
