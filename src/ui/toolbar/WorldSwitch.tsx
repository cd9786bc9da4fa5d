/**
 * The world switch: how much of the cluster the workspace is (engine resolve/world.ts). One line
 * says what the current choice does; the full sentence of each is its tooltip.
 */
import type { WorldMode } from "../../engine";
import { useGwsimStore } from "../../store";

const WORLD_MODES: readonly WorldMode[] = ["open", "auto", "closed"];

/** The tooltip of each choice: what the engine does in that world. */
const WORLD_MODE_DESCRIPTIONS: Readonly<Record<WorldMode, string>> = {
  open: "every object the workspace references but lacks is assumed to exist and be valid",
  auto: "the workspace is authoritative for each kind and namespace it holds objects of; the rest is assumed (default)",
  closed: "the workspace is the whole cluster: whatever it lacks is missing",
};

/** The one-line explanation shown next to the switch. */
export const WORLD_ONE_LINERS: Readonly<Record<WorldMode, string>> = {
  open: "assume everything the workspace lacks",
  auto: "assume kinds the workspace lacks",
  closed: "the workspace is the whole cluster",
};

export function WorldSwitch() {
  const world = useGwsimStore((s) => s.world);
  const setWorld = useGwsimStore((s) => s.setWorld);
  return (
    <div className="tb-group world-switch" data-testid="world-switch">
      <span className="world-label" id="world-label">
        World
      </span>
      <div
        role="radiogroup"
        aria-labelledby="world-label"
        aria-describedby="world-explain"
        className="world-options"
      >
        {WORLD_MODES.map((mode) => (
          <button
            key={mode}
            type="button"
            role="radio"
            aria-checked={world === mode}
            className={`world-option ${world === mode ? "is-on" : ""}`}
            data-testid={`world-${mode}`}
            title={`${mode}: ${WORLD_MODE_DESCRIPTIONS[mode]}`}
            onClick={() => setWorld(mode)}
          >
            {mode}
          </button>
        ))}
      </div>
      <span
        className="world-explain"
        id="world-explain"
        data-testid="world-explain"
        title={WORLD_MODE_DESCRIPTIONS[world]}
      >
        {WORLD_ONE_LINERS[world]}
      </span>
    </div>
  );
}
