/**
 * For the inspector: one "Send a request that matches this rule" button per rule of the selected
 * route. The request comes from the engine's requestForRule; the trace opens in the Simulator.
 */
import { useGwsimStore } from "../../store";
import { selectSimRouteRules } from "../../store/simulatorFormSelectors";
import { composeFromObject } from "../../store/simulatorCompose";
import { sendRequest } from "./simulatorClient";

export function RuleRequestButtons({ route }: { route: string }) {
  const rules = useGwsimStore(selectSimRouteRules(route));
  if (!rules || rules.length === 0) return null;
  const send = (ruleIndex: number) => {
    const s = useGwsimStore.getState();
    if (!composeFromObject(useGwsimStore, route, ruleIndex)) return;
    s.setSimTab("request");
    void sendRequest(useGwsimStore.getState().simDraft);
  };
  return (
    <section className="insp-section" data-testid="inspector-simulate">
      <h3>Simulate</h3>
      {rules.map((rule) => (
        <div key={rule.index} className="sim-rule-row">
          <span className="sim-muted">
            rule {rule.index}
            {rule.name ? ` (${rule.name})` : ""}
          </span>
          <button
            type="button"
            className="sim-link"
            data-testid={`inspector-send-rule-${rule.index}`}
            onClick={() => send(rule.index)}
          >
            Send a request that matches this rule
          </button>
        </div>
      ))}
    </section>
  );
}
